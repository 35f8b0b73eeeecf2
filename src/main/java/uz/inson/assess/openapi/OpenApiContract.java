package uz.inson.assess.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import uz.inson.assess.common.Problem;
import uz.inson.assess.household.Region;
import uz.inson.assess.security.Roles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Makes the generated document say everything the code does, in one place rather than on every endpoint: both ways
 * to authenticate, and the answers any operation can give besides its own — 400 for a malformed parameter or body,
 * 401/403, 404 for a path naming nothing, 413/415 for a body, 429 over a rate limit, 503 while the database is away —
 * each as {@code application/problem+json}. Enumerations that live in code (roles, regions) come from the code.
 */
public class OpenApiContract implements OASFilter {
    static final String BEARER = "bearer";
    static final String API_KEY = "apiKey";
    private static final String PROBLEM = "#/components/schemas/Problem";
    private static final String RETRY_AFTER = "#/components/headers/Retry-After";
    private static final String LOCATION = "#/components/headers/Location";
    /** The scheme Quarkus adds to every operation with roles; replaced here by the two real ones. */
    private static final String QUARKUS_SCHEME = "SecurityScheme";
    /** Refreshed from the service itself when the answer changes: see docs/api.md §9. */
    private static final String EXAMPLE_ANSWER = "/openapi/assessment-answer.json";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Components components = api.getComponents() == null ? OASFactory.createComponents() : api.getComponents();
        api.setComponents(components);
        components.removeSecurityScheme(QUARKUS_SCHEME);
        components.addSecurityScheme(BEARER, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("A token from POST /api/v1/auth/token (or the configured identity provider)"));
        components.addSecurityScheme(API_KEY, OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("X-API-Key").description("An API key of an integrating system (also accepted as Authorization: ApiKey <key>)"));
        components.addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait before trying again")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(java.math.BigDecimal.ONE)));
        components.addHeader("Location", OASFactory.createHeader().description("Where the created resource can be read")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        enumerations(components);
        nullableReferences(components);
        if (api.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : api.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().getOperations().entrySet()) {
                complete(path.getKey(), operation.getKey(), operation.getValue());
            }
        }
        exampleAnswer(api);
    }

    /** The real answer to the request example (the DESIGN household), as the service gave it, beside the 201. */
    private static void exampleAnswer(OpenAPI api) {
        PathItem assessments = api.getPaths().getPathItem("/api/v1/assessments");
        APIResponse created = assessments == null || assessments.getPOST() == null ? null : assessments.getPOST().getResponses().getAPIResponse("201");
        if (created == null || created.getContent() == null || created.getContent().getMediaType("application/json") == null) {
            return;
        }
        try (InputStream in = OpenApiContract.class.getResourceAsStream(EXAMPLE_ANSWER)) {
            Object answer = new ObjectMapper().readValue(in, Object.class);
            created.getContent().getMediaType("application/json").addExample("Poor family with a disabled child",
                    OASFactory.createExample().summary("The answer for the request example, in English").value(answer));
        } catch (IOException e) {
            throw new UncheckedIOException("The example answer " + EXAMPLE_ANSWER + " cannot be read", e);
        }
    }

    private static void complete(String path, PathItem.HttpMethod method, Operation operation) {
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (secured) {
            operation.setSecurity(new ArrayList<>(List.of(requirement(BEARER), requirement(API_KEY))));
        }
        APIResponses responses = operation.getResponses();
        boolean hasInput = operation.getRequestBody() != null
                || operation.getParameters() != null && !operation.getParameters().isEmpty() || path.contains("{");
        if (hasInput) {
            add(responses, "400", "Invalid input: the violations name each field or parameter");
        }
        if (secured) {
            add(responses, "401", "No valid bearer token or API key");
            add(responses, "403", "The caller's roles do not allow this");
        }
        if (path.contains("{")) {
            add(responses, "404", "Nothing has this id, or it is not the caller's to see");
        }
        if (operation.getRequestBody() != null) {
            add(responses, "413", "The body is larger than the service takes");
            add(responses, "415", "The body is not of a media type this operation reads");
        }
        add(responses, "429", "Too many requests from this caller; Retry-After says when to try again");
        add(responses, "503", "The database cannot be reached; nothing was confirmed (a change cut off at its commit may still be stored:"
                + " send an assessment again with the same Idempotency-Key). Retry-After says when to try again");
        for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
            int status = Integer.parseInt(response.getKey());
            if (status >= 400) {
                response.getValue().setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
            }
            if (status == 429 || status == 503) {
                response.getValue().addHeader("Retry-After", OASFactory.createHeader().ref(RETRY_AFTER));
            }
            if ((status == 201 || status == 202) && method == PathItem.HttpMethod.POST) {
                response.getValue().addHeader("Location", OASFactory.createHeader().ref(LOCATION));
            }
        }
    }

    private static void add(APIResponses responses, String status, String description) {
        if (responses.getAPIResponse(status) == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private static SecurityRequirement requirement(String scheme) {
        return OASFactory.createSecurityRequirement().addScheme(scheme);
    }

    /**
     * A property that may be null and names another schema would be written {@code nullable} beside
     * {@code allOf: [$ref]} alone; OpenAPI 3.0 validators only honour {@code nullable} next to a {@code type}.
     */
    private static void nullableReferences(Components components) {
        if (components.getSchemas() == null) {
            return;
        }
        for (Schema schema : components.getSchemas().values()) {
            if (schema.getProperties() == null) {
                continue;
            }
            for (Schema property : schema.getProperties().values()) {
                // the model keeps 3.1's "anyOf: [$ref, {type: null}]"; 3.0 output makes it "allOf: [$ref], nullable" without a type
                List<Schema> anyOf = property.getAnyOf();
                if (anyOf != null && anyOf.size() == 2 && anyOf.get(0).getRef() != null
                        && List.of(Schema.SchemaType.NULL).equals(anyOf.get(1).getType())) {
                    property.setAnyOf(null);
                    property.setAllOf(new ArrayList<>(List.of(anyOf.get(0))));
                    property.setType(new ArrayList<>(List.of(Schema.SchemaType.OBJECT, Schema.SchemaType.NULL)));
                }
            }
        }
    }

    /** Roles and regions are checked in code against these lists; the document names the same ones. */
    private static void enumerations(Components components) {
        if (components.getSchemas() == null) {
            return;
        }
        List<Object> roles = List.copyOf(Roles.ALL);
        List<Object> regions = Arrays.stream(Region.values()).map(Enum::name).map(Object.class::cast).toList();
        for (String name : List.of("UserChange", "NewKey")) {
            Schema schema = components.getSchemas().get(name);
            if (schema != null && schema.getProperties() != null) {
                Schema rolesSchema = schema.getProperties().get("roles");
                if (rolesSchema != null && rolesSchema.getItems() != null) {
                    rolesSchema.getItems().setEnumeration(roles);
                }
                Schema region = schema.getProperties().get("region");
                if (region != null) {
                    region.setEnumeration(regions);
                }
            }
        }
    }
}
