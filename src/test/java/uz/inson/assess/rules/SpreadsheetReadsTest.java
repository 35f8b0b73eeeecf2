package uz.inson.assess.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.inson.assess.catalog.ServiceCatalog;
import uz.inson.assess.household.Household;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.inson.assess.household.Employment.UNEMPLOYED;
import static uz.inson.assess.household.Relation.HEAD;
import static uz.inson.assess.household.Sex.F;
import static uz.inson.assess.household.Sex.M;
import static uz.inson.assess.support.HouseholdBuilder.household;

/**
 * The spreadsheets the build read (pom.xml, phase process-classes) are what reading the workbooks gives, and a compile
 * takes them only for the very bytes, path and reading code the build saw.
 */
class SpreadsheetReadsTest {
    private static final RuleSetBundle REPOSITORY = RuleSetBundle.fromDirectory(Path.of("."));
    private static final String PARAMETERS = "decision-tables/parameters.drl.xlsx";
    private static final String NEEDS = "decision-tables/needs.drl.xlsx";

    private static SpreadsheetReads packaged() {
        return SpreadsheetReads.packaged(SpreadsheetReadsTest.class.getClassLoader());
    }

    @Test
    void theBuildReadEveryWorkbookOfTheRepositoryAsACompileReadsIt() throws Exception {
        SpreadsheetReads reads = packaged();
        Map<String, byte[]> workbooks = REPOSITORY.filesUnder(RuleSetBundle.TABLES_DIR, ".drl.xlsx");
        assertTrue(workbooks.size() > 10, "the repository's decision tables");
        for (Map.Entry<String, byte[]> workbook : workbooks.entrySet()) {
            SpreadsheetReads.Table known = reads.table(workbook.getKey(), workbook.getValue());
            assertNotNull(known, workbook.getKey() + " was not read by the build, or was read by other code");
            DecisionTableReader.WithDrl read = DecisionTableReader.readWithDrl(workbook.getKey(), workbook.getValue());
            assertEquals(read.tables(), known.tables(), workbook.getKey());
            assertEquals(read.drl(), known.drl(), workbook.getKey());
        }
        byte[] catalog = REPOSITORY.files().get(ServiceCatalog.FILE);
        assertEquals(ServiceCatalog.rows(catalog), reads.catalog(ServiceCatalog.FILE, catalog));
    }

    @Test
    void aWorkbookChangedOrMovedSinceTheBuildIsReadAgain() {
        SpreadsheetReads reads = packaged();
        byte[] parameters = REPOSITORY.files().get(PARAMETERS);
        byte[] needs = REPOSITORY.files().get(NEEDS);
        assertNotNull(reads.table(PARAMETERS, parameters));
        assertNull(reads.table(PARAMETERS, needs), "other bytes at this path");
        assertNull(reads.table("decision-tables/parameters-2027.drl.xlsx", parameters), "these bytes at another path");
        assertNull(reads.catalog(ServiceCatalog.FILE, needs));
        assertNull(reads.catalog(ServiceCatalog.FILE, null));
    }

    @Test
    void readsWrittenByOtherCodeOrDamagedAreNotTaken() throws IOException {
        String json;
        try (InputStream in = SpreadsheetReadsTest.class.getClassLoader().getResourceAsStream(SpreadsheetReads.RESOURCE)) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(json.startsWith("{\"reader\":\""));
        String otherCode = json.replaceFirst("\"reader\":\"[0-9a-f]+\"", "\"reader\":\"" + "0".repeat(64) + "\"");
        assertSame(SpreadsheetReads.NONE, SpreadsheetReads.packaged(serving(otherCode)));
        assertSame(SpreadsheetReads.NONE, SpreadsheetReads.packaged(serving(json.substring(0, json.length() / 2))));
        assertTrue(SpreadsheetReads.packaged(serving(json)).tables().size() > 10, "the same file, served the same way, is taken");
    }

    @Test
    void aCompileFromTheReadsIsTheCompileFromTheWorkbooks() throws Exception {
        CompiledRuleSet fromWorkbooks = new RuleSetCompiler().compile(REPOSITORY);
        CompiledRuleSet fromReads = new RuleSetCompiler(packaged()).compile(REPOSITORY);
        int spreadsheets = REPOSITORY.filesUnder(RuleSetBundle.TABLES_DIR, ".xlsx").size();
        assertEquals(0, fromWorkbooks.compile().spreadsheetsReadByBuild());
        assertEquals(spreadsheets, fromReads.compile().spreadsheetsReadByBuild());
        assertEquals(spreadsheets, fromReads.compile().spreadsheets());
        assertEquals(fromWorkbooks.tables(), fromReads.tables());
        assertEquals(fromWorkbooks.catalog().all(), fromReads.catalog().all());

        Household family = household().wages(1_300_000).member("mother", "1990-01-01", F, HEAD, UNEMPLOYED).child("son", "2019-01-01", M).build();
        LocalDate asOf = LocalDate.of(2026, 11, 25);
        RuleOutcome expected = fromWorkbooks.evaluate(family, asOf);
        RuleOutcome actual = fromReads.evaluate(family, asOf);
        assertTrue(expected.grants().size() > 3, "a family the rules grant services");
        assertEquals(expected.grants(), actual.grants());
    }

    /** What the build writes: every workbook that reads cleanly, and none that does not (the compile reports it). */
    @Test
    void theBuildLeavesOutAWorkbookThatDoesNotRead(@TempDir Path root) throws IOException {
        REPOSITORY.files().forEach((path, bytes) -> write(root.resolve(path), bytes));
        write(root.resolve("decision-tables/broken.drl.xlsx"), "not a workbook".getBytes(StandardCharsets.UTF_8));
        Path out = root.resolve("out/reads.json");

        SpreadsheetReads.main(new String[] {root.toString(), out.toString()});

        SpreadsheetReads written = SpreadsheetReads.packaged(serving(Files.readString(out)));
        assertNotNull(written.table(PARAMETERS, REPOSITORY.files().get(PARAMETERS)));
        assertTrue(!written.tables().containsKey("decision-tables/broken.drl.xlsx"));
        assertEquals(REPOSITORY.filesUnder(RuleSetBundle.TABLES_DIR, ".drl.xlsx").keySet(), written.tables().keySet());
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** This test's class loader, with {@code json} as the build's reads. */
    private static ClassLoader serving(String json) {
        return new ClassLoader(SpreadsheetReadsTest.class.getClassLoader()) {
            @Override
            public InputStream getResourceAsStream(String name) {
                return name.equals(SpreadsheetReads.RESOURCE) ? new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))
                        : super.getResourceAsStream(name);
            }
        };
    }
}
