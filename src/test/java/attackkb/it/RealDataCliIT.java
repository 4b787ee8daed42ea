package attackkb.it;

import static org.assertj.core.api.Assertions.assertThat;

import attackkb.Main;
import attackkb.RealIndex;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CLI's {@code search} over the real ATT&CK index. The {@code index} command runs over the real data through the
 * launcher, which builds the index of all of it ({@code RealIndex.all()}, checked in {@code LauncherIT}).
 */
class RealDataCliIT {
    static String run(String... args) {
        StringWriter out = new StringWriter();
        var cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(new StringWriter(), true));
        assertThat(cmd.execute(args)).as(String.join(" ", args)).isZero();
        return out.toString();
    }

    @Test
    void searchContainerImageListsMaliciousImageAndImplantInternalImageInTheTopFive() {
        String out = run("search", "--index", RealIndex.attack().folder().toString(), "container image");
        List<String> top5 = out.lines().filter(l -> l.matches("^ ?\\d+\\. .*")).limit(5).toList();
        assertThat(top5).anySatisfy(l -> assertThat(l).contains("T1204.003").contains("Malicious Image"));
        assertThat(top5).anySatisfy(l -> assertThat(l).contains("T1525").contains("Implant Internal Image"));
    }
}
