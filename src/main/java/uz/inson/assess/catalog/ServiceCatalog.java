package uz.inson.assess.catalog;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import uz.inson.assess.common.Language;
import uz.inson.assess.household.Impairment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The service catalogue of one rule-set version, read from {@code decision-tables/catalog.xlsx} (sheet "Services"). */
public final class ServiceCatalog {
    public static final String FILE = "decision-tables/catalog.xlsx";
    static final List<String> HEADER = List.of("code", "category", "kind", "unit", "name_uz", "name_ru", "name_en",
            "provider_uz", "provider_ru", "provider_en", "legal_basis_uz", "legal_basis_ru", "legal_basis_en", "means_tested",
            "amount_parameter", "frequency", "season_months", "exclusive_group", "exclusive_rank", "apply_at", "documents",
            "automatic", "open_to_all", "placement", "impairments", "replaced_by");

    private final Map<String, CatalogService> services;
    private final List<CatalogService> active;
    private final List<CatalogService> openToAll;

    private ServiceCatalog(Map<String, CatalogService> services) {
        this.services = services;
        this.active = services.values().stream().filter(s -> s.replacedBy() == null).toList();
        this.openToAll = active.stream().filter(CatalogService::openToAll).toList();
    }

    /** Parses the catalogue; every problem names its cell, e.g. {@code Services!C12: kind 'CASHH' is not one of ...}. */
    public static ServiceCatalog read(byte[] bytes) throws IOException, CatalogException {
        return fromRows(rows(bytes));
    }

    /**
     * The text of the sheet "Services", one list of {@link #HEADER}'s width a row from the first (a row the sheet
     * lacks is empty): all the catalogue needs of the workbook.
     */
    public static List<List<String>> rows(byte[] bytes) throws IOException, CatalogException {
        DataFormatter formatter = new DataFormatter();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheet("Services");
            if (sheet == null) {
                throw new CatalogException(List.of("catalog.xlsx has no sheet named 'Services'"));
            }
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                for (int c = 0; row != null && c < HEADER.size(); c++) {
                    cells.add(formatter.formatCellValue(row.getCell(c)).trim());
                }
                rows.add(List.copyOf(cells));
            }
            return List.copyOf(rows);
        }
    }

    /** The catalogue in these rows of the sheet "Services" ({@link #rows}). */
    public static ServiceCatalog fromRows(List<List<String>> rows) throws CatalogException {
        List<String> problems = new ArrayList<>();
        Map<String, CatalogService> services = new LinkedHashMap<>();
        List<String> header = rows.isEmpty() ? List.of() : rows.get(0);
        for (int c = 0; c < HEADER.size(); c++) {
            String found = c < header.size() ? header.get(c) : "";
            if (!HEADER.get(c).equals(found)) {
                problems.add("Services!" + cellName(0, c) + ": expected column '" + HEADER.get(c) + "' but found '" + found + "'");
            }
        }
        if (!problems.isEmpty()) {
            throw new CatalogException(problems);
        }
        Map<String, Integer> replacements = new LinkedHashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (String.join("", row).isEmpty()) {
                continue;
            }
            Map<String, String> v = new HashMap<>();
            for (int c = 0; c < HEADER.size(); c++) {
                v.put(HEADER.get(c), row.get(c));
            }
            CatalogService service = readRow(r, v, problems);
            if (services.containsKey(service.code())) {
                problems.add("Services!" + cellName(r, 0) + ": code '" + service.code() + "' appears twice");
            }
            services.put(service.code(), service);
            if (service.replacedBy() != null) {
                replacements.put(service.code(), r);
            }
        }
        replacements.forEach((code, r) -> {
            CatalogService replacement = services.get(services.get(code).replacedBy());
            if (replacement == null || replacement.replacedBy() != null) {
                problems.add("Services!" + cellName(r, HEADER.indexOf("replaced_by")) + ": '" + services.get(code).replacedBy()
                        + "' is not a service of the catalogue that is itself in use");
            }
        });
        checkDistinctNames(services.values(), problems);
        if (!problems.isEmpty()) {
            throw new CatalogException(problems);
        }
        return new ServiceCatalog(services);
    }

    private static CatalogService readRow(int r, Map<String, String> v, List<String> problems) {
        ServiceCategory category = parse(ServiceCategory.class, v, "category", r, problems);
        ServiceKind kind = parse(ServiceKind.class, v, "kind", r, problems);
        BeneficiaryUnit unit = parse(BeneficiaryUnit.class, v, "unit", r, problems);
        Frequency frequency = parse(Frequency.class, v, "frequency", r, problems);
        ApplyAt applyAt = parse(ApplyAt.class, v, "apply_at", r, problems);
        String code = v.get("code");
        if (category != null && !code.matches(category.prefix() + "-\\d{3}")) {
            problems.add("Services!" + cellName(r, 0) + ": code '" + code + "' must look like " + category.prefix() + "-001 for category " + category);
        }
        for (String column : List.of("name_uz", "name_ru", "name_en", "provider_uz", "provider_ru", "provider_en",
                "legal_basis_uz", "legal_basis_ru", "legal_basis_en")) {
            if (v.get(column).isEmpty()) {
                problems.add("Services!" + cellName(r, HEADER.indexOf(column)) + ": " + column + " is empty");
            }
        }
        boolean meansTested = yesNo(v, "means_tested", r, problems);
        String amount = v.get("amount_parameter");
        if (kind == ServiceKind.CASH == amount.isEmpty()) {
            problems.add("Services!" + cellName(r, HEADER.indexOf("amount_parameter"))
                    + ": a CASH service needs an amount_parameter, and only a CASH service may have one");
        }
        TreeSet<Integer> months = new TreeSet<>();
        for (String month : v.get("season_months").split(",")) {
            if (month.isBlank()) {
                continue;
            }
            try {
                int m = Integer.parseInt(month.trim());
                if (m < 1 || m > 12) {
                    throw new NumberFormatException();
                }
                months.add(m);
            } catch (NumberFormatException e) {
                problems.add("Services!" + cellName(r, HEADER.indexOf("season_months")) + ": '" + month.trim() + "' is not a month number 1–12");
            }
        }
        if (frequency == Frequency.SEASONAL == months.isEmpty()) {
            problems.add("Services!" + cellName(r, HEADER.indexOf("season_months")) + ": a SEASONAL service names its months (e.g. 11,12,1,2,3), and only a SEASONAL one");
        }
        String group = v.get("exclusive_group");
        Integer rank = null;
        if (!group.isEmpty()) {
            try {
                rank = Integer.parseInt(v.get("exclusive_rank").replaceFirst("\\.0$", ""));
            } catch (NumberFormatException e) {
                problems.add("Services!" + cellName(r, HEADER.indexOf("exclusive_rank")) + ": a service of an exclusive group needs a whole-number rank (1 wins)");
            }
        }
        List<Document> documents = new ArrayList<>();
        for (String document : v.get("documents").split(",")) {
            if (!document.isBlank()) {
                try {
                    documents.add(Document.valueOf(document.trim()));
                } catch (IllegalArgumentException e) {
                    problems.add("Services!" + cellName(r, HEADER.indexOf("documents")) + ": '" + document.trim() + "' is not one of " + Arrays.toString(Document.values()));
                }
            }
        }
        TreeSet<String> impairments = new TreeSet<>();
        for (String impairment : v.get("impairments").split(",")) {
            if (!impairment.isBlank()) {
                try {
                    impairments.add(Impairment.valueOf(impairment.trim()).name());
                } catch (IllegalArgumentException e) {
                    problems.add("Services!" + cellName(r, HEADER.indexOf("impairments")) + ": '" + impairment.trim() + "' is not one of "
                            + Arrays.toString(Impairment.values()));
                }
            }
        }
        String replacedBy = v.get("replaced_by").isEmpty() ? null : v.get("replaced_by");
        return new CatalogService(code, category, kind, unit, languages(v, "name"), languages(v, "provider"), languages(v, "legal_basis"),
                meansTested, amount.isEmpty() ? null : amount, frequency, Collections.unmodifiableSortedSet(months), group.isEmpty() ? null : group, rank, applyAt,
                List.copyOf(documents), yesNo(v, "automatic", r, problems), yesNo(v, "open_to_all", r, problems),
                yesNo(v, "placement", r, problems), Collections.unmodifiableSortedSet(impairments), replacedBy);
    }

    /** No two services in use may carry one name: a family would hear the same help twice. */
    private static void checkDistinctNames(Collection<CatalogService> services, List<String> problems) {
        for (Language language : Language.values()) {
            Map<String, String> seen = new HashMap<>();
            for (CatalogService service : services) {
                if (service.replacedBy() != null || service.name(language) == null) {
                    continue;
                }
                String other = seen.putIfAbsent(service.name(language).toLowerCase(Locale.ROOT), service.code());
                if (other != null) {
                    problems.add("Services: " + service.code() + " has the same " + language + " name as " + other + "; merge them (replaced_by)");
                }
            }
        }
    }

    private static Map<Language, String> languages(Map<String, String> v, String prefix) {
        Map<Language, String> texts = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            texts.put(language, v.get(prefix + "_" + language.name()));
        }
        return Map.copyOf(texts);
    }

    private static boolean yesNo(Map<String, String> v, String column, int r, List<String> problems) {
        String value = v.get(column);
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            problems.add("Services!" + cellName(r, HEADER.indexOf(column)) + ": " + column + " must be true or false, not '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, Map<String, String> v, String column, int r, List<String> problems) {
        try {
            return Enum.valueOf(type, v.get(column));
        } catch (IllegalArgumentException e) {
            problems.add("Services!" + cellName(r, HEADER.indexOf(column)) + ": '" + v.get(column) + "' is not one of " + List.of(type.getEnumConstants()));
            return null;
        }
    }

    private static String cellName(int r, int c) {
        return CellReference.convertNumToColString(c) + (r + 1);
    }

    /** Any service of the catalogue, merged duplicates included (stored assessments may name them). */
    public Optional<CatalogService> find(String code) {
        return Optional.ofNullable(services.get(code));
    }

    /** The services in use: every service but the merged duplicates. */
    public Collection<CatalogService> all() {
        return active;
    }

    /** The services in use that anyone may ask for (information, hotlines), which every answer offers. */
    public List<CatalogService> openToAll() {
        return openToAll;
    }

    /** The codes in use for these codes: a merged duplicate becomes the service that replaced it; unknown codes are dropped. */
    public Set<String> resolve(Collection<String> codes) {
        Set<String> resolved = new LinkedHashSet<>();
        for (String code : codes) {
            CatalogService service = services.get(code);
            if (service != null) {
                resolved.add(service.replacedBy() == null ? code : service.replacedBy());
            }
        }
        return resolved;
    }

    /** A catalogue that cannot be read; each message names the cell. */
    public static final class CatalogException extends Exception {
        private final List<String> problems;

        public CatalogException(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
