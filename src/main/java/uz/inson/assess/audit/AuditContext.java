package uz.inson.assess.audit;

import jakarta.enterprise.context.RequestScoped;

/** Lets an endpoint name the actor when the request carries no identity yet: a sign-in names the user it tried. */
@RequestScoped
public class AuditContext {
    private String actor;

    public void actor(String actor) {
        this.actor = actor;
    }

    String actor() {
        return actor;
    }
}
