package attackkb.releases;

import java.util.Comparator;
import java.util.regex.Pattern;

/** Orders ATT&CK release numbers as numbers ("9.0" before "16.1"); anything else sorts before every release. */
public final class ReleaseOrder {
    private static final Pattern RELEASE = Pattern.compile("\\d{1,4}(\\.\\d{1,4}){0,2}");

    public static final Comparator<String> OLDEST_FIRST = ReleaseOrder::compare;

    private ReleaseOrder() {}

    /** Whether {@code version} reads as a release number such as {@code 18.1}. */
    public static boolean isRelease(String version) {
        return version != null && RELEASE.matcher(version).matches();
    }

    static int compare(String a, String b) {
        if (!isRelease(a) || !isRelease(b)) {
            if (isRelease(a) != isRelease(b)) return isRelease(a) ? 1 : -1;
            return String.valueOf(a).compareTo(String.valueOf(b));
        }
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int cmp = Integer.compare(i < x.length ? Integer.parseInt(x[i]) : 0, i < y.length ? Integer.parseInt(y[i]) : 0);
            if (cmp != 0) return cmp;
        }
        return 0;
    }

    /** The major part of a release or object version: "18" of "18.1". */
    public static String major(String version) {
        if (version == null) return null;
        int dot = version.indexOf('.');
        return dot < 0 ? version : version.substring(0, dot);
    }
}
