package uz.inson.assess.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

@Path("/api/v1/users")
@Tag(name = "Users", description = "People who sign in with a password (admin)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class UserResource {
    private final UserService users;

    UserResource(UserService users) {
        this.users = users;
    }

    @GET
    @Operation(operationId = "listUsers", summary = "Users by name, a page at a time",
            description = "Users of the local sign-in, with roles and territory; never their password hashes.")
    public UserService.UserPage list(@QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        Paging.check(page, size, 500);
        return users.list(page, size);
    }

    @GET
    @Path("{username}")
    @Operation(operationId = "getUser", summary = "One user",
            description = "One user of the local sign-in.")
    public UserService.UserView get(@PathParam("username") String username) {
        return users.find(username);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createUser", summary = "Create a user: roles, and for a case worker the region (and district) they serve",
            description = "The password must be at least 12 characters. A case worker needs a region (and may have a district).")
    @APIResponse(responseCode = "201", description = "Created; Location points at the user", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserService.UserView.class)))
    @APIResponse(responseCode = "409", description = "A user with this name exists")
    public Response create(UserService.UserChange user) {
        UserService.UserView created = users.create(user);
        return Response.status(201).header("Location", "/api/v1/users/" + created.username()).entity(created).build();
    }

    @PUT
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateUser", summary = "Change roles, territory, password or enabled; fields left out stay as they are",
            description = "Fields left out stay as they are.")
    public UserService.UserView update(@PathParam("username") String username, UserService.UserChange change) {
        return users.update(username, change);
    }
}
