package uz.inson.assess.catalog;

import uz.inson.assess.common.Language;

import java.util.Map;

/** One social service of the catalogue. {@code amountParameter} names the dated parameter with a cash service's monthly amount. */
public record CatalogService(String code, ServiceCategory category, ServiceKind kind, BeneficiaryUnit unit,
                             Map<Language, String> names, String provider, String legalBasis, boolean meansTested,
                             String amountParameter) {

    public String name(Language language) {
        return names.get(language);
    }
}
