package uz.inson.assess.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uz.inson.assess.common.Paging;

import java.util.UUID;

@Path("/api/v1/api-keys")
@Tag(name = "API keys", description = "Keys of integrating systems (admin)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ApiKeyResource {
    private final ApiKeyService keys;
    private final SecurityIdentity identity;

    ApiKeyResource(ApiKeyService keys, SecurityIdentity identity) {
        this.keys = keys;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createApiKey", summary = "Create a key; the answer is the only time the key is shown",
            description = "For another government system: roles (never admin), optional territory, own rate limit and an expiry of at most 366 days. Send it as `X-API-Key` or `Authorization: ApiKey <key>`.")
    @APIResponse(responseCode = "201", description = "Created; the key is in this answer only", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyService.Created.class)))
    public Response create(ApiKeyService.NewKey key) {
        ApiKeyService.Created created = keys.create(key, Caller.of(identity).name());
        return Response.status(201).header("Location", "/api/v1/api-keys/" + created.details().id()).entity(created).build();
    }

    @GET
    @Operation(operationId = "listApiKeys", summary = "Keys, newest first, without the keys themselves",
            description = "Names, roles, territory, expiry, last use and revocation of every key.")
    public ApiKeyService.KeyPage list(@QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        Paging.check(page, size, 500);
        return keys.list(page, size);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "revokeApiKey", summary = "Revoke a key: it stops working at once",
            description = "The key is refused from the next request on.")
    public ApiKeyService.KeyView revoke(@PathParam("id") UUID id) {
        return keys.revoke(id, Caller.of(identity).name());
    }
}
