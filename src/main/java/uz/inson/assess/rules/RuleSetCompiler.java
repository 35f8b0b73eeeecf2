package uz.inson.assess.rules;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import uz.inson.assess.catalog.BeneficiaryUnit;
import uz.inson.assess.catalog.CatalogService;
import uz.inson.assess.catalog.ServiceCatalog;
import uz.inson.assess.rules.facts.CaseDate;
import uz.inson.assess.rules.facts.NeedArea;
import uz.inson.assess.rules.facts.RegistryCategory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Compiles a bundle at run time: DRL files and {@code *.drl.xlsx} decision tables into a KieBase (the parameters table
 * into one of its own, {@link ParametersInForce}), plus the catalogue, and checks that the tables only name services the
 * catalogue has. Nothing here touches the active rule set.
 */
@ApplicationScoped
public class RuleSetCompiler {
    private static final Logger LOG = Logger.getLogger(RuleSetCompiler.class);
    static final String TABLE_SUFFIX = ".drl.xlsx";
    private static final String RISK_BAND = "POVERTY_RISK_MSL_MULTIPLIER";

    /** One spreadsheet, read once: its tables for tracing and the DRL Drools generates from it. */
    private record ReadTable(String path, List<DecisionTable> tables, String drl, RuleSetProblem problem, boolean readByBuild) {
    }

    /** Shared by every compile: the names it remembers as missing are missing for the life of the application. */
    private static final ClassLoader CLASS_LOADER = new MissRememberingClassLoader(CaseDate.class.getClassLoader());

    /** Null outside the container: in tests, the benchmark, and the compile a launch begins before the container is up. */
    private final Timer compileTime;

    /**
     * The spreadsheets the build read ({@link SpreadsheetReads}); a workbook not among them is read here. The container's
     * compiler loads them at its first compile: a start adopts the launch's compile and may never need them.
     */
    private SpreadsheetReads reads;

    /** Rules compiled before ({@link CompiledForm}). */
    private final CompiledForm.Store forms;

    /** Reads every workbook and compiles every rule itself. */
    public RuleSetCompiler() {
        this(SpreadsheetReads.NONE);
    }

    /** Takes the workbooks the build read from {@code reads}; compiles every rule itself. */
    public RuleSetCompiler(SpreadsheetReads reads) {
        this(reads, CompiledForm.Store.NONE);
    }

    /** Takes the workbooks the build read from {@code reads}, and rules compiled before from {@code forms}. */
    public RuleSetCompiler(SpreadsheetReads reads, CompiledForm.Store forms) {
        this.compileTime = null;
        this.reads = reads;
        this.forms = forms;
    }

    /** The container's: rules compiled before are read from the build's forms, then from those any instance kept. */
    @Inject
    RuleSetCompiler(MeterRegistry registry, CompiledForm.Store kept) {
        this.compileTime = Timer.builder("inson.rule.set.compile").description("Compiling a rule-set version (upload, validation, start)")
                .register(registry);
        this.forms = CompiledForm.either(CompiledForm.packaged(RuleSetCompiler.class.getClassLoader()), kept);
    }

    private synchronized SpreadsheetReads reads() {
        if (reads == null) {
            reads = SpreadsheetReads.packaged(RuleSetCompiler.class.getClassLoader());
        }
        return reads;
    }

    public CompiledRuleSet compile(RuleSetBundle bundle) throws RuleSetInvalidException {
        long started = System.nanoTime();
        try {
            return build(bundle, started);
        } finally {
            record(System.nanoTime() - started);
        }
    }

    /** Counts a compile this instance did before its container was up ({@link LaunchRuleSet}). */
    void record(CompiledRuleSet early) {
        record(TimeUnit.MILLISECONDS.toNanos(early.compile().millis()));
    }

    private void record(long nanos) {
        if (compileTime != null) {
            compileTime.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    private CompiledRuleSet build(RuleSetBundle bundle, long started) throws RuleSetInvalidException {
        List<RuleSetProblem> problems = new ArrayList<>();
        // The catalogue and the spreadsheets are independent: read them side by side (POI is the slow part of a build).
        List<RuleSetProblem> catalogProblems = new ArrayList<>();
        byte[] catalogBytes = bundle.files().get(ServiceCatalog.FILE);
        List<List<String>> knownCatalog = reads().catalog(ServiceCatalog.FILE, catalogBytes);
        CompletableFuture<ServiceCatalog> catalog = CompletableFuture.supplyAsync(() -> readCatalog(catalogBytes, knownCatalog, catalogProblems));
        List<ReadTable> read = bundle.filesUnder(RuleSetBundle.TABLES_DIR, TABLE_SUFFIX).entrySet().parallelStream()
                .map(file -> readTable(file.getKey(), file.getValue())).toList();

        List<DecisionTable> tables = new ArrayList<>();
        Map<String, CompiledRuleSet.TracedRow> rowsByRule = new HashMap<>();
        SortedMap<String, byte[]> files = new TreeMap<>();
        SortedMap<String, byte[]> parameterFiles = new TreeMap<>();
        List<String> ruleSources = new ArrayList<>();
        bundle.filesUnder(RuleSetBundle.RULES_DIR, ".drl").forEach((path, bytes) -> {
            files.put(path, bytes);
            ruleSources.add(new String(bytes, StandardCharsets.UTF_8));
        });
        boolean anyParameterTable = false;
        for (ReadTable table : read) {
            if (table.problem() != null) {
                problems.add(table.problem());
                continue;
            }
            tables.addAll(table.tables());
            // A workbook of parameters tables only is compiled on its own and fired once per case date (ParametersInForce).
            boolean parameterTable = !table.tables().isEmpty()
                    && table.tables().stream().allMatch(t -> t.column(DecisionTable.PARAMETER_NAME) != null);
            anyParameterTable |= parameterTable;
            // The generated DRL goes in instead of the spreadsheet, so Drools does not parse the workbook again.
            (parameterTable ? parameterFiles : files).put(table.path() + ".drl", table.drl().getBytes(StandardCharsets.UTF_8));
            if (!parameterTable) {
                ruleSources.add(table.drl());
            }
        }
        ServiceCatalog serviceCatalog = catalog.join();
        problems.addAll(0, catalogProblems);
        double band = riskBand(tables);
        Set<String> parameterNames = parameterNames(tables);
        for (DecisionTable table : tables) {
            for (DecisionTable.Row row : table.rows()) {
                if (rowsByRule.put(row.rule(), CompiledRuleSet.TracedRow.of(table, row)) != null) {
                    problems.add(RuleSetProblem.at(table.file(), table.sheet(), row.number(), null, "duplicate-table", table.name()));
                }
            }
            checkEligibilityRows(table, serviceCatalog, band, parameterNames, problems);
            checkRequiredCells(table, problems);
            checkParameterConditions(table, problems);
            CellValues.check(table, problems);
        }
        if (!problems.isEmpty()) {
            throw new RuleSetInvalidException(problems);
        }

        String tag = bundle.hash().substring(7, 19);
        Built rules = kieBase(files, "bundle", tag, problems);
        Built parameterRows = anyParameterTable ? kieBase(parameterFiles, "parameters", tag, problems) : null;
        if (!problems.isEmpty()) {
            throw new RuleSetInvalidException(problems);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        int readByBuild = (int) read.stream().filter(ReadTable::readByBuild).count() + (knownCatalog != null ? 1 : 0);
        boolean compiledBefore = rules.compiledBefore() && (parameterRows == null || parameterRows.compiledBefore());
        return new CompiledRuleSet(bundle, rules.kieBase(), parameterRows == null ? null : parameterRows.kieBase(), ParametersInForce.readBy(ruleSources),
                serviceCatalog, tables, rowsByRule, new CompiledRuleSet.Compile(millis, read.size() + 1, readByBuild, compiledBefore));
    }

    /** A KieBase, and whether its rules were read as compiled before rather than compiled. */
    private record Built(KieBase kieBase, boolean compiledBefore) {
    }

    /**
     * One KieBase from the DRL files (path to text): read from the form of the same rules compiled before when there is
     * one, else compiled, its form then kept. Null, with Drools' errors added to the problems, when it does not compile.
     */
    private Built kieBase(SortedMap<String, byte[]> drl, String artifact, String tag, List<RuleSetProblem> problems) {
        String key = forms == CompiledForm.Store.NONE ? null : CompiledForm.key(drl);
        byte[] form = key == null ? null : forms.find(key);
        if (form != null) {
            try {
                return new Built(CompiledForm.read(form, CLASS_LOADER), true);
            } catch (IOException | ClassNotFoundException | RuntimeException e) {
                LOG.warnf("The rules compiled before under key %s could not be read (%s); compiling them", key, e.toString());
            }
        }
        KieServices kieServices = KieServices.Factory.get();
        KieFileSystem files = kieServices.newKieFileSystem();
        drl.forEach((path, bytes) -> files.write("src/main/resources/" + path, bytes));
        KieContainer container = kieContainer(kieServices, files, kieServices.newReleaseId("uz.inson.rules", artifact, tag), problems);
        if (container == null) {
            return new Built(null, false);
        }
        if (key != null) {
            forms.keep(key, CompiledForm.write(container.getKieBase()));
        }
        return new Built(container.getKieBase(), false);
    }

    /** One KieBase from the files; null, with Drools' errors added to the problems, when it does not compile. */
    private static KieContainer kieContainer(KieServices kieServices, KieFileSystem files, ReleaseId releaseId, List<RuleSetProblem> problems) {
        files.generateAndWritePomXML(releaseId);
        KieBuilder builder = kieServices.newKieBuilder(files, CLASS_LOADER).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        for (Message message : errors) {
            String path = message.getPath() == null ? "bundle"
                    : message.getPath().replaceFirst("^src/main/resources/", "").replaceFirst("\\.xlsx\\.drl$", ".xlsx");
            problems.add(RuleSetProblem.inFile(path, "drools-error",
                    (message.getLine() > 0 ? "line " + message.getLine() + ": " : "") + message.getText().trim()));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        KieContainer container = kieServices.newKieContainer(releaseId, CLASS_LOADER);
        kieServices.getRepository().removeKieModule(releaseId);
        return container;
    }

    private ReadTable readTable(String path, byte[] bytes) {
        SpreadsheetReads.Table known = reads().table(path, bytes);
        if (known != null) {
            return new ReadTable(path, known.tables(), known.drl(), null, true);
        }
        try {
            DecisionTableReader.WithDrl read = DecisionTableReader.readWithDrl(path, bytes);
            return new ReadTable(path, read.tables(), read.drl(), null, false);
        } catch (IOException | RuntimeException e) {
            // Drools' spreadsheet parser throws on a malformed table; its message names the cell.
            return new ReadTable(path, List.of(), null, RuleSetProblem.inFile(path, "unreadable", e.getMessage()), false);
        }
    }

    /** The catalogue from its cells as the build read them ({@code known}), or else from the workbook. */
    private static ServiceCatalog readCatalog(byte[] bytes, List<List<String>> known, List<RuleSetProblem> problems) {
        if (bytes == null) {
            problems.add(RuleSetProblem.inFile(ServiceCatalog.FILE, "missing"));
            return null;
        }
        try {
            return known != null ? ServiceCatalog.fromRows(known) : ServiceCatalog.read(bytes);
        } catch (ServiceCatalog.CatalogException e) {
            e.problems().forEach(p -> problems.add(RuleSetProblem.verbatim(ServiceCatalog.FILE, p)));
        } catch (IOException | RuntimeException e) {
            problems.add(RuleSetProblem.inFile(ServiceCatalog.FILE, "unreadable-spreadsheet", e.getMessage()));
        }
        return null;
    }

    /**
     * The eligibility rows must make sense against the catalogue, whatever door the bundle came through: every row names
     * a service in use, answers a need or is marked an entitlement, places nobody in an institution or a new family
     * without a safety need, and pays means-tested cash only below the at-risk-of-poverty limit.
     */
    private static void checkEligibilityRows(DecisionTable table, ServiceCatalog catalog, double riskBand, Set<String> parameters,
                                             List<RuleSetProblem> problems) {
        DecisionTable.Column service = table.column(DecisionTable.SERVICE_ACTION);
        if (service == null || catalog == null) {
            return;
        }
        DecisionTable.Column needs = table.column(Criterion.NEED.template());
        DecisionTable.Column category = column(table, Criterion.REGISTRY_CATEGORY);
        DecisionTable.Column income = column(table, Criterion.INCOME_BELOW_MSL);
        for (DecisionTable.Row row : table.rows()) {
            String code = row.cell(service);
            CatalogService granted = code.isEmpty() ? null : catalog.find(code).orElse(null);
            if (code.isEmpty()) {
                problems.add(RuleSetProblem.at(table.file(), table.sheet(), row.number(), service.header(), "no-service-code"));
                continue;
            } else if (granted == null) {
                problems.add(RuleSetProblem.at(table.file(), table.sheet(), row.number(), service.header(), "unknown-service", code));
                continue;
            } else if (granted.replacedBy() != null) {
                problems.add(RuleSetProblem.at(table.file(), table.sheet(), row.number(), service.header(), "replaced-service", code, granted.replacedBy()));
            }
            String needsCell = needs == null ? "" : header(needs);
            if (table.answers(row).isEmpty() && !table.entitlement(row)) {
                problems.add(RuleSetProblem.at(table.file(), table.sheet(), row.number(), needsCell, "answers-no-need", code));
            }
            if (granted.unit() == BeneficiaryUnit.MEMBER && !table.concernsAMember(row)) {
                problems.add(RuleSetProblem.at(table.file(), table.sheet(), row.number(), service.header(), "member-service-without-member", code));
            }
            if (granted.isCash() && !parameters.contains(granted.amountParameter())) {
                problems.add(RuleSetProblem.at(table.file(), table.sheet(), row.number(), service.header(), "unknown-amount-parameter",
                        granted.amountParameter(), code));
            }
            DecisionTable.Column impairment = table.column(Criterion.IMPAIRMENT.template());
            if (!granted.impairments().isEmpty() && (impairment == null || row.cell(impairment).isBlank()
                    || !granted.impairments().containsAll(Criterion.values(row.cell(impairment))))) {
                problems.add(RuleSetProblem.at(table.file(), table.sheet(), row.number(), impairment == null ? service.header() : header(impairment),
                        "impairment-service-without-impairment", code, String.join(", ", granted.impairments())));
            }
            if (granted.placement() && !table.answers(row).equals(List.of(NeedArea.SAFETY.name()))) {
                problems.add(RuleSetProblem.at(table.file(), table.sheet(), row.number(), needsCell, "placement-without-safety", code));
            }
            if (granted.isCash() && granted.meansTested()) {
                boolean limitedByCategory = category != null && !row.cell(category).isEmpty()
                        && !Criterion.values(row.cell(category)).contains(RegistryCategory.NONE.name());
                boolean limitedByIncome = income != null && !row.cell(income).isEmpty() && number(row.cell(income)) <= riskBand;
                if (!limitedByCategory && !limitedByIncome) {
                    problems.add(RuleSetProblem.at(table.file(), table.sheet(), row.number(), income == null ? service.header() : header(income),
                            "means-tested-cash-unlimited", code, riskBand));
                }
            }
        }
    }

    /** Cells every row of its table must fill: a need's area (it counts areas) and a risk level's level. */
    private static void checkRequiredCells(DecisionTable table, List<RuleSetProblem> problems) {
        for (String template : List.of(DecisionTable.NEED_AREA, DecisionTable.NEED_LEVEL, DecisionTable.RISK_LEVEL_ACTION)) {
            DecisionTable.Column column = table.column(template);
            if (column == null) {
                continue;
            }
            for (DecisionTable.Row row : table.rows()) {
                if (row.cell(column).isBlank()) {
                    problems.add(RuleSetProblem.at(table.file(), table.sheet(), row.number(), header(column), "required-cell"));
                }
            }
        }
    }

    /**
     * The rows of a parameters table may read the case date and nothing else: they are fired once per date, before and
     * apart from the household's facts.
     */
    private static void checkParameterConditions(DecisionTable table, List<RuleSetProblem> problems) {
        if (table.column(DecisionTable.PARAMETER_NAME) == null) {
            return;
        }
        for (DecisionTable.Column column : table.columns()) {
            String pattern = column.pattern() == null ? "" : column.pattern().substring(column.pattern().indexOf(':') + 1).trim();
            if ("CONDITION".equals(column.type()) && !pattern.equals(CaseDate.class.getSimpleName())) {
                problems.add(RuleSetProblem.at(table.file(), table.sheet(), null, header(column), "parameter-condition-not-on-case-date", pattern));
            }
        }
    }

    /** Every parameter the parameters table names. */
    private static Set<String> parameterNames(List<DecisionTable> tables) {
        Set<String> names = new HashSet<>();
        for (DecisionTable table : tables) {
            DecisionTable.Column name = table.column(DecisionTable.PARAMETER_NAME);
            if (name != null) {
                table.rows().forEach(row -> names.add(row.cell(name)));
            }
        }
        return names;
    }

    /** The widest at-risk-of-poverty band any row of the parameters table gives (1.5 × MSL when none does). */
    private static double riskBand(List<DecisionTable> tables) {
        double band = 0;
        for (DecisionTable table : tables) {
            DecisionTable.Column name = table.column(DecisionTable.PARAMETER_NAME);
            DecisionTable.Column value = table.column(DecisionTable.PARAMETER_VALUE);
            if (name == null || value == null) {
                continue;
            }
            for (DecisionTable.Row row : table.rows()) {
                if (RISK_BAND.equals(row.cell(name))) {
                    band = Math.max(band, number(row.cell(value)));
                }
            }
        }
        return band > 0 ? band : 1.5;
    }

    private static DecisionTable.Column column(DecisionTable table, Criterion criterion) {
        return table.column(criterion.template());
    }

    private static String header(DecisionTable.Column column) {
        return column.header() + " (" + column.letter() + ")";
    }

    private static double number(String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
