package uz.inson.assess.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import uz.inson.assess.catalog.ServiceCatalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The repository's spreadsheets as the build read them: each decision table's rows and generated DRL, and the
 * catalogue's cells, by path and content hash. Opening a workbook with POI is a third of a cold compile's CPU (a start
 * on 2 cores waits for that compile), so the build reads them once and the launch reads what the build wrote. A
 * workbook is taken from here only when its path, its bytes and the code that read it are the ones the build saw;
 * anything else, every upload included, is read from the workbook as before.
 */
public record SpreadsheetReads(String reader, Map<String, Table> tables, Map<String, Catalog> catalogs) {

    public SpreadsheetReads {
        tables = Map.copyOf(tables);
        catalogs = Map.copyOf(catalogs);
    }

    /** Where the build writes them, beside the packaged bundle. */
    public static final String RESOURCE = RuleSetBundle.PACKAGED_ROOT + "/spreadsheets-read.json";
    static final SpreadsheetReads NONE = new SpreadsheetReads("", Map.of(), Map.of());

    /** The classes whose code turns a workbook into what is stored here, or shapes it: changed code makes the reads stale. */
    private static final List<String> READING_CODE = List.of(
            "uz/inson/assess/rules/DecisionTableReader.class",
            "uz/inson/assess/rules/DecisionTable.class",
            "uz/inson/assess/rules/DecisionTable$Column.class",
            "uz/inson/assess/rules/DecisionTable$Row.class",
            "uz/inson/assess/rules/SpreadsheetReads$Table.class",
            "uz/inson/assess/rules/SpreadsheetReads$Catalog.class",
            "uz/inson/assess/catalog/ServiceCatalog.class",
            "org/drools/decisiontable/parser/xls/ExcelParser.class",
            "org/drools/decisiontable/parser/DefaultRuleSheetListener.class",
            "org/drools/decisiontable/SpreadsheetCompiler.class",
            "org/apache/poi/ss/usermodel/DataFormatter.class");
    /** Map entries written in key order, so the same workbooks always make the same file. */
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /** One decision-table workbook: its tables as {@link DecisionTableReader} reads them and the DRL Drools generates. */
    public record Table(String sha256, List<DecisionTable> tables, String drl) {
        public Table {
            tables = List.copyOf(tables);
        }
    }

    /** The catalogue workbook: the cells of its sheet "Services" ({@link ServiceCatalog#rows}). */
    public record Catalog(String sha256, List<List<String>> rows) {
        public Catalog {
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** What the build wrote into the application, when it was written by this very code; else {@link #NONE}. */
    public static SpreadsheetReads packaged(ClassLoader classLoader) {
        try (InputStream in = classLoader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return NONE;
            }
            SpreadsheetReads reads = JSON.readValue(in, SpreadsheetReads.class);
            return reads.reader().equals(readerOf(classLoader)) ? reads : NONE;
        } catch (IOException | RuntimeException e) {
            // a damaged or foreign file only costs the time of reading the workbooks
            return NONE;
        }
    }

    Table table(String path, byte[] bytes) {
        Table table = tables.get(path);
        return table != null && table.sha256().equals(sha256(bytes)) ? table : null;
    }

    List<List<String>> catalog(String path, byte[] bytes) {
        Catalog catalog = catalogs.get(path);
        return catalog != null && bytes != null && catalog.sha256().equals(sha256(bytes)) ? catalog.rows() : null;
    }

    /**
     * Run by the build ({@code pom.xml}, phase {@code process-classes}): reads the bundle under {@code args[0]} and
     * writes the reads to {@code args[1]}. A workbook that does not read cleanly is left out, so the application reads
     * it and reports its problems as it would without this file.
     */
    public static void main(String[] args) throws IOException {
        RuleSetBundle bundle = RuleSetBundle.fromDirectory(Path.of(args[0]));
        Map<String, Table> tables = new TreeMap<>();
        bundle.filesUnder(RuleSetBundle.TABLES_DIR, RuleSetCompiler.TABLE_SUFFIX).forEach((path, bytes) -> {
            try {
                DecisionTableReader.WithDrl read = DecisionTableReader.readWithDrl(path, bytes);
                tables.put(path, new Table(sha256(bytes), read.tables(), read.drl()));
            } catch (IOException | RuntimeException e) {
                // left to the application to read and report
            }
        });
        Map<String, Catalog> catalogs = new TreeMap<>();
        byte[] catalog = bundle.files().get(ServiceCatalog.FILE);
        try {
            if (catalog != null) {
                catalogs.put(ServiceCatalog.FILE, new Catalog(sha256(catalog), ServiceCatalog.rows(catalog)));
            }
        } catch (IOException | ServiceCatalog.CatalogException | RuntimeException e) {
            // left to the application to read and report
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out.getParent());
        JSON.writeValue(out.toFile(), new SpreadsheetReads(readerOf(SpreadsheetReads.class.getClassLoader()), tables, catalogs));
    }

    /** SHA-256 over the reading code's class files, as this class loader has them. */
    private static String readerOf(ClassLoader classLoader) {
        MessageDigest digest = digest();
        for (String name : READING_CODE) {
            try (InputStream in = classLoader.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("No " + name);
                }
                digest.update(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
