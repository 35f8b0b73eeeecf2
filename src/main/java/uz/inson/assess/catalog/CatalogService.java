package uz.inson.assess.catalog;

import uz.inson.assess.common.Language;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One social service of the catalogue. {@code amountParameter} names the dated parameter with a cash service's amount
 * per {@code frequency}; {@code exclusiveGroup} joins benefits of which only one is paid, the lowest rank winning;
 * {@code impairments} are the only ones a device or service for an impairment is for (empty: any member it answers);
 * {@code replacedBy} marks a merged duplicate, kept so that stored assessments naming it still display.
 */
public record CatalogService(String code, ServiceCategory category, ServiceKind kind, BeneficiaryUnit unit,
                             Map<Language, String> names, Map<Language, String> providers, Map<Language, String> legalBases,
                             boolean meansTested, String amountParameter, Frequency frequency, Set<Integer> seasonMonths,
                             String exclusiveGroup, Integer exclusiveRank, ApplyAt applyAt, List<Document> documents,
                             boolean automatic, boolean openToAll, boolean placement, Set<String> impairments, String replacedBy) {

    public String name(Language language) {
        return names.get(language);
    }

    public String provider(Language language) {
        return providers.get(language);
    }

    public String legalBasis(Language language) {
        return legalBases.get(language);
    }

    public boolean isCash() {
        return kind == ServiceKind.CASH;
    }

    /** Paid in the month {@code month} (1–12): every month, or a seasonal service in its season. */
    public boolean paidMonthlyIn(int month) {
        return frequency == Frequency.MONTHLY || frequency == Frequency.SEASONAL && seasonMonths.contains(month);
    }
}
