package uz.inson.assess.common;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads numeric and UUID query and path parameters so that a malformed one is a 400 naming it. Jakarta REST's own
 * conversion answers 404 for {@code ?size=abc} or {@code size=2147483648}, which sends an integrator looking for a
 * missing endpoint instead of a wrong value.
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) new Strict<>(name, "a whole number up to 2147483647", Integer::valueOf);
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) new Strict<>(name, "a whole number", Long::valueOf);
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) new Strict<>(name, "a UUID such as 3f2b8c1e-5d4a-4e7b-9c21-0a6f3e8d1b52", Strict::uuid);
        }
        return null;
    }

    private static String name(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
        }
        return null;
    }

    private record Strict<T>(String name, String expected, Function<String, T> parse) implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return parse.apply(value.trim());
            } catch (IllegalArgumentException e) {
                // A WebApplicationException passes through the parameter handler as it is, with this problem as its answer.
                throw new WebApplicationException(e, ProblemMappers.response(ProblemException.invalid(name, "must be " + expected)));
            }
        }

        @Override
        public String toString(T value) {
            return String.valueOf(value);
        }

        /** {@link UUID#fromString} accepts "1-2-3-4-5"; only the 36-character form names a version or job. */
        private static UUID uuid(String value) {
            if (value.length() != 36) {
                throw new IllegalArgumentException(value);
            }
            return UUID.fromString(value);
        }
    }
}
