package attackkb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import attackkb.BadInputException;
import attackkb.Fixtures;
import attackkb.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {
    @TempDir
    Path tmp;

    private ServeCommand command(StringWriter out, String... args) {
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(new StringWriter(), true));
        String[] all = new String[args.length + 1];
        all[0] = "serve";
        System.arraycopy(args, 0, all, 1, args.length);
        cmd.parseArgs(all);
        return cmd.getSubcommands().get("serve").getCommand();
    }

    @Test
    void buildsTheIndexWhenTheFolderIsEmptyThenServesIt() throws Exception {
        var out = new StringWriter();
        ServeCommand serve = command(out, "--index", tmp.resolve("index").toString(), "--port", "0",
                "--data", Fixtures.dir().toString());
        ServeCommand.Server server = serve.start();
        try {
            assertThat(tmp.resolve("index/CURRENT")).exists();
            assertThat(out.toString()).matches("attack-kb serving http://127\\.0\\.0\\.1:\\d+ {2}\\(ATT&CK enterprise-attack 18\\.1, "
                    + "mobile-attack 18\\.1; 18 documents; index built .*\\)\\s*");
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"ok\"");
        } finally {
            server.stop();
        }
    }

    @Test
    void boundsJettysThreadPoolByTheThreadsOption() throws Exception {
        ServeCommand serve = command(new StringWriter(), "--index", Fixtures.index(tmp.resolve("index")).root().toString(),
                "--port", "0", "--threads", "9", "--reload-interval", "0");
        ServeCommand.Server server = serve.start();
        try {
            var pool = (QueuedThreadPool) server.app().jettyServer().server().getThreadPool();
            assertThat(pool.getMaxThreads()).isEqualTo(9);
        } finally {
            server.stop();
        }
    }

    @Test
    void logsEachRequestOnlyWhenAskedTo() {
        assertThat(command(new StringWriter(), "--index", tmp.toString()).accessLog).isFalse();
        assertThat(command(new StringWriter(), "--index", tmp.toString(), "--access-log").accessLog).isTrue();
        assertThat(command(new StringWriter(), "--index", tmp.toString(), "--access-log=false").accessLog).isFalse();
    }

    @Test
    void refusesTooFewThreads() {
        ServeCommand serve = command(new StringWriter(), "--index", tmp.toString(), "--threads", "4");
        assertThatThrownBy(serve::start).isInstanceOf(BadInputException.class)
                .hasMessage("--threads must be 8 or more, got 4");
    }

    @Test
    void refusesANegativeResultCache() {
        ServeCommand serve = command(new StringWriter(), "--index", tmp.toString(), "--result-cache", "-1");
        assertThatThrownBy(serve::start).isInstanceOf(BadInputException.class)
                .hasMessage("--result-cache must be 0 or more, got -1");
    }
}
