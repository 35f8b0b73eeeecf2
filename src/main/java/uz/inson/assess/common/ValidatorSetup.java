package uz.inson.assess.common;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import org.hibernate.validator.BaseHibernateValidatorConfiguration;

import java.lang.annotation.ElementType;

/**
 * Bean Validation reads every property of what it validates. With Hibernate ORM beside it, Quarkus gives it a resolver
 * that first asks the persistence provider whether each property is loaded, and keeps the answers in a map for the
 * call: 40 % of validating a household (async-profiler, docs/performance-history.md). What is validated here are
 * requests, records that are never entities, and no entity carries a constraint (ArchitectureTest), so every
 * property is reachable and nothing needs remembering.
 */
@ApplicationScoped
public class ValidatorSetup implements ValidatorFactoryCustomizer {

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        configuration.traversableResolver(new TraversableResolver() {
            @Override
            public boolean isReachable(Object object, Path.Node property, Class<?> rootType, Path path, ElementType type) {
                return true;
            }

            @Override
            public boolean isCascadable(Object object, Path.Node property, Class<?> rootType, Path path, ElementType type) {
                return true;
            }
        }).enableTraversableResolverResultCache(false);
    }
}
