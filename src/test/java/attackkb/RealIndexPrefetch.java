package attackkb;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * As failsafe's test run opens, starts the launcher's build of the index of all the real data
 * ({@link RealIndex#all()}), which the browser, mapping and launcher tests read. Only failsafe names the packaged
 * jar; elsewhere this does nothing.
 */
public final class RealIndexPrefetch implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (LauncherProcess.packagedJar() != null) RealIndex.prefetchAll();
    }
}
