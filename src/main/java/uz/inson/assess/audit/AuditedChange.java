package uz.inson.assess.audit;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A transactional service method that changes stored state on an API call: its audit entry is written in the same
 * transaction ({@link AuditedChangeInterceptor}), so no change is committed without its entry. {@code status} is the
 * HTTP status the endpoint answers the change with.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AuditedChange {
    @Nonbinding
    int status() default 200;
}
