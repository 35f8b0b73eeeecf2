package uz.inson.assess.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import uz.inson.assess.database.DatabaseOutage;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Every error leaves the service as application/problem+json; nothing else (no stack trace, no class name) does. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private final AllowedMethods allowedMethods;
    private final ClientHangUps hangUps;

    ProblemMappers(AllowedMethods allowedMethods, ClientHangUps hangUps) {
        this.allowedMethods = allowedMethods;
        this.hangUps = hangUps;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return response(e);
    }

    /** The response for a problem found outside a resource method (e.g. in a filter). */
    public static Response response(ProblemException e) {
        Response response = respond(details(e));
        if (e instanceof RetryLaterException later) {
            response.getHeaders().putSingle("Retry-After", String.valueOf(later.retryAfterSeconds()));
        }
        return response;
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class, AuthenticationCompletionException.class})
    public Response unauthenticated(RuntimeException e) {
        Optional<RetryLaterException> outage = DatabaseOutage.of(e);
        if (outage.isPresent()) {
            // An API key or password could not be checked, not found wrong
            return response(outage.get());
        }
        // The reason (expired, bad signature, unknown key) stays here: telling it would help a forger.
        return Response.fromResponse(respond(Problem.of(401, "unauthenticated", title(401),
                        "Send a valid bearer token (POST /api/v1/auth/token) or an API key", List.of())))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "forbidden", title(403), "Your role does not allow this", List.of()));
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e) {
        return respond(details(e.getConstraintViolations()));
    }

    /**
     * The problem details of an error a client can act on — its input, its rights, the database away — as this class
     * answers them; empty for anything else. For answers that are not a response of their own (a batch line).
     */
    public static Optional<Problem> of(Throwable e) {
        if (e instanceof ProblemException problem) {
            return Optional.of(details(problem));
        }
        if (e instanceof ConstraintViolationException violations) {
            return Optional.of(details(violations.getConstraintViolations()));
        }
        if (e instanceof JsonProcessingException json) {
            return Optional.of(details(json));
        }
        return DatabaseOutage.of(e).map(ProblemMappers::details);
    }

    private static Problem details(ProblemException e) {
        return Problem.of(e.status(), e.code(), title(e.status()), e.getMessage(), e.violations());
    }

    /** Bean Validation's findings, each under the path of its field, in a stable order. */
    public static Problem details(Set<? extends ConstraintViolation<?>> found) {
        List<Violation> violations = found.stream()
                .map(v -> new Violation(fieldPath(v), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message))
                .toList();
        return Problem.of(400, "invalid-input", title(400), "The request has " + violations.size() + " invalid field(s)", violations);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return respond(details(e));
    }

    private static Problem details(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping) : "";
        String message;
        if (e instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
            message = "'" + format.getValue() + "' is not one of " + Arrays.toString(format.getTargetType().getEnumConstants());
        } else if (e instanceof InvalidFormatException format) {
            message = "must be " + expected(format.getTargetType()) + ", not '" + format.getValue() + "'";
        } else if (e instanceof UnrecognizedPropertyException) {
            message = "is not a known field";
        } else if (e instanceof MismatchedInputException mismatch) {
            message = "must be " + expected(mismatch.getTargetType());
        } else {
            message = e.getLocation() == null ? "is not well-formed JSON"
                    : "is not well-formed JSON (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        }
        field = field.isEmpty() ? "body" : field;
        return Problem.of(400, "invalid-input", title(400), field + " " + message, List.of(new Violation(field, message)));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, Request request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        if (e.getResponse().getEntity() instanceof Problem) {
            return e.getResponse();
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        // A 405 says which methods the resource does take
        String allow = status == 405 ? allowedMethods.forPath(uri.getPath()) : "";
        if (allow.isEmpty()) {
            return respond(Problem.of(status, "http-" + status, title(status), e.getMessage(), List.of()));
        }
        return Response.fromResponse(respond(Problem.of(status, "method-not-allowed", title(status),
                        request.getMethod() + " is not a method of " + uri.getPath() + "; it takes " + allow, List.of())))
                .header(HttpHeaders.ALLOW, allow).build();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        Optional<RetryLaterException> outage = DatabaseOutage.of(e);
        if (outage.isPresent()) {
            LOG.warnf("Database unreachable: %s", e.getClass().getName());
            return response(outage.get());
        }
        if (hangUps.cutOff(e)) {
            hangUps.counted("The client closed the connection before the request was read and answered: %s", e.getClass().getName());
            return respond(Problem.of(400, "connection-closed", title(400), "The client closed the connection before the request was read and answered in full",
                    List.of()));
        }
        String incident = UUID.randomUUID().toString();
        // The exception class and message only: messages from our code never carry personal data, and stack traces stay here.
        LOG.errorf(e, "Unexpected error, incident %s", incident);
        return respond(Problem.of(500, "internal-error", title(500), "An unexpected error occurred; incident " + incident, List.of()));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** {@code assess.request.household.members[2].birthDate} → {@code household.members[2].birthDate}. */
    private static String fieldPath(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == jakarta.validation.ElementKind.METHOD || node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
                continue;
            }
            // An element of a list carries the index of the list it sits in.
            if (node.isInIterable() && node.getIndex() != null) {
                path.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(node.getName());
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    /** The JSON an integrator must send for a type, in words: "a whole number", "true or false". */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == java.time.LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Invalid input";
            case 401 -> "Authentication required";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 413 -> "Request too large";
            case 415 -> "Unsupported media type";
            case 422 -> "Cannot be assessed";
            case 429 -> "Too many requests";
            case 500 -> "Internal error";
            default -> Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        };
    }
}
