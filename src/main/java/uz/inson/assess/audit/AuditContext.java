package uz.inson.assess.audit;

import jakarta.enterprise.context.RequestScoped;

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
}
