package uz.inson.assess.common;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A write with a query parameter its endpoint does not take is refused: {@code POST /assessments?langg=ru} or
 * {@code ?dryRun=true} would otherwise be carried out as if the caller had not asked for anything.
 */
public class UnknownQueryParameters {
    private final Map<Method, Set<String>> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ContainerRequestContext request, SimpleResourceInfo resource) {
        if (HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod()) || resource.getResourceClass() == null) {
            return;
        }
        Set<String> allowed = declared.computeIfAbsent(method(resource), UnknownQueryParameters::queryParameters);
        for (String name : request.getUriInfo().getQueryParameters().keySet()) {
            if (!allowed.contains(name)) {
                throw ProblemException.invalid(name, allowed.isEmpty() ? "is not a parameter of this operation, which takes none"
                        : "is not a parameter of this operation; it takes " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private static Method method(SimpleResourceInfo resource) {
        try {
            return resource.getResourceClass().getMethod(resource.getMethodName(), resource.parameterTypes());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Resource method not found: " + resource.getMethodName(), e);
        }
    }

    private static Set<String> queryParameters(Method method) {
        Set<String> names = new HashSet<>();
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof QueryParam query) {
                    names.add(query.value());
                }
            }
        }
        return Set.copyOf(names);
    }
}
