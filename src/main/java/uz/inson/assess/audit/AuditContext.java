package uz.inson.assess.audit;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * What the audit knows of the request in hand: the action it asks for (filled in by {@link AuditFilter} before the
 * endpoint runs), the actor an endpoint names when the request carries no identity yet (a sign-in names the user it
 * tried), and whether the entry was already written in the transaction of the change itself.
 */
@RequestScoped
public class AuditContext {
    /** The action as it will be recorded: method and path template, the path parameters' values, the client's address. */
    record Request(String action, String objectId, String clientAddress) {
    }

    private String actor;
    private Request request;
    private boolean recorded;

    public void actor(String actor) {
        this.actor = actor;
    }

    String actor() {
        return actor;
    }

    void request(Request request) {
        this.request = request;
    }

    Request request() {
        return request;
    }

    void recorded() {
        this.recorded = true;
    }

    boolean isRecorded() {
        return recorded;
    }

    /**
     * The entry of a change made in the request in hand, on the object its path names or else {@code createdId}; null
     * outside an HTTP request (the rule set imported at start), which is no API action and is not audited.
     */
    static AuditTrail.Event changeEntry(AuditContext context, CurrentIdentityAssociation identities, Clock clock, int status, String createdId) {
        Request request = Arc.container().requestContext().isActive() ? context.request() : null;
        if (request == null) {
            return null;
        }
        SecurityIdentity identity = identities.getIdentity();
        return new AuditTrail.Event(OffsetDateTime.now(clock), AuditFilter.actor(identity), AuditFilter.roles(identity), request.action(),
                request.objectId() != null ? request.objectId() : createdId, status, request.clientAddress());
    }
}
