package uz.inson.assess.common;

import java.util.List;

/** A problem that passes: answered with Retry-After in whole seconds (429 over a rate limit, 503 while the database is away). */
public class RetryLaterException extends ProblemException {
    private final long retryAfterSeconds;

    public RetryLaterException(int status, String code, String detail, long retryAfterSeconds) {
        super(status, code, detail, List.of());
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
