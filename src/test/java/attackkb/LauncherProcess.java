package attackkb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code bin/attack-kb} run for real as a process, with a clean attack-kb environment, and what it printed. */
public final class LauncherProcess {
    public static final Path LAUNCHER = Path.of("bin", "attack-kb").toAbsolutePath();
    /** The java running the tests, which the launcher is told to use. */
    public static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private LauncherProcess() {}

    public record Run(int exitCode, String out, String err) {}

    /**
     * The jar {@code mvn package} built, when failsafe names it (its tests run after package, so it is this build's),
     * else null: elsewhere target/ may hold a jar of older code.
     */
    public static Path packagedJar() {
        String jar = System.getProperty("attackkb.packaged-jar");
        return jar == null || jar.isBlank() ? null : Path.of(jar);
    }

    /** Runs {@code launcher} with no ATTACK_KB_ variables but {@code env}, and waits for it. */
    public static Run run(Path launcher, Map<String, String> env, Duration timeout, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("ATTACK_KB_") || name.equals("JAVA")
                || name.equals("JAVA_HOME") || name.equals("MALLOC_ARENA_MAX"));
        builder.environment().put("JAVA", JAVA);
        builder.environment().putAll(env);
        Process process = builder.start();
        // A test run that ends, or is stopped, while the launcher runs takes it along rather than leave it running.
        Thread stop = new Thread(process::destroy);
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            process.getOutputStream().close();
            var out = readAsync(process.getInputStream());
            var err = readAsync(process.getErrorStream());
            assertThat(process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)).as("launcher finished").isTrue();
            return new Run(process.exitValue(), out.get(), err.get());
        } finally {
            process.destroy();
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs
            }
        }
    }

    private interface Text {
        String get() throws InterruptedException;
    }

    private static Text readAsync(InputStream stream) {
        var text = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                text.append(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.append(e);
            }
        });
        reader.start();
        return () -> {
            reader.join();
            return text.toString();
        };
    }
}
