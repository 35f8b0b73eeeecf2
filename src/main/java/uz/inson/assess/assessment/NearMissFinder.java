package uz.inson.assess.assessment;

import uz.inson.assess.catalog.CatalogService;
import uz.inson.assess.common.Language;
import uz.inson.assess.common.Messages;
import uz.inson.assess.rules.CompiledRuleSet;
import uz.inson.assess.rules.Criterion;
import uz.inson.assess.rules.DecisionTable;
import uz.inson.assess.rules.RuleOutcome;
import uz.inson.assess.rules.facts.HouseholdProfile;
import uz.inson.assess.rules.facts.PersonProfile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Services the household narrowly does not get: an eligibility row where every condition holds but one, and that one
 * is missed by a small, measurable amount (income just above a limit, an age just outside, one child short).
 * Margins are the dated parameters NEAR_MISS_*.
 */
final class NearMissFinder {
    private NearMissFinder() {
    }

    private record Miss(String code, String memberRef, Criterion criterion, String cell, double actual, double limit, double relativeGap, String source) {
    }

    static List<AssessmentResult.NearMiss> find(CompiledRuleSet ruleSet, RuleOutcome outcome, Set<String> granted, Language language) {
        double incomeMargin = outcome.parameter("NEAR_MISS_INCOME_MARGIN").orElse(0.0);
        double ageYears = outcome.parameter("NEAR_MISS_AGE_YEARS").orElse(0.0);
        double riskBand = outcome.parameter("POVERTY_RISK_MSL_MULTIPLIER").orElse(1.5);
        HouseholdProfile household = outcome.household();
        Map<String, Miss> best = new HashMap<>();
        for (DecisionTable table : ruleSet.tables()) {
            DecisionTable.Column service = table.column(DecisionTable.SERVICE_ACTION);
            if (service == null) {
                continue;
            }
            for (DecisionTable.Row row : table.rows()) {
                String code = row.cell(service);
                if (granted.contains(code)) {
                    continue;
                }
                List<PersonProfile> subjects = table.concernsAMember(row) ? List.copyOf(outcome.people().values()) : java.util.Collections.singletonList(null);
                for (PersonProfile person : subjects) {
                    Criterion.Subject subject = AssessmentEngine.subject(outcome, person == null ? null : person.getRef());
                    missedByOne(table, row, subject, incomeMargin, ageYears, riskBand).ifPresent(miss -> {
                        Miss found = new Miss(code, person == null ? null : person.getRef(), miss.criterion(), miss.cell(),
                                miss.actual(), miss.limit(), miss.relativeGap(), table.source(row));
                        best.merge(code, found, (a, b) -> b.relativeGap() < a.relativeGap() ? b : a);
                    });
                }
            }
        }
        List<AssessmentResult.NearMiss> result = new ArrayList<>();
        MemberNames names = new MemberNames(outcome.people().values(), language);
        best.values().stream().sorted(Comparator.comparing(Miss::code)).forEach(miss -> {
            Optional<CatalogService> catalogService = ruleSet.catalog().find(miss.code());
            result.add(new AssessmentResult.NearMiss(miss.code(),
                    catalogService.map(s -> s.name(language)).orElse(miss.code()),
                    catalogService.map(s -> s.category().name()).orElse(null),
                    miss.memberRef(), Explainer.sentence(describe(miss, outcome, names)), Math.abs(miss.actual() - miss.limit()), miss.source()));
        });
        return result;
    }

    /** The one failed condition of the row, when exactly one fails and it fails narrowly. */
    private static Optional<Miss> missedByOne(DecisionTable table, DecisionTable.Row row, Criterion.Subject subject,
                                              double incomeMargin, double ageYears, double riskBand) {
        Miss failed = null;
        for (DecisionTable.Column column : table.columns()) {
            String cell = row.cell(column);
            if (!"CONDITION".equals(column.type()) || cell.isEmpty()) {
                continue;
            }
            Optional<Criterion> criterion = Criterion.forTemplate(column.template());
            if (criterion.isEmpty() || !criterion.get().appliesTo(subject) || criterion.get().isUnknown(subject)) {
                return Optional.empty();
            }
            if (criterion.get().holds(cell, subject)) {
                continue;
            }
            if (failed != null) {
                return Optional.empty();
            }
            failed = narrow(criterion.get(), cell, subject, incomeMargin, ageYears, riskBand);
            if (failed == null) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(failed);
    }

    private static Miss narrow(Criterion criterion, String cell, Criterion.Subject subject, double incomeMargin, double ageYears, double riskBand) {
        HouseholdProfile household = subject.household();
        double income = household.getPerCapitaIncome();
        return switch (criterion) {
            case INCOME_BELOW_MSL -> {
                double limit = Math.round(household.getMsl() * Double.parseDouble(cell));
                yield income - limit <= incomeMargin * limit ? new Miss(null, null, criterion, cell, income, limit, (income - limit) / limit, null) : null;
            }
            case REGISTRY_CATEGORY -> {
                List<String> wanted = Criterion.values(cell);
                String poorCategory = household.getAbleToWorkCount() == 0 ? "STATE_SUPPORTED" : "LOW_INCOME";
                double limit;
                String category;
                if ("AT_RISK_OF_POVERTY".equals(household.getRegistryCategory()) && wanted.contains(poorCategory)) {
                    limit = household.getMsl();
                    category = poorCategory;
                } else if ("NONE".equals(household.getRegistryCategory()) && wanted.contains("AT_RISK_OF_POVERTY")) {
                    limit = Math.round(household.getMsl() * riskBand);
                    category = "AT_RISK_OF_POVERTY";
                } else {
                    yield null;
                }
                yield income - limit <= incomeMargin * limit ? new Miss(null, null, criterion, category, income, limit, (income - limit) / limit, null) : null;
            }
            case AGE_AT_LEAST -> {
                double limit = Double.parseDouble(cell);
                double gap = limit - subject.person().getAge();
                yield gap <= ageYears ? new Miss(null, null, criterion, cell, subject.person().getAge(), limit, gap / Math.max(1, limit), null) : null;
            }
            case AGE_BELOW -> {
                double limit = Double.parseDouble(cell);
                double gap = subject.person().getAge() - limit + 1;
                yield gap <= ageYears ? new Miss(null, null, criterion, cell, subject.person().getAge(), limit, gap / Math.max(1, limit), null) : null;
            }
            case CHILDREN_AT_LEAST -> {
                double limit = Double.parseDouble(cell);
                double gap = limit - household.getChildrenCount();
                yield gap <= 1 ? new Miss(null, null, criterion, cell, household.getChildrenCount(), limit, gap / limit, null) : null;
            }
            default -> null;
        };
    }

    private static String describe(Miss miss, RuleOutcome outcome, MemberNames names) {
        Language language = names.language();
        String key = "near." + miss.criterion().name();
        String member = miss.memberRef() == null ? "" : names.name(outcome.people().get(miss.memberRef()));
        return switch (miss.criterion()) {
            case INCOME_BELOW_MSL -> Messages.format(language, key, "", (long) miss.actual(), Double.parseDouble(miss.cell()),
                    (long) miss.limit(), (long) (miss.actual() - miss.limit()));
            case REGISTRY_CATEGORY -> Messages.format(language, key, "", (long) miss.actual(), Messages.value(language, miss.cell()),
                    (long) miss.limit(), (long) (miss.actual() - miss.limit()));
            default -> Messages.format(language, key, member, (long) miss.actual(), (long) miss.limit());
        };
    }
}
