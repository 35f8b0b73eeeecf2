package uz.inson.assess.catalog;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uz.inson.assess.common.Language;
import uz.inson.assess.common.Paging;
import uz.inson.assess.common.ProblemException;
import uz.inson.assess.rules.ActiveRuleSet;

import java.util.Arrays;
import java.util.List;

@Path("/api/v1/catalog/services")
@Tag(name = "Catalogue", description = "The social services of the active rule set")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class CatalogResource {
    private final ActiveRuleSet active;

    CatalogResource(ActiveRuleSet active) {
        this.active = active;
    }

    @GET
    @Operation(operationId = "listServices", summary = "List services, optionally of one category, a page at a time",
            description = "The catalogue of social services in force: names in the chosen language, kind, who provides it, legal basis, how to apply and what to bring.")
    public ServicePage list(@Parameter(description = "One of the 12 categories, e.g. CASH_BENEFITS") @QueryParam("category") String category,
                            @QueryParam("lang") String lang, @QueryParam("page") @DefaultValue("0") int page,
                            @QueryParam("size") @DefaultValue("50") int size, @Context HttpHeaders headers) {
        Paging.check(page, size, 500);
        ServiceCategory wanted = category == null || category.isBlank() ? null : parseCategory(category);
        Language language = Language.resolve(lang, headers.getAcceptableLanguages());
        List<CatalogService> matching = active.get().catalog().all().stream()
                .filter(s -> wanted == null || s.category() == wanted).toList();
        List<ServiceView> items = matching.stream().skip((long) page * size).limit(size).map(s -> ServiceView.of(s, language)).toList();
        return new ServicePage(items, page, size, matching.size());
    }

    @GET
    @Path("{code}")
    @Operation(operationId = "getService", summary = "One service by its code, e.g. DIS-014",
            description = "One service of the catalogue in force.")
    public ServiceView get(@PathParam("code") String code, @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        Language language = Language.resolve(lang, headers.getAcceptableLanguages());
        return active.get().catalog().find(code).map(s -> ServiceView.of(s, language))
                .orElseThrow(() -> ProblemException.notFound("Service " + code));
    }

    private static ServiceCategory parseCategory(String category) {
        try {
            return ServiceCategory.valueOf(category);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("category", "must be one of " + Arrays.toString(ServiceCategory.values()));
        }
    }

    public record ServicePage(List<ServiceView> items, int page, int size, int total) {
    }

    /** A service as the API shows it: the texts in the requested language, and all three names. */
    public record ServiceView(String code, String name, java.util.Map<Language, String> names, ServiceCategory category, ServiceKind kind,
                              BeneficiaryUnit unit, String provider, String legalBasis, boolean meansTested, Frequency frequency,
                              String exclusiveGroup, ApplyAt applyAt, List<Document> documents, boolean automatic, boolean openToAll,
                              boolean placement, String replacedBy) {
        static ServiceView of(CatalogService s, Language language) {
            return new ServiceView(s.code(), s.name(language), new java.util.TreeMap<>(s.names()), s.category(), s.kind(), s.unit(),
                    s.provider(language), s.legalBasis(language), s.meansTested(), s.frequency(), s.exclusiveGroup(), s.applyAt(),
                    s.documents(), s.automatic(), s.openToAll(), s.placement(), s.replacedBy());
        }
    }
}
