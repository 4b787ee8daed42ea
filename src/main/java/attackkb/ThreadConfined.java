package attackkb;

/**
 * The uses of a buffer confined to one thread: kept in a ThreadLocal, reused by each of its thread's calls, and valid
 * only until that thread's next use. Each use takes a stamp ({@link #begin}); what is read back from the buffer
 * carries its stamp and {@link #check}s it first, which throws IllegalStateException once the thread has begun
 * another use, or on any other thread. A check is an int compare and {@link Thread#currentThread()}, without
 * allocation or lock, so it can stay on the hot path.
 *
 * <p>A buffer per thread costs little because requests run on Jetty's {@code QueuedThreadPool}: a bounded pool of
 * platform threads ({@code WebApp}) reused from request to request. A virtual thread per request would allocate a
 * buffer per request.
 */
public final class ThreadConfined {
    private final Thread owner = Thread.currentThread();
    private int latest;

    /** Begins a use on the thread that made this: every earlier stamp stops being valid. Returns this use's stamp. */
    public int begin() {
        checkThread();
        return ++latest;
    }

    /** Ends use {@code stamp}, which must be the latest: its stamp stops being valid too. */
    public void end(int stamp) {
        check(stamp);
        latest++;
    }

    /** Throws IllegalStateException unless {@code stamp} is the latest use and this is the thread that made this. */
    public void check(int stamp) {
        checkThread();
        if (stamp != latest) {
            throw new IllegalStateException("a thread's buffer was read after the thread used it again (use " + stamp
                    + ", now " + latest + "): it is valid until that thread's next use");
        }
    }

    private void checkThread() {
        Thread current = Thread.currentThread();
        if (current != owner) {
            throw new IllegalStateException("a buffer of thread " + owner.getName() + " was used on thread "
                    + current.getName() + ": it is valid on its own thread only");
        }
    }
}
