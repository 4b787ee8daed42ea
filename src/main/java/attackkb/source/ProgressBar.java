package attackkb.source;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar redrawn in place with carriage returns. It redraws at most once per percent so that
 * a slow terminal or a log file is not flooded; without a known length it shows the bytes so far.
 */
final class ProgressBar {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String label;
    private final long total;
    private long lastShown = -1;

    ProgressBar(PrintStream out, String label, long total) {
        this.out = out;
        this.label = label;
        this.total = total;
    }

    void update(long done) {
        long step = total > 0 ? done * 100 / total : done >> 20;
        if (step == lastShown) return;
        lastShown = step;
        out.print("\r" + render(done));
        out.flush();
    }

    void finish(long done) {
        out.println("\r" + render(done));
    }

    String render(long done) {
        if (total <= 0) return String.format(Locale.ROOT, "%s %s", label, megabytes(done));
        int filled = (int) (WIDTH * done / total);
        return String.format(Locale.ROOT, "%s [%s%s] %3d%% %s / %s", label, "#".repeat(filled),
                " ".repeat(WIDTH - filled), done * 100 / total, megabytes(done), megabytes(total));
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }
}
