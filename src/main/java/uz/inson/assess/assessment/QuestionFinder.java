package uz.inson.assess.assessment;

import uz.inson.assess.rules.CompiledRuleSet;
import uz.inson.assess.rules.Criterion;
import uz.inson.assess.rules.DecisionTable;
import uz.inson.assess.rules.RuleOutcome;
import uz.inson.assess.rules.facts.Grant;
import uz.inson.assess.rules.facts.PersonProfile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What to ask next. A service whose row would hold but for a fact the request did not give (a member's impairments,
 * care scores, job-seeker registration, a child's guardian, the household's assets) is not granted; the answer asks for
 * the fact instead and says which services the answer could add. A need that depends on such a fact counts as
 * possible, so the services answering it are asked about too.
 */
final class QuestionFinder {
    private QuestionFinder() {
    }

    /** One missing fact: which, and for whom (null: the household). */
    private record Missing(Criterion.Fact fact, String memberRef) {
    }

    static List<Decision.Question> find(CompiledRuleSet ruleSet, RuleOutcome outcome, Set<String> granted, List<Grant> onUnknownFacts,
                                        Decision.MeansTest meansTest) {
        Map<Missing, Set<String>> questions = new LinkedHashMap<>();
        Map<String, Set<Missing>> possibleNeeds = possibleNeeds(ruleSet, outcome);
        for (Grant grant : onUnknownFacts) {
            CompiledRuleSet.TracedRow row = ruleSet.row(grant.rule());
            Criterion.Subject subject = AssessmentEngine.subject(outcome, grant.memberRef());
            missingFor(row.table(), row.row(), subject, outcome, possibleNeeds).forEach(m -> add(questions, m, grant.serviceCode(), granted));
        }
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
                for (PersonProfile person : subjects(table, row, outcome)) {
                    Criterion.Subject subject = AssessmentEngine.subject(outcome, person == null ? null : person.getRef());
                    missingFor(table, row, subject, outcome, possibleNeeds).forEach(m -> add(questions, m, code, granted));
                }
            }
        }
        if (meansTest.outcome() == Decision.MeansTest.Outcome.UNKNOWN && !meansTest.withheld().isEmpty()) {
            meansTest.withheld().forEach(code -> add(questions, new Missing(Criterion.Fact.ASSETS, null), code, Set.of()));
        }
        List<Decision.Question> result = new ArrayList<>();
        questions.forEach((missing, codes) -> {
            PersonProfile person = missing.memberRef() == null ? null : outcome.people().get(missing.memberRef());
            result.add(new Decision.Question(missing.fact(), missing.memberRef(), missing.fact().path(person), List.copyOf(codes)));
        });
        result.sort(java.util.Comparator.comparing((Decision.Question q) -> q.memberRef() == null ? -1 : outcome.people().get(q.memberRef()).getIndex())
                .thenComparing(q -> q.fact().ordinal()));
        return result;
    }

    private static void add(Map<Missing, Set<String>> questions, Missing missing, String code, Set<String> granted) {
        if (!granted.contains(code)) {
            questions.computeIfAbsent(missing, m -> new TreeSet<>()).add(code);
        }
    }

    private static List<PersonProfile> subjects(DecisionTable table, DecisionTable.Row row, RuleOutcome outcome) {
        return table.concernsAMember(row) ? List.copyOf(outcome.people().values()) : Collections.singletonList(null);
    }

    /**
     * The facts whose absence alone keeps the row from holding for this subject: empty when the row holds, or fails on a
     * fact that is known. A needs condition that only a possible need meets counts as missing that need's facts.
     */
    private static Set<Missing> missingFor(DecisionTable table, DecisionTable.Row row, Criterion.Subject subject, RuleOutcome outcome,
                                           Map<String, Set<Missing>> possibleNeeds) {
        Set<Missing> missing = new java.util.LinkedHashSet<>();
        for (DecisionTable.Column column : table.columns()) {
            String cell = row.cell(column);
            if (!"CONDITION".equals(column.type()) || cell.isEmpty()) {
                continue;
            }
            Criterion criterion = Criterion.forTemplate(column.template()).orElse(null);
            if (criterion == null || !criterion.appliesTo(subject)) {
                return Set.of();
            }
            if (criterion.isUnknown(subject)) {
                missing.add(new Missing(criterion.fact().orElseThrow(), criterion.fact().get().ofMember() ? subject.person().getRef() : null));
            } else if (criterion == Criterion.NEED && !criterion.holds(cell, subject)) {
                Set<Missing> behind = new java.util.LinkedHashSet<>();
                Criterion.values(cell).forEach(area -> behind.addAll(possibleNeeds.getOrDefault(area, Set.of())));
                if (behind.isEmpty()) {
                    return Set.of();
                }
                missing.addAll(behind);
            } else if (!criterion.holds(cell, subject)) {
                return Set.of();
            }
        }
        return missing;
    }

    /** Areas of need the household would have if a missing fact turned out one way, with the facts they wait for. */
    private static Map<String, Set<Missing>> possibleNeeds(CompiledRuleSet ruleSet, RuleOutcome outcome) {
        Map<String, Set<Missing>> possible = new HashMap<>();
        for (DecisionTable table : ruleSet.tables()) {
            DecisionTable.Column area = table.column(DecisionTable.NEED_AREA);
            if (area == null) {
                continue;
            }
            for (DecisionTable.Row row : table.rows()) {
                if (outcome.needs().getAreas().contains(row.cell(area))) {
                    continue;
                }
                for (PersonProfile person : subjects(table, row, outcome)) {
                    Criterion.Subject subject = AssessmentEngine.subject(outcome, person == null ? null : person.getRef());
                    Set<Missing> missing = missingFor(table, row, subject, outcome, Map.of());
                    if (!missing.isEmpty()) {
                        possible.computeIfAbsent(row.cell(area), a -> new java.util.LinkedHashSet<>()).addAll(missing);
                    }
                }
            }
        }
        return possible;
    }
}
