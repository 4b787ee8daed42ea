package attackkb;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real ATT&CK data for integration tests: {@code $ATTACK_KB_DATA}, else {@code ../shared/data} beside the
 * checkout. Tests that need it are skipped, with a message that says where to put it, when it is absent.
 */
public final class RealData {
    private RealData() {}

    public static Path root() {
        String env = System.getenv("ATTACK_KB_DATA");
        return (env == null || env.isBlank() ? Path.of("..", "shared", "data") : Path.of(env)).toAbsolutePath().normalize();
    }

    /** The folder of the three ATT&CK bundles, or the test is skipped. */
    public static Path attack() {
        Path attack = root().resolve("attack");
        assumeTrue(hasAttack(), "skipped: ATT&CK 18.1 bundles not found under " + attack
                + " (set ATTACK_KB_DATA to the folder that holds attack/)");
        return attack;
    }

    /**
     * The earlier ATT&CK releases (16.1 and 17.1): {@code $ATTACK_KB_RELEASES}, else {@code attack-releases} beside
     * the data folder; the test is skipped when they are absent.
     */
    public static Path releases() {
        Path releases = releasesRoot();
        assumeTrue(hasReleases(), "skipped: earlier ATT&CK releases not found under " + releases
                + " (set ATTACK_KB_RELEASES to the folder that holds enterprise-attack-16.1.json.gz)");
        return releases;
    }

    public static boolean hasReleases() {
        return Files.isRegularFile(releasesRoot().resolve("enterprise-attack-16.1.json.gz"));
    }

    private static Path releasesRoot() {
        String env = System.getenv("ATTACK_KB_RELEASES");
        return (env == null || env.isBlank() ? root().resolveSibling("attack-releases") : Path.of(env))
                .toAbsolutePath().normalize();
    }

    /** Whether the ATT&CK 18.1 bundles are there. */
    public static boolean hasAttack() {
        return Files.isRegularFile(root().resolve("attack").resolve("enterprise-attack-18.1.json"));
    }
}
