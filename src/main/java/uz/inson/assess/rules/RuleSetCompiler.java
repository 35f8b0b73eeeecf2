package uz.inson.assess.rules;

import jakarta.enterprise.context.ApplicationScoped;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import uz.inson.assess.catalog.ServiceCatalog;
import uz.inson.assess.rules.facts.CaseDate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Compiles a bundle at run time: DRL files and {@code *.drl.xlsx} decision tables into one KieBase, plus the catalogue,
 * and checks that the tables only name services the catalogue has. Nothing here touches the active rule set.
 */
@ApplicationScoped
public class RuleSetCompiler {
    private static final String TABLE_SUFFIX = ".drl.xlsx";

    /** One spreadsheet, read once: its tables for tracing and the DRL Drools generates from it. */
    private record ReadTable(String path, List<DecisionTable> tables, String drl, RuleSetProblem problem) {
    }

    public CompiledRuleSet compile(RuleSetBundle bundle) throws RuleSetInvalidException {
        long started = System.nanoTime();
        List<RuleSetProblem> problems = new ArrayList<>();
        // The catalogue and the spreadsheets are independent: read them side by side (POI is the slow part of a build).
        List<RuleSetProblem> catalogProblems = new ArrayList<>();
        CompletableFuture<ServiceCatalog> catalog = CompletableFuture.supplyAsync(() -> readCatalog(bundle, catalogProblems));
        List<ReadTable> read = bundle.filesUnder(RuleSetBundle.TABLES_DIR, TABLE_SUFFIX).entrySet().parallelStream()
                .map(file -> readTable(file.getKey(), file.getValue())).toList();

        List<DecisionTable> tables = new ArrayList<>();
        Map<String, CompiledRuleSet.TracedRow> rowsByRule = new HashMap<>();
        KieServices kieServices = KieServices.Factory.get();
        KieFileSystem files = kieServices.newKieFileSystem();
        ReleaseId releaseId = kieServices.newReleaseId("uz.inson.rules", "bundle", bundle.hash().substring(7, 19));
        files.generateAndWritePomXML(releaseId);
        bundle.filesUnder(RuleSetBundle.RULES_DIR, ".drl").forEach((path, bytes) -> files.write("src/main/resources/" + path, bytes));
        for (ReadTable table : read) {
            if (table.problem() != null) {
                problems.add(table.problem());
                continue;
            }
            tables.addAll(table.tables());
            // The generated DRL goes in instead of the spreadsheet, so Drools does not parse the workbook again.
            files.write("src/main/resources/" + table.path() + ".drl", table.drl().getBytes(StandardCharsets.UTF_8));
        }
        ServiceCatalog serviceCatalog = catalog.join();
        problems.addAll(0, catalogProblems);
        for (DecisionTable table : tables) {
            for (DecisionTable.Row row : table.rows()) {
                if (rowsByRule.put(row.rule(), new CompiledRuleSet.TracedRow(table, row)) != null) {
                    problems.add(RuleSetProblem.at(table.file(), table.sheet(), row.number(), null, "duplicate-table", table.name()));
                }
            }
            checkServiceCodes(table, serviceCatalog, problems);
            CellValues.check(table, problems);
        }
        if (!problems.isEmpty()) {
            throw new RuleSetInvalidException(problems);
        }

        ClassLoader classLoader = CaseDate.class.getClassLoader();
        KieBuilder builder = kieServices.newKieBuilder(files, classLoader).buildAll();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            String path = message.getPath() == null ? "bundle"
                    : message.getPath().replaceFirst("^src/main/resources/", "").replaceFirst("\\.xlsx\\.drl$", ".xlsx");
            problems.add(RuleSetProblem.inFile(path, "drools-error",
                    (message.getLine() > 0 ? "line " + message.getLine() + ": " : "") + message.getText().trim()));
        }
        if (!problems.isEmpty()) {
            throw new RuleSetInvalidException(problems);
        }
        KieContainer container = kieServices.newKieContainer(releaseId, classLoader);
        kieServices.getRepository().removeKieModule(releaseId);
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new CompiledRuleSet(bundle, container.getKieBase(), serviceCatalog, tables, rowsByRule, millis);
    }

    private static ReadTable readTable(String path, byte[] bytes) {
        try {
            List<DecisionTable> tables = DecisionTableReader.read(path, bytes);
            String drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(bytes), InputType.XLS);
            return new ReadTable(path, tables, drl, null);
        } catch (IOException | RuntimeException e) {
            // Drools' spreadsheet parser throws on a malformed table; its message names the cell.
            return new ReadTable(path, List.of(), null, RuleSetProblem.inFile(path, "unreadable", e.getMessage()));
        }
    }

    private static ServiceCatalog readCatalog(RuleSetBundle bundle, List<RuleSetProblem> problems) {
        byte[] bytes = bundle.files().get(ServiceCatalog.FILE);
        if (bytes == null) {
            problems.add(RuleSetProblem.inFile(ServiceCatalog.FILE, "missing"));
            return null;
        }
        try {
            return ServiceCatalog.read(bytes);
        } catch (ServiceCatalog.CatalogException e) {
            e.problems().forEach(p -> problems.add(RuleSetProblem.verbatim(ServiceCatalog.FILE, p)));
        } catch (IOException | RuntimeException e) {
            problems.add(RuleSetProblem.inFile(ServiceCatalog.FILE, "unreadable-spreadsheet", e.getMessage()));
        }
        return null;
    }

    private static void checkServiceCodes(DecisionTable table, ServiceCatalog catalog, List<RuleSetProblem> problems) {
        DecisionTable.Column service = table.column(DecisionTable.SERVICE_ACTION);
        if (service == null || catalog == null) {
            return;
        }
        for (DecisionTable.Row row : table.rows()) {
            String code = row.cell(service);
            if (code.isEmpty()) {
                problems.add(RuleSetProblem.at(table.file(), table.sheet(), row.number(), service.header(), "no-service-code"));
            } else if (catalog.find(code).isEmpty()) {
                problems.add(RuleSetProblem.at(table.file(), table.sheet(), row.number(), service.header(), "unknown-service", code));
            }
        }
    }
}
