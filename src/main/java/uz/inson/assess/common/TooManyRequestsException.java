package uz.inson.assess.common;

/** 429: the caller went over a rate limit. */
public class TooManyRequestsException extends RetryLaterException {

    private TooManyRequestsException(long seconds) {
        super(429, "too-many-requests", "Too many requests; try again in " + seconds + " s", seconds);
    }

    /** Rounds the wait up to whole seconds, at least one. */
    public static TooManyRequestsException retryAfterNanos(long nanos) {
        return new TooManyRequestsException(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }
}
