package attackkb.it;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.Main;
import attackkb.RealData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI over the real data: {@code index --data …attack} then {@code search "container image"}. */
class RealDataCliIT {
    @TempDir
    static Path tmp;

    static String run(String... args) {
        StringWriter out = new StringWriter();
        var cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(new StringWriter(), true));
        assertThat(cmd.execute(args)).as(String.join(" ", args)).isZero();
        return out.toString();
    }

    @BeforeAll
    static void index() {
        run("index", "--data", RealData.attack().toString(), "--index", tmp.resolve("index").toString());
    }

    @Test
    void searchContainerImageListsMaliciousImageAndImplantInternalImageInTheTopFive() {
        String out = run("search", "--index", tmp.resolve("index").toString(), "container image");
        List<String> top5 = out.lines().filter(l -> l.matches("^ ?\\d+\\. .*")).limit(5).toList();
        assertThat(top5).anySatisfy(l -> assertThat(l).contains("T1204.003").contains("Malicious Image"));
        assertThat(top5).anySatisfy(l -> assertThat(l).contains("T1525").contains("Implant Internal Image"));
    }
}
