package attackkb.web.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * At most so many requests of one kind at once: those that hold a large body in memory (an uploaded layer and the
 * tree made of it), so that a burst of them stays within the server's heap. Others wait a moment, then are refused
 * with 503 and a Retry-After.
 */
public final class Permits {
    private final Semaphore semaphore;
    private final long waitMillis;

    public Permits(int permits, long waitMillis) {
        this.semaphore = new Semaphore(permits, true);
        this.waitMillis = waitMillis;
    }

    public <T> T call(Context ctx, Supplier<T> work) {
        boolean acquired;
        try {
            acquired = semaphore.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            ctx.header("Retry-After", "2");
            throw new HttpResponseException(HttpStatus.SERVICE_UNAVAILABLE.getCode(),
                    "the server is busy upgrading other layers; try again in a moment");
        }
        try {
            return work.get();
        } finally {
            semaphore.release();
        }
    }

    public void run(Context ctx, Runnable work) {
        call(ctx, () -> {
            work.run();
            return null;
        });
    }
}
