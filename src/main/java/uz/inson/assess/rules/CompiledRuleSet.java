package uz.inson.assess.rules;

import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ThreadSafeOption;
import uz.inson.assess.catalog.ServiceCatalog;
import uz.inson.assess.household.Household;
import uz.inson.assess.rules.facts.CaseDate;
import uz.inson.assess.rules.facts.HouseholdFacts;
import uz.inson.assess.rules.facts.MemberFacts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A rule-set version compiled once into a KieBase, with the catalogue and the table rows that trace every rule back to
 * its cells. Thread-safe: every evaluation has a session to itself while it runs.
 */
public final class CompiledRuleSet {
    /**
     * Sessions that one thread at a time uses, as the pool below hands them out (the deque's hand-over orders a session's
     * writes before the next thread's reads): Drools then takes no locks and propagates each insert at once instead of
     * queueing it (2.4-3.2 % more bare runs a second in paired rounds, docs/performance-history.md).
     */
    private static final KieSessionConfiguration SESSION_CONFIGURATION = sessionConfiguration();

    private final UUID id;
    private final String version;
    private final String hash;
    /**
     * Sessions reset and reused instead of built per household: a new session allocates the memory of every network
     * segment it touches, which was most of the bare rule run (measured with EngineBenchmark,
     * docs/performance-history.md). The session released last is taken first: its memories are the likeliest still in
     * the CPU's caches, where Drools' own pool hands out the one released longest ago.
     */
    private final Deque<KieSession> idleSessions = new ConcurrentLinkedDeque<>();
    private final KieBase kieBase;
    private final ParametersInForce parameters;
    private final ServiceCatalog catalog;
    private final Map<String, TracedRow> rowsByRule;
    private final List<DecisionTable> tables;
    private final Compile compile;
    private final RuleSetBundle bundle;
    /** Indexes other features build once per version from the tables (e.g. the rows that can ask a question). */
    private final Map<Class<?>, Object> derived = new java.util.concurrent.ConcurrentHashMap<>();

    CompiledRuleSet(RuleSetBundle bundle, KieBase kieBase, KieBase parameterRows, Set<String> parametersRead, ServiceCatalog catalog,
                    List<DecisionTable> tables, Map<String, TracedRow> rowsByRule, Compile compile) {
        this.hash = bundle.hash();
        this.id = RuleSetBundle.idOf(hash);
        this.version = bundle.version();
        this.kieBase = kieBase;
        this.parameters = new ParametersInForce(parameterRows, parametersRead);
        this.catalog = catalog;
        this.tables = List.copyOf(tables);
        this.rowsByRule = Map.copyOf(rowsByRule);
        this.compile = compile;
        this.bundle = bundle;
    }

    /**
     * How the compile went: its time, how many of the version's spreadsheets came read by the build ({@link SpreadsheetReads}),
     * and whether its rules were read as compiled before ({@link CompiledForm}).
     */
    public record Compile(long millis, int spreadsheets, int spreadsheetsReadByBuild, boolean compiledBefore) {
    }

    private static KieSessionConfiguration sessionConfiguration() {
        KieSessionConfiguration configuration = KieServices.get().newKieSessionConfiguration();
        configuration.setOption(ThreadSafeOption.NO);
        return configuration;
    }

    /** Runs the household through the rules as of {@code asOf}; returns every fact the session ends with. */
    public RuleOutcome evaluate(Household household, LocalDate asOf) {
        KieSession session = idleSessions.pollFirst();
        if (session == null) {
            session = newSession();
        }
        try {
            return run(session, household, asOf);
        } finally {
            // what Drools' pool does to a session handed back (the reset is not in the public API)
            ((StatefulKnowledgeSessionImpl) session).reset();
            idleSessions.offerFirst(session);
        }
    }

    /** A session of this version's rules, reset (when reused) the quick way where this Drools allows it. */
    KieSession newSession() {
        KieSession session = kieBase.newKieSession(SESSION_CONFIGURATION, null);
        QuickResetMemories.install(session);
        return session;
    }

    /** The household's facts into {@code session}, the rules fired, and what the session then holds. */
    RuleOutcome run(KieSession session, Household household, LocalDate asOf) {
        ParametersInForce.InForce inForce = parameters.on(asOf);
        session.insert(new CaseDate(asOf));
        inForce.forSession().forEach(session::insert);
        session.insert(new HouseholdFacts(household, catalog.resolve(household.receives())));
        for (int i = 0; i < household.members().size(); i++) {
            session.insert(new MemberFacts(i, household.members().get(i)));
        }
        session.fireAllRules();
        return new RuleOutcome(session.getObjects(), inForce.byName());
    }

    /**
     * A data row of a table, with the table it belongs to, where it stands ("eligibility.xlsx!Disability!row 12", quoted
     * in every answer) and what every assessment asks of an eligibility row — the areas of need it answers, whether it is
     * an entitlement, its conditions on facts a request may leave out, and its conditions as the answer reads them aloud
     * — read from its cells once, when the version compiles.
     */
    public record TracedRow(DecisionTable table, DecisionTable.Row row, String source, List<String> answers, boolean entitlement,
                            List<Criterion> optionalFacts, List<Condition> conditions) {
        static TracedRow of(DecisionTable table, DecisionTable.Row row) {
            List<Criterion> optionalFacts = new ArrayList<>();
            List<Condition> conditions = new ArrayList<>();
            for (DecisionTable.Column column : table.columns()) {
                String cell = row.cell(column);
                if (cell.isEmpty()) {
                    continue;
                }
                Criterion criterion = Criterion.forTemplate(column.template()).orElse(null);
                if (criterion != null && criterion.fact().isPresent()) {
                    optionalFacts.add(criterion);
                }
                if ("CONDITION".equals(column.type())) {
                    conditions.add(new Condition(column, criterion, cell, Criterion.values(cell)));
                }
            }
            return new TracedRow(table, row, table.source(row), table.answers(row), table.entitlement(row), List.copyOf(optionalFacts),
                    List.copyOf(conditions));
        }
    }

    /**
     * A filled condition cell of a row, in column order: its criterion (null for a condition outside the vocabulary, read
     * aloud as the column's header and the cell) and the cell's values. Wording a reason read the table's every column
     * and looked up each one's criterion for every row of every answer.
     */
    public record Condition(DecisionTable.Column column, Criterion criterion, String cell, List<String> values) {
    }

    public TracedRow row(String rule) {
        return rowsByRule.get(rule);
    }

    /** What {@code make} builds from this version, built on first use and kept as long as the version is. */
    public <T> T derived(Class<T> type, java.util.function.Function<CompiledRuleSet, T> make) {
        return type.cast(derived.computeIfAbsent(type, t -> make.apply(this)));
    }

    public UUID id() { return id; }
    public String version() { return version; }
    public String hash() { return hash; }
    public ServiceCatalog catalog() { return catalog; }
    public List<DecisionTable> tables() { return tables; }
    public Compile compile() { return compile; }
    public RuleSetBundle bundle() { return bundle; }
}
