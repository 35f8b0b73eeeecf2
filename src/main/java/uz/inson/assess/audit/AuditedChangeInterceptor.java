package uz.inson.assess.audit;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import java.time.Clock;

/**
 * Writes the audit entry of a change inside the change's own transaction: its priority puts it inside the
 * {@code @Transactional} interceptor (PLATFORM_BEFORE + 200). If the entry cannot be written, the change rolls back
 * and the caller gets 503 — an action is never acknowledged without its entry. Calls outside an HTTP request (the
 * rule set imported at start) are not API actions and write nothing.
 */
@AuditedChange
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class AuditedChangeInterceptor {
    private final AuditTrail trail;
    private final AuditContext context;
    private final CurrentIdentityAssociation identities;
    private final Clock clock;

    AuditedChangeInterceptor(AuditTrail trail, AuditContext context, CurrentIdentityAssociation identities, Clock clock) {
        this.trail = trail;
        this.context = context;
        this.identities = identities;
        this.clock = clock;
    }

    @AroundInvoke
    Object recordWithin(InvocationContext invocation) throws Exception {
        Object result = invocation.proceed();
        AuditTrail.Event entry = AuditContext.changeEntry(context, identities, clock, invocation.getMethod().getAnnotation(AuditedChange.class).status(),
                result instanceof AuditedObject created ? created.auditedId() : null);
        if (entry != null) {
            trail.recordWithin(entry);
            context.recorded();
        }
        return result;
    }
}
