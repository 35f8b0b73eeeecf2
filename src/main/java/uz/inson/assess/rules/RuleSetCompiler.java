package uz.inson.assess.rules;

import jakarta.enterprise.context.ApplicationScoped;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import uz.inson.assess.catalog.ServiceCatalog;
import uz.inson.assess.rules.facts.CaseDate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Compiles a bundle at run time: DRL files and {@code *.drl.xlsx} decision tables into one KieBase, plus the catalogue,
 * and checks that the tables only name services the catalogue has. Nothing here touches the active rule set.
 */
@ApplicationScoped
public class RuleSetCompiler {
    private static final String TABLE_SUFFIX = ".drl.xlsx";
    private static final String SERVICE_ACTION = "insert(Grant.of(\"$param\", drools));";

    public CompiledRuleSet compile(RuleSetBundle bundle) throws RuleSetInvalidException {
        long started = System.nanoTime();
        List<RuleSetProblem> problems = new ArrayList<>();
        AtomicReference<ServiceCatalog> catalog = new AtomicReference<>();
        List<DecisionTable> tables = new ArrayList<>();
        Map<String, CompiledRuleSet.TracedRow> rowsByRule = new HashMap<>();
        // Reading the catalogue and tables for traceability runs beside the Drools build, which parses them on its own.
        CompletableFuture<List<RuleSetProblem>> traced = CompletableFuture.supplyAsync(() -> readTables(bundle, catalog, tables, rowsByRule));
        KieServices kieServices = KieServices.Factory.get();
        KieFileSystem files = kieServices.newKieFileSystem();
        ReleaseId releaseId = kieServices.newReleaseId("uz.inson.rules", "bundle", bundle.hash().substring(7, 19));
        files.generateAndWritePomXML(releaseId);
        bundle.filesUnder(RuleSetBundle.RULES_DIR, ".drl").forEach((path, bytes) -> files.write("src/main/resources/" + path, bytes));
        bundle.filesUnder(RuleSetBundle.TABLES_DIR, TABLE_SUFFIX).forEach((path, bytes) -> files.write("src/main/resources/" + path, bytes));
        ClassLoader classLoader = CaseDate.class.getClassLoader();
        KieBuilder builder;
        try {
            builder = kieServices.newKieBuilder(files, classLoader).buildAll();
        } catch (RuntimeException e) {
            // The spreadsheet parser throws instead of reporting; its message names the file and the cell.
            problems.addAll(traced.join());
            problems.add(RuleSetProblem.inFile("bundle", e.getMessage()));
            throw new RuleSetInvalidException(problems);
        }
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            String path = message.getPath() == null ? "bundle" : message.getPath().replaceFirst("^src/main/resources/", "");
            problems.add(new RuleSetProblem(path, null, null, null,
                    (message.getLine() > 0 ? "line " + message.getLine() + ": " : "") + message.getText().trim()));
        }
        problems.addAll(0, traced.join());
        if (!problems.isEmpty()) {
            throw new RuleSetInvalidException(problems);
        }
        KieContainer container = kieServices.newKieContainer(releaseId, classLoader);
        kieServices.getRepository().removeKieModule(releaseId);
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new CompiledRuleSet(bundle, bundle.version(), bundle.hash(), container.getKieBase(), catalog.get(), tables, rowsByRule, millis);
    }

    private static List<RuleSetProblem> readTables(RuleSetBundle bundle, AtomicReference<ServiceCatalog> catalogOut,
                                                   List<DecisionTable> tables, Map<String, CompiledRuleSet.TracedRow> rowsByRule) {
        List<RuleSetProblem> problems = new ArrayList<>();
        ServiceCatalog catalog = readCatalog(bundle, problems);
        catalogOut.set(catalog);
        bundle.filesUnder(RuleSetBundle.TABLES_DIR, TABLE_SUFFIX).forEach((path, bytes) -> {
            try {
                tables.addAll(DecisionTableReader.read(path, bytes));
            } catch (IOException | RuntimeException e) {
                problems.add(RuleSetProblem.inFile(path, "is not a readable spreadsheet: " + e.getMessage()));
            }
        });
        for (DecisionTable table : tables) {
            for (DecisionTable.Row row : table.rows()) {
                if (rowsByRule.put(row.rule(), new CompiledRuleSet.TracedRow(table, row)) != null) {
                    problems.add(new RuleSetProblem(table.file(), table.sheet(), row.number(), null,
                            "another table is also named '" + table.name() + "'; RuleTable names must be unique in a rule set"));
                }
            }
            checkServiceCodes(table, catalog, problems);
        }
        return problems;
    }

    private static ServiceCatalog readCatalog(RuleSetBundle bundle, List<RuleSetProblem> problems) {
        byte[] bytes = bundle.files().get(ServiceCatalog.FILE);
        if (bytes == null) {
            problems.add(RuleSetProblem.inFile(ServiceCatalog.FILE, "is missing"));
            return null;
        }
        try {
            return ServiceCatalog.read(bytes);
        } catch (ServiceCatalog.CatalogException e) {
            e.problems().forEach(p -> problems.add(RuleSetProblem.inFile("catalog.xlsx", p)));
        } catch (IOException | RuntimeException e) {
            problems.add(RuleSetProblem.inFile(ServiceCatalog.FILE, "is not a readable spreadsheet: " + e.getMessage()));
        }
        return null;
    }

    private static void checkServiceCodes(DecisionTable table, ServiceCatalog catalog, List<RuleSetProblem> problems) {
        DecisionTable.Column service = table.column(SERVICE_ACTION);
        if (service == null || catalog == null) {
            return;
        }
        for (DecisionTable.Row row : table.rows()) {
            String code = row.cell(service);
            if (code.isEmpty()) {
                problems.add(new RuleSetProblem(table.file(), table.sheet(), row.number(), service.header(), "no service code"));
            } else if (catalog.find(code).isEmpty()) {
                problems.add(new RuleSetProblem(table.file(), table.sheet(), row.number(), service.header(),
                        "'" + code + "' is not a service of the catalogue"));
            }
        }
    }
}
