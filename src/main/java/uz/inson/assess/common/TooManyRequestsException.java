package uz.inson.assess.common;

import java.util.List;

/** 429: the caller went over a rate limit; answered with Retry-After in whole seconds. */
public class TooManyRequestsException extends ProblemException {
    private final long retryAfterSeconds;

    private TooManyRequestsException(long seconds) {
        super(429, "too-many-requests", "Too many requests; try again in " + seconds + " s", List.of());
        this.retryAfterSeconds = seconds;
    }

    /** Rounds the wait up to whole seconds, at least one. */
    public static TooManyRequestsException retryAfterNanos(long nanos) {
        return new TooManyRequestsException(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
