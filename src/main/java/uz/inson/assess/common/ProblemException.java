package uz.inson.assess.common;

import java.util.List;

/** An error the client can act on, answered once as RFC 9457 problem details by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String code;
    private final List<Violation> violations;

    public ProblemException(int status, String code, String detail, List<Violation> violations) {
        super(detail);
        this.status = status;
        this.code = code;
        this.violations = List.copyOf(violations);
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "invalid-input", field + " " + message, List.of(new Violation(field, message)));
    }

    public static ProblemException invalid(List<Violation> violations) {
        return new ProblemException(400, "invalid-input", "The request has " + violations.size() + " invalid field(s)", violations);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", what + " does not exist", List.of());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<Violation> violations() {
        return violations;
    }
}
