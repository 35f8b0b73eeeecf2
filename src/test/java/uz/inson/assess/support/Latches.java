package uz.inson.assess.support;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** For tests that hold one transaction open, inside a lambda, until another has reached a point. */
public final class Latches {
    private Latches() {
    }

    /** Waits up to 30 s for {@code latch} to open, failing the test if it does not. */
    public static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS), "a latch the test waited for never opened");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
