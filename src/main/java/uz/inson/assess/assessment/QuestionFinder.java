package uz.inson.assess.assessment;

import uz.inson.assess.rules.CompiledRuleSet;
import uz.inson.assess.rules.Criterion;
import uz.inson.assess.rules.DecisionTable;
import uz.inson.assess.rules.RuleOutcome;
import uz.inson.assess.rules.facts.Grant;
import uz.inson.assess.rules.facts.PersonProfile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

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

    /** A row's condition as read once per version, with the test of its cell. */
    private record Condition(Criterion criterion, Predicate<Criterion.Subject> test, List<String> values) {
    }

    /**
     * A row that can ever lead to a question: one that reads a fact a request may leave out, or (for a service row) that
     * answers a need which may wait for such a fact. {@code result} is the service code or the need area;
     * {@code optionalFacts} has the bit of each such fact it reads ({@link QuestionFinder#bit}); {@code conditions} are
     * in the order {@link QuestionFinder#missingFor} reads them best.
     */
    private record Askable(DecisionTable table, DecisionTable.Row row, String result, boolean perMember, List<Condition> conditions,
                           int optionalFacts, List<String> needAreas) {
        boolean readsOptionalFact() {
            return optionalFacts != 0;
        }

        /** Whether the request left out, for a subject with these unknown facts, a fact this row reads. */
        boolean leavesOut(int unknownFacts) {
            return (optionalFacts & unknownFacts) != 0;
        }
    }

    private static final Criterion.Fact[] FACTS = Criterion.Fact.values();

    private static int bit(Criterion.Fact fact) {
        return 1 << fact.ordinal();
    }

    /**
     * The askable rows of a version, found once: most rows read only facts every request has, and checking them for every
     * member of every household was most of an assessment's time. {@code optionalRows} are the service rows that read an
     * optional fact: unless a need is possible, only they can ask anything.
     */
    private record Index(List<Askable> needRows, List<Askable> serviceRows, List<Askable> optionalRows, Map<String, Askable> serviceRowsByRule) {
        static Index of(CompiledRuleSet ruleSet) {
            List<Askable> needRows = new ArrayList<>();
            List<Askable> serviceRows = new ArrayList<>();
            for (DecisionTable table : ruleSet.tables()) {
                DecisionTable.Column service = table.column(DecisionTable.SERVICE_ACTION);
                DecisionTable.Column area = table.column(DecisionTable.NEED_AREA);
                if (service == null && area == null) {
                    continue;
                }
                for (DecisionTable.Row row : table.rows()) {
                    Askable askable = askable(ruleSet.row(row.rule()), row.cell(service != null ? service : area));
                    if (askable == null) {
                        continue;
                    }
                    if (service != null && (askable.readsOptionalFact() || !askable.needAreas().isEmpty())) {
                        serviceRows.add(askable);
                    } else if (service == null && askable.readsOptionalFact()) {
                        needRows.add(askable);
                    }
                }
            }
            Map<String, Askable> byRule = new HashMap<>();
            serviceRows.forEach(row -> byRule.put(row.row().rule(), row));
            return new Index(List.copyOf(needRows), List.copyOf(serviceRows), serviceRows.stream().filter(Askable::readsOptionalFact).toList(),
                    Map.copyOf(byRule));
        }

        /**
         * Null for a row with a condition outside the vocabulary: such a row is never explained, so never asked about. The
         * conditions on facts every request gives come first: most rows fail on one of them, before anything is noted.
         */
        private static Askable askable(CompiledRuleSet.TracedRow traced, String result) {
            List<Condition> conditions = new ArrayList<>();
            List<String> needAreas = List.of();
            for (CompiledRuleSet.Condition condition : traced.conditions()) {
                Criterion criterion = condition.criterion();
                if (criterion == null) {
                    return null;
                }
                conditions.add(new Condition(criterion, criterion.test(condition.cell()), condition.values()));
                if (criterion == Criterion.NEED) {
                    needAreas = condition.values();
                }
            }
            conditions.sort(Comparator.comparingInt(condition -> condition.criterion() == Criterion.NEED ? 2
                    : condition.criterion().fact().isPresent() ? 1 : 0));
            int optionalFacts = 0;
            for (Criterion criterion : traced.optionalFacts()) {
                optionalFacts |= bit(criterion.fact().orElseThrow());
            }
            return new Askable(traced.table(), traced.row(), result, traced.table().concernsAMember(traced.row()), List.copyOf(conditions),
                    optionalFacts, needAreas);
        }
    }

    static List<Decision.Question> find(CompiledRuleSet ruleSet, RuleOutcome outcome, Set<String> granted, List<Grant> onUnknownFacts,
                                        Decision.MeansTest meansTest) {
        Map<Missing, Set<String>> questions = new LinkedHashMap<>();
        Index index = ruleSet.derived(Index.class, Index::of);
        Subjects subjects = Subjects.of(outcome);
        if (subjects.unknownFacts() != 0) {
            Map<String, Set<Missing>> possibleNeeds = possibleNeeds(index, outcome, subjects);
            for (Grant grant : onUnknownFacts) {
                // such a row reads an optional fact, so it is in the index (unless a condition is outside the vocabulary)
                Askable row = index.serviceRowsByRule().get(grant.rule());
                if (row != null) {
                    Criterion.Subject subject = AssessmentEngine.subject(outcome, grant.memberRef());
                    addAll(questions, missingFor(row.conditions(), subject, possibleNeeds), grant.serviceCode(), granted);
                }
            }
            // Loops by index, here and below: the iterators of these few hundred rows and their members were a tenth of
            // what a decision allocates beyond the bare rule run, and every byte a full answer allocates makes the rule
            // run beside it slower (EngineBenchmark.rulesThenGarbage, docs/performance-history.md). Without a possible
            // need only the rows reading an optional fact can ask, and only those whose fact someone was not given
            // are read: the others' rows and conditions are not even loaded into the CPU's caches.
            List<Askable> rows = possibleNeeds.isEmpty() ? index.optionalRows() : index.serviceRows();
            for (int r = 0; r < rows.size(); r++) {
                Askable row = rows.get(r);
                boolean waits = waitsForAPossibleNeed(row, possibleNeeds);
                if (!waits && !row.leavesOut(subjects.unknownFacts()) || granted.contains(row.result())) {
                    continue;
                }
                List<Criterion.Subject> of = subjects.of(row);
                int[] unknown = subjects.unknownFactsOf(row);
                for (int i = 0; i < of.size(); i++) {
                    if (waits || row.leavesOut(unknown[i])) {
                        addAll(questions, missingFor(row.conditions(), of.get(i), possibleNeeds), row.result(), granted);
                    }
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
        result.sort(Comparator.comparing((Decision.Question q) -> q.memberRef() == null ? -1 : outcome.people().get(q.memberRef()).getIndex())
                .thenComparing(q -> q.fact().ordinal()));
        return result;
    }

    /**
     * The household and each member as rows read them, built once per assessment rather than once per row, with the bits
     * of the facts each was not given ({@link QuestionFinder#bit}) and of those anyone was not given.
     */
    private record Subjects(List<Criterion.Subject> household, int[] householdUnknown, List<Criterion.Subject> members, int[] membersUnknown,
                            int unknownFacts) {
        static Subjects of(RuleOutcome outcome) {
            List<Criterion.Subject> members = new ArrayList<>();
            outcome.people().keySet().forEach(ref -> members.add(AssessmentEngine.subject(outcome, ref)));
            Criterion.Subject household = AssessmentEngine.subject(outcome, null);
            int householdUnknown = unknownFacts(household);
            int[] membersUnknown = new int[members.size()];
            int any = householdUnknown;
            for (int i = 0; i < membersUnknown.length; i++) {
                membersUnknown[i] = unknownFacts(members.get(i));
                any |= membersUnknown[i];
            }
            return new Subjects(List.of(household), new int[] {householdUnknown}, List.copyOf(members), membersUnknown, any);
        }

        /**
         * The facts this subject was not given that a condition can read for it: a member's own only when it is a member
         * (as {@link Criterion#appliesTo} decides for the criteria reading them), the household's for everyone.
         */
        private static int unknownFacts(Criterion.Subject subject) {
            int unknown = 0;
            for (Criterion.Fact fact : FACTS) {
                if ((!fact.ofMember() || subject.person() != null) && fact.missing(subject)) {
                    unknown |= bit(fact);
                }
            }
            return unknown;
        }

        List<Criterion.Subject> of(Askable row) {
            return row.perMember() ? members : household;
        }

        int[] unknownFactsOf(Askable row) {
            return row.perMember() ? membersUnknown : householdUnknown;
        }
    }

    private static boolean waitsForAPossibleNeed(Askable row, Map<String, Set<Missing>> possibleNeeds) {
        return !possibleNeeds.isEmpty() && anyPossible(row.needAreas(), possibleNeeds);
    }

    private static boolean anyPossible(List<String> areas, Map<String, Set<Missing>> possibleNeeds) {
        for (int i = 0; i < areas.size(); i++) {
            if (possibleNeeds.containsKey(areas.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static void add(Map<Missing, Set<String>> questions, Missing missing, String code, Set<String> granted) {
        if (!granted.contains(code)) {
            questions.computeIfAbsent(missing, m -> new TreeSet<>()).add(code);
        }
    }

    private static void addAll(Map<Missing, Set<String>> questions, List<Missing> missing, String code, Set<String> granted) {
        for (int i = 0; i < missing.size(); i++) {
            add(questions, missing.get(i), code, granted);
        }
    }

    /** Adds {@code missing} unless it is there already: the facts of a row are one or two, a list is cheaper than a set. */
    private static void addNew(List<Missing> to, Missing missing) {
        if (!to.contains(missing)) {
            to.add(missing);
        }
    }

    /**
     * The facts whose absence alone keeps the row from holding for this subject, without repeats, in the order found:
     * empty when the row holds, or fails on a fact that is known. A needs condition that only a possible need meets
     * counts as missing that need's facts.
     */
    private static List<Missing> missingFor(List<Condition> conditions, Criterion.Subject subject, Map<String, Set<Missing>> possibleNeeds) {
        List<Missing> missing = null; // most rows fail for most subjects: no list for them
        for (int i = 0; i < conditions.size(); i++) {
            Condition condition = conditions.get(i);
            Criterion criterion = condition.criterion();
            if (criterion == null || !criterion.appliesTo(subject)) {
                return List.of();
            }
            if (criterion.isUnknown(subject)) {
                if (missing == null) {
                    missing = new ArrayList<>(2);
                }
                Criterion.Fact fact = criterion.fact().orElseThrow();
                addNew(missing, new Missing(fact, fact.ofMember() ? subject.person().getRef() : null));
            } else if (criterion == Criterion.NEED && !condition.test().test(subject)) {
                if (!anyPossible(condition.values(), possibleNeeds)) {
                    return List.of();
                }
                if (missing == null) {
                    missing = new ArrayList<>(2);
                }
                for (String area : condition.values()) {
                    for (Missing behind : possibleNeeds.getOrDefault(area, Set.of())) {
                        addNew(missing, behind);
                    }
                }
            } else if (!condition.test().test(subject)) {
                return List.of();
            }
        }
        return missing == null ? List.of() : missing;
    }

    /** Areas of need the household would have if a missing fact turned out one way, with the facts they wait for. */
    private static Map<String, Set<Missing>> possibleNeeds(Index index, RuleOutcome outcome, Subjects subjects) {
        Map<String, Set<Missing>> possible = new HashMap<>();
        List<Askable> needRows = index.needRows();
        for (int r = 0; r < needRows.size(); r++) {
            Askable row = needRows.get(r);
            if (outcome.needs().getAreas().contains(row.result())) {
                continue;
            }
            List<Criterion.Subject> of = subjects.of(row);
            int[] unknown = subjects.unknownFactsOf(row);
            for (int i = 0; i < of.size(); i++) {
                List<Missing> missing = row.leavesOut(unknown[i]) ? missingFor(row.conditions(), of.get(i), Map.of()) : List.of();
                if (!missing.isEmpty()) {
                    possible.computeIfAbsent(row.result(), a -> new LinkedHashSet<>()).addAll(missing);
                }
            }
        }
        return possible;
    }
}
