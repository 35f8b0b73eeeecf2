package uz.inson.assess.audit;

import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import uz.inson.assess.common.Problem;
import uz.inson.assess.common.ProblemMappers;
import uz.inson.assess.common.RetryLaterException;
import uz.inson.assess.database.DatabaseOutage;
import uz.inson.assess.security.ClientAddress;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Writes an audit entry for every state-changing request and every read of personal data, whatever its outcome
 * (denied and failed ones too). The action is the method and the path with its parameters named, e.g.
 * {@code POST /api/v1/assessments/{id}/replay}; the object is the parameters' values or what was created.
 * <p>
 * No answer leaves before its entry is in the chain: a change writes it in its own transaction
 * ({@link AuditedChange}); everything else here, just before the answer goes. An entry that cannot be written turns a
 * success into 503 (not acknowledged) and waits in the {@link AuditBacklog}, recording the 503 the caller got.
 */
public class AuditFilter {
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final GroupCommit commits;
    private final AuditBacklog backlog;
    private final CurrentIdentityAssociation identities;
    private final AuditContext context;
    private final Clock clock;

    AuditFilter(GroupCommit commits, AuditBacklog backlog, CurrentIdentityAssociation identities, AuditContext context, Clock clock) {
        this.commits = commits;
        this.backlog = backlog;
        this.identities = identities;
        this.context = context;
        this.clock = clock;
    }

    /** Names the action before the endpoint runs, so a change can record it in its own transaction. */
    @ServerRequestFilter
    public void describe(ContainerRequestContext request, HttpServerRequest http) {
        context.request(describe(request, ClientAddress.of(http)));
    }

    @ServerResponseFilter
    public Uni<Void> audit(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource, HttpServerRequest http) {
        boolean personalRead = resource != null && resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(AuditedRead.class);
        if (context.isRecorded() || READS.contains(request.getMethod()) && !personalRead) {
            return Uni.createFrom().voidItem();
        }
        // A request refused before matching (401, 404, 405) was not described on its way in
        AuditContext.Request described = context.request() != null ? context.request() : describe(request, ClientAddress.of(http));
        String objectId = described.objectId() != null ? described.objectId() : created(response);
        OffsetDateTime at = OffsetDateTime.now(clock);
        String named = context.actor();
        Uni<SecurityIdentity> identity = identities.getDeferredIdentity().onFailure().recoverWithNull();
        Consumer<SecurityIdentity> record = caller -> {
            AuditTrail.Event event = new AuditTrail.Event(at, named != null ? named : actor(caller), roles(caller),
                    described.action(), objectId, response.getStatus(), described.clientAddress());
            if (response.getEntity() instanceof Problem problem && DatabaseOutage.CODE.equals(problem.code())) {
                // The request already found the database away: no second wait for it
                backlog.keep(event);
                return;
            }
            try {
                commits.record(event);
            } catch (RuntimeException e) {
                keepForLater(event, response, e);
            }
        };
        // The entry waits for its commit. A blocking endpoint's worker waits here: a hand-off to another worker, and a
        // second one to resume the request, would cost more CPU than the entry. An endpoint on the I/O thread hands it on.
        if (BlockingOperationControl.isBlockingAllowed()) {
            record.accept(identity.await().indefinitely());
            return Uni.createFrom().voidItem();
        }
        return identity.onItem().transformToUni(caller -> Uni.createFrom().<Void>item(() -> {
            record.accept(caller);
            return null;
        })).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** The database refused the entry: the answer is not acknowledged, and the entry says so and waits. */
    private void keepForLater(AuditTrail.Event event, ContainerResponseContext response, RuntimeException failure) {
        RetryLaterException unavailable = DatabaseOutage.of(failure).orElseGet(() -> new RetryLaterException(503, "audit-unavailable",
                "The audit trail cannot record this request just now; nothing it returned may be used. Try again in 5 s", 5));
        int outcome = response.getStatus() < 400 ? unavailable.status() : response.getStatus();
        if (outcome != response.getStatus()) {
            Response problem = ProblemMappers.response(unavailable);
            response.setStatus(problem.getStatus());
            response.getHeaders().clear();
            response.getHeaders().putAll(problem.getHeaders());
            response.setEntity(problem.getEntity(), null, MediaType.valueOf(Problem.MEDIA_TYPE));
        }
        backlog.keep(new AuditTrail.Event(event.at(), event.actor(), event.roles(), event.action(), event.objectId(), outcome,
                event.clientAddress()));
    }

    private static AuditContext.Request describe(ContainerRequestContext request, String client) {
        MultivaluedMap<String, String> parameters = request.getUriInfo().getPathParameters();
        String action = request.getMethod() + " " + template(request.getUriInfo().getPath(), parameters);
        String objectId = parameters.isEmpty() ? null : parameters.values().stream().flatMap(List::stream).collect(Collectors.joining(" "));
        return new AuditContext.Request(action, objectId, client);
    }

    /** What a POST created: the last segment of its Location. */
    private static String created(ContainerResponseContext response) {
        Object location = response.getHeaders().getFirst("Location");
        if (location == null) {
            return null;
        }
        String text = location.toString();
        return text.substring(text.lastIndexOf('/') + 1);
    }

    /** The path with each parameter's value, as whole trailing segments, replaced by its name: /users/v1 → /users/{username}. */
    private static String template(String path, MultivaluedMap<String, String> parameters) {
        String template = path;
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                String needle = "/" + value;
                int at = template.lastIndexOf(needle);
                while (at >= 0 && at + needle.length() < template.length() && template.charAt(at + needle.length()) != '/') {
                    at = at == 0 ? -1 : template.lastIndexOf(needle, at - 1);
                }
                if (!value.isEmpty() && at >= 0) {
                    template = template.substring(0, at) + "/{" + parameter.getKey() + "}" + template.substring(at + needle.length());
                }
            }
        }
        return template;
    }

    static String actor(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    static String roles(SecurityIdentity identity) {
        return identity == null ? "" : String.join(",", new TreeSet<>(identity.getRoles()));
    }
}
