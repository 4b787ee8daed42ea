package attackkb;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** A stamp is good until its thread's next use begins or it is ended, and on that thread only. */
class ThreadConfinedTest {
    @Test
    void aStampIsGoodUntilTheNextUseBegins() {
        ThreadConfined confined = new ThreadConfined();
        int first = confined.begin();
        assertThatCode(() -> confined.check(first)).doesNotThrowAnyException();

        int second = confined.begin();
        assertThatThrownBy(() -> confined.check(first)).isInstanceOf(IllegalStateException.class)
                .hasMessage("a thread's buffer was read after the thread used it again (use 1, now 2): it is valid "
                        + "until that thread's next use");
        assertThatCode(() -> confined.check(second)).doesNotThrowAnyException();

        confined.end(second);
        assertThatThrownBy(() -> confined.check(second)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> confined.end(second)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void noOtherThreadMayUseOrCheck() throws Exception {
        ThreadConfined confined = new ThreadConfined();
        int use = confined.begin();
        ExecutorService other = Executors.newSingleThreadExecutor(r -> new Thread(r, "other"));
        try {
            assertThatThrownBy(() -> other.submit(() -> confined.check(use)).get())
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(IllegalStateException.class)
                    .hasMessage("a buffer of thread " + Thread.currentThread().getName()
                            + " was used on thread other: it is valid on its own thread only");
            assertThatThrownBy(() -> other.submit(confined::begin).get()).cause()
                    .isInstanceOf(IllegalStateException.class);
        } finally {
            other.shutdownNow();
        }
        assertThatCode(() -> confined.check(use)).as("still good on its own thread").doesNotThrowAnyException();
    }
}
