package uz.inson.assess.audit;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import uz.inson.assess.security.ClientAddress;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writes an audit entry for every state-changing request and every read of personal data, whatever its outcome
 * (denied and failed ones too), before the response leaves. The action is the method and the path with its
 * parameters named, e.g. {@code POST /api/v1/assessments/{id}/replay}; the object is the parameters' values.
 */
public class AuditFilter {
    private static final Logger LOG = Logger.getLogger(AuditFilter.class);
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final AuditTrail trail;
    private final CurrentIdentityAssociation identities;
    private final AuditContext context;

    AuditFilter(AuditTrail trail, CurrentIdentityAssociation identities, AuditContext context) {
        this.trail = trail;
        this.identities = identities;
        this.context = context;
    }

    @ServerResponseFilter
    public Uni<Void> audit(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource, HttpServerRequest http) {
        boolean personalRead = resource != null && resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(AuditedRead.class);
        if (READS.contains(request.getMethod()) && !personalRead) {
            return Uni.createFrom().voidItem();
        }
        String path = request.getUriInfo().getPath();
        MultivaluedMap<String, String> parameters = request.getUriInfo().getPathParameters();
        String action = request.getMethod() + " " + template(path, parameters);
        String objectId = parameters.isEmpty() ? created(response)
                : parameters.values().stream().flatMap(List::stream).collect(Collectors.joining(" "));
        String client = ClientAddress.of(http);
        int outcome = response.getStatus();
        String named = context.actor();
        return identities.getDeferredIdentity()
                .onFailure().recoverWithNull()
                .onItem().transformToUni(identity -> Uni.createFrom().<Void>item(() -> {
                    trail.record(new AuditTrail.Event(named != null ? named : actor(identity), roles(identity), action, objectId, outcome, client));
                    return null;
                }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                // The action has happened; its answer stands. A lost entry is an operational alarm, not the client's error.
                .onFailure().invoke(e -> LOG.errorf("AUDIT ENTRY NOT WRITTEN for %s (outcome %d): %s", action, outcome, e.getClass().getName()))
                .onFailure().recoverWithNull();
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

    private static String actor(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    private static String roles(SecurityIdentity identity) {
        return identity == null ? "" : String.join(",", new TreeSet<>(identity.getRoles()));
    }
}
