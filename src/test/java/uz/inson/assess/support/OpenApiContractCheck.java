package uz.inson.assess.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

import java.net.URI;

/**
 * Holds the service to its own contract: every response any test receives from {@code /api/…} is validated against
 * the OpenAPI document the service publishes at {@code /q/openapi} (status, media type, headers, body schema). A
 * response the document does not describe fails the test that got it. Requests are not validated: many tests send
 * wrong ones on purpose.
 */
public class OpenApiContractCheck implements QuarkusTestBeforeEachCallback {

    /** Runs in the test's own class loader, so it reaches the REST Assured the test uses (one per application start). */
    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        synchronized (RestAssured.class) {
            if (RestAssured.filters().stream().noneMatch(ContractFilter.class::isInstance)) {
                RestAssured.filters(new ContractFilter());
            }
        }
    }

    private static final class ContractFilter implements OrderedFilter {
        private volatile OpenApiValidationFilter validation;

        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
            URI uri = URI.create(request.getURI());
            if (!uri.getPath().startsWith("/api/")) {
                return context.next(request, response);
            }
            return validation(uri).filter(request, response, context);
        }

        @Override
        public int getOrder() {
            // last before sending, so it sees the request exactly as sent and the response as received
            return OrderedFilter.LOWEST_PRECEDENCE;
        }

        private OpenApiValidationFilter validation(URI uri) {
            if (validation == null) {
                synchronized (this) {
                    if (validation == null) {
                        String document = uri.getScheme() + "://" + uri.getAuthority() + "/q/openapi?format=json";
                        validation = new OpenApiValidationFilter(OpenApiInteractionValidator.createFor(document)
                                .withLevelResolver(LevelResolver.create()
                                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                                        .build())
                                .build());
                    }
                }
            }
            return validation;
        }
    }
}
