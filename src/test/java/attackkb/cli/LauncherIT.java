package attackkb.cli;

import static attackkb.LauncherProcess.JAVA;
import static attackkb.LauncherProcess.LAUNCHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import attackkb.Fixtures;
import attackkb.LauncherProcess;
import attackkb.LauncherProcess.Run;
import attackkb.RealIndex;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/attack-kb}, run for real as a process. So that they test the launcher and not whichever jar was packaged
 * last, most tests give it (through ATTACK_KB_JAR) a jar that holds only a manifest naming the main class and this
 * test's class path: the launcher and the java it starts are the real ones. One starts the packaged jar over the real
 * data, as users do.
 */
class LauncherIT {
    @TempDir
    static Path tmp;

    static Path jar;
    static Path index;

    @BeforeAll
    static void prepare() throws IOException {
        jar = classPathJar(tmp.resolve("attack-kb.jar"));
        index = Fixtures.index(tmp.resolve("index")).root();
    }

    /** A jar of nothing but a manifest: Main-Class, and the test JVM's class path as absolute file URLs. */
    static Path classPathJar(Path file) throws IOException {
        var manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "attackkb.Main");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH,
                Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                        .map(entry -> Path.of(entry).toUri().toString())
                        .collect(Collectors.joining(" ")));
        try (OutputStream out = Files.newOutputStream(file); var jarOut = new JarOutputStream(out, manifest)) {
            return file;
        }
    }

    static Run run(Path launcher, Map<String, String> env, String... args) throws Exception {
        return LauncherProcess.run(launcher, env, Duration.ofSeconds(60), args);
    }

    static Run run(Map<String, String> env, String... args) throws Exception {
        var all = new java.util.HashMap<>(env);
        all.putIfAbsent("ATTACK_KB_JAR", jar.toString());
        return run(LAUNCHER, all, args);
    }

    static Run dryRun(Map<String, String> env, String... args) throws Exception {
        var all = new java.util.HashMap<>(env);
        all.put("ATTACK_KB_LAUNCHER_DRY_RUN", "1");
        Run run = run(all, args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    @Test
    void isCommittedExecutable() {
        assertThat(Files.isExecutable(LAUNCHER)).isTrue();
    }

    @Test
    void searchesThroughTheLauncher() throws Exception {
        Run run = run(Map.of(), "search", "--index", index.toString(), "container", "image");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^ [12]\\. T1204\\.003  Malicious Image  \\(User Execution\\)$");
    }

    /**
     * The packaged jar as users start it, over all of the real data: the index of it the other tests read was built by
     * the launcher with this jar (the index command's heap is enough), and a search of it finds the same three.
     */
    @Test
    void indexesAndSearchesTheRealDataWithThePackagedJar() throws Exception {
        Path packaged = LauncherProcess.packagedJar();
        assumeTrue(packaged != null, "skipped: the packaged jar is tested after mvn package, in mvn verify");
        RealIndex real = RealIndex.all();
        assertThat(real.indexOutput()).as("index through the launcher").containsPattern(
                "(?m)^enterprise-attack +18\\.1 +691 +14 +44 +691 +172 +784 +52 +0$");
        Run search = run(LAUNCHER, Map.of("ATTACK_KB_JAR", packaged.toString()),
                "search", "--index", real.folder().toString(), "--limit", "3", "powersh");
        assertThat(search.exitCode()).as(search.err()).isZero();
        assertThat(search.out().lines().filter(line -> line.matches("^ ?\\d+\\. .*"))).containsExactly(
                " 1. T1059.001  PowerShell  (Command and Scripting Interpreter)",
                " 2. T1546.013  PowerShell Profile  (Event Triggered Execution)",
                " 3. S0363      Empire");
        assertThat(search.out()).containsPattern("(?m)^3 of 352 results in ");
    }

    @Test
    void passesTheCommandsExitCodeOn() throws Exception {
        Path nowhere = tmp.resolve("nowhere");
        Run run = run(Map.of(), "search", "--index", nowhere.toString(), "image");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(nowhere + ": no index here");
    }

    @Test
    void javaOptsFromTheEnvironmentReplaceTheComputedOnes() throws Exception {
        Run run = run(Map.of("ATTACK_KB_JAVA_OPTS", "-Xmx77m -XshowSettings:vm"), "--version");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).containsPattern("Max\\. Heap Size[^:]*: 77\\.00M");
        assertThat(dryRun(Map.of("ATTACK_KB_JAVA_OPTS", "-Xmx77m"), "serve", "--index", index.toString()).out().strip())
                .isEqualTo(JAVA + " -Xmx77m -jar " + jar + " serve --index " + index);
    }

    @Test
    void sizesTheServersHeapToTheIndexItWillServe() throws Exception {
        // The fixture index is tiny: the lower bound.
        assertThat(dryRun(Map.of(), "serve", "--index", index.toString()).out())
                .startsWith("MALLOC_ARENA_MAX=2 " + JAVA + " -Xms80m -Xmx80m -XX:+UseSerialGC")
                .contains(" -XX:+ExitOnOutOfMemoryError ")
                .endsWith(" -jar " + jar + " serve --index " + index + "\n");
        // 40 MB plus the current generation's size on disk: 50 MB of index files make 90 MB.
        Path big = tmp.resolve("big");
        Path generation = Files.createDirectories(big.resolve("gen-20260101T000000000Z"));
        Files.writeString(big.resolve("CURRENT"), generation.getFileName() + "\n");
        Files.createDirectories(big.resolve("gen-20250101T000000000Z")); // an older generation does not count
        try (OutputStream out = Files.newOutputStream(generation.resolve("_0.dvd"))) {
            byte[] block = new byte[1 << 20];
            Arrays.fill(block, (byte) 7);
            for (int i = 0; i < 50; i++) out.write(block);
        }
        // The snippet files are memory-mapped, not built into anything on the heap: they do not count.
        Files.write(generation.resolve("snippet-texts.bin"), new byte[9 << 20]);
        Files.write(generation.resolve("snippet-offsets.bin"), new byte[6 << 20]);
        assertThat(dryRun(Map.of(), "serve", "--index=" + big).out()).contains(" -Xms90m -Xmx90m ");
        assertThat(dryRun(Map.of("ATTACK_KB_INDEX", big.toString()), "serve").out()).contains(" -Xmx90m ");
        // Only serve commits its heap up front.
        assertThat(dryRun(Map.of("ATTACK_KB_INDEX", big.toString()), "search", "x").out()).contains(" -Xms32m -Xmx90m ");
        // The older releases' search indexes are mapped and opened one at a time, on demand: they do not count. Their
        // snapshots, read onto the heap for histories, do.
        Path older = Files.createDirectories(generation.resolve("releases").resolve("16.1"));
        Files.write(older.resolve("_0.dvd"), new byte[20 << 20]);
        Files.write(generation.resolve("releases").resolve("16.1.json.gz"), new byte[2 << 20]);
        assertThat(dryRun(Map.of(), "serve", "--index", big.toString()).out()).contains(" -Xms92m -Xmx92m ");
        // serve over an empty folder builds the index first, so it gets the indexer's heap, as does index.
        assertThat(dryRun(Map.of(), "serve", "--index", tmp.resolve("empty").toString()).out()).contains(" -Xmx256m ");
        assertThat(dryRun(Map.of(), "index", "--data", "x").out()).contains(" -Xmx256m ").doesNotContain("MALLOC");
    }

    @Test
    void usesAnAotCacheOnlyWithAJavaThatReadsIt() throws Exception {
        Path cache = Files.writeString(tmp.resolve("attack-kb.aot"), "not really a cache");
        Map<String, String> withCache = Map.of("ATTACK_KB_AOT_CACHE", cache.toString());
        if (Runtime.version().feature() < 24) {
            assertThat(dryRun(withCache, "search", "x").out()).doesNotContain("AOT");
            Run record = run(Map.of("ATTACK_KB_AOT", "record"), "search", "x");
            assertThat(record.exitCode()).isEqualTo(2);
            assertThat(record.err()).startsWith("attack-kb: ATTACK_KB_AOT=record needs java 24 or newer");
        }
        Path jdk25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
        if (Files.isExecutable(jdk25)) {
            var with25 = new java.util.HashMap<>(withCache);
            with25.put("JAVA", jdk25.toString());
            assertThat(dryRun(with25, "search", "x").out()).contains(" -XX:AOTCache=" + cache + " ");
            with25.put("ATTACK_KB_AOT", "record");
            assertThat(dryRun(with25, "search", "x").out()).contains(" -XX:AOTCacheOutput=" + cache + " ");
        }
    }

    @Test
    void findsJavaFromJavaHomeAndTheJarBesideItsCheckout() throws Exception {
        Path checkout = tmp.resolve("checkout");
        Path launcher = Files.createDirectories(checkout.resolve("bin")).resolve("attack-kb");
        Files.copy(LAUNCHER, launcher, StandardCopyOption.COPY_ATTRIBUTES);
        Path packaged = Files.createDirectories(checkout.resolve("target")).resolve("attack-kb.jar");
        Files.createFile(packaged);
        Path javaHome = Path.of(System.getProperty("java.home"));
        Run run = run(launcher, Map.of("ATTACK_KB_LAUNCHER_DRY_RUN", "1", "ATTACK_KB_JAVA_OPTS", "",
                "JAVA", "", "JAVA_HOME", javaHome.toString()), "--version");
        assertThat(run.out().strip()).isEqualTo(javaHome.resolve("bin/java") + "  -jar " + packaged + " --version");

        Files.delete(packaged);
        Run missing = run(launcher, Map.of(), "--version");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("attack-kb: no attack-kb.jar found");
    }
}
