package attackkb.web.http;


/**
 * How the server runs, as {@code serve}'s flags set it; tests use {@link #DEFAULT}.
 *
 * @param threads most Jetty threads; more requests wait in Jetty's queue
 * @param accessLog whether each request is logged to {@code attackkb.access}: off by default, since a proxy in
 *     front usually logs requests already, and a line written per request cost as much CPU as answering {@code /healthz}
 * @param reportLink where every entity page's "Report an issue" leads
 */
public record ServerSettings(int threads, boolean accessLog, ReportLink reportLink) {
    /** Fewer, and Jetty's acceptor, selector and reserved threads leave too few for requests. */
    public static final int MIN_THREADS = 8;

    public static final ServerSettings DEFAULT = new ServerSettings(defaultThreads(), false, ReportLink.MITRE);

    public ServerSettings {
        if (threads < MIN_THREADS) throw new IllegalArgumentException("threads must be " + MIN_THREADS + " or more: " + threads);
    }

    /**
     * Jetty's threads by default: twice the processors plus 8, at least {@value #MIN_THREADS}. Requests beyond
     * that wait in Jetty's queue instead of each getting a thread (Javalin allows 250), which keeps memory flat under
     * load; with 2 processors that is 12, of which one accepts and one selects.
     */
    public static int defaultThreads() {
        return Math.max(MIN_THREADS, 2 * Runtime.getRuntime().availableProcessors() + 8);
    }
}
