package uz.inson.assess.catalog;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import uz.inson.assess.common.Language;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The service catalogue of one rule-set version, read from {@code decision-tables/catalog.xlsx} (sheet "Services"). */
public final class ServiceCatalog {
    public static final String FILE = "decision-tables/catalog.xlsx";
    private static final List<String> HEADER = List.of("code", "category", "kind", "unit", "name_uz", "name_ru", "name_en",
            "provider", "legal_basis", "means_tested", "amount_parameter");

    private final Map<String, CatalogService> services;

    private ServiceCatalog(Map<String, CatalogService> services) {
        this.services = services;
    }

    /** Parses the catalogue; every problem names its cell, e.g. {@code Services!C12: kind 'CASHH' is not one of ...}. */
    public static ServiceCatalog read(byte[] bytes) throws IOException, CatalogException {
        DataFormatter formatter = new DataFormatter();
        List<String> problems = new ArrayList<>();
        Map<String, CatalogService> services = new LinkedHashMap<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheet("Services");
            if (sheet == null) {
                throw new CatalogException(List.of("catalog.xlsx has no sheet named 'Services'"));
            }
            Row header = sheet.getRow(0);
            for (int c = 0; c < HEADER.size(); c++) {
                String found = header == null ? "" : formatter.formatCellValue(header.getCell(c)).trim();
                if (!HEADER.get(c).equals(found)) {
                    problems.add("Services!" + cellName(0, c) + ": expected column '" + HEADER.get(c) + "' but found '" + found + "'");
                }
            }
            if (!problems.isEmpty()) {
                throw new CatalogException(problems);
            }
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                String[] v = new String[HEADER.size()];
                for (int c = 0; c < v.length; c++) {
                    v[c] = formatter.formatCellValue(row.getCell(c)).trim();
                }
                if (String.join("", v).isEmpty()) {
                    continue;
                }
                int rowNumber = r;
                ServiceCategory category = parse(ServiceCategory.class, v[1], rowNumber, 1, problems);
                ServiceKind kind = parse(ServiceKind.class, v[2], rowNumber, 2, problems);
                BeneficiaryUnit unit = parse(BeneficiaryUnit.class, v[3], rowNumber, 3, problems);
                if (category != null && !v[0].matches(category.prefix() + "-\\d{3}")) {
                    problems.add("Services!" + cellName(r, 0) + ": code '" + v[0] + "' must look like " + category.prefix() + "-001 for category " + category);
                }
                if (services.containsKey(v[0])) {
                    problems.add("Services!" + cellName(r, 0) + ": code '" + v[0] + "' appears twice");
                }
                for (int c : new int[] {4, 5, 6, 7, 8}) {
                    if (v[c].isEmpty()) {
                        problems.add("Services!" + cellName(r, c) + ": " + HEADER.get(c) + " is empty");
                    }
                }
                if (!v[9].equalsIgnoreCase("true") && !v[9].equalsIgnoreCase("false")) {
                    problems.add("Services!" + cellName(r, 9) + ": means_tested must be true or false, not '" + v[9] + "'");
                }
                if (kind == ServiceKind.CASH == v[10].isEmpty()) {
                    problems.add("Services!" + cellName(r, 10) + ": a CASH service needs an amount_parameter, and only a CASH service may have one");
                }
                Map<Language, String> names = new EnumMap<>(Language.class);
                names.put(Language.uz, v[4]);
                names.put(Language.ru, v[5]);
                names.put(Language.en, v[6]);
                services.put(v[0], new CatalogService(v[0], category, kind, unit, Map.copyOf(names), v[7], v[8],
                        Boolean.parseBoolean(v[9]), v[10].isEmpty() ? null : v[10]));
            }
        }
        if (!problems.isEmpty()) {
            throw new CatalogException(problems);
        }
        return new ServiceCatalog(services);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, int r, int c, List<String> problems) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            problems.add("Services!" + cellName(r, c) + ": '" + value + "' is not one of " + List.of(type.getEnumConstants()));
            return null;
        }
    }

    private static String cellName(int r, int c) {
        return org.apache.poi.ss.util.CellReference.convertNumToColString(c) + (r + 1);
    }

    public Optional<CatalogService> find(String code) {
        return Optional.ofNullable(services.get(code));
    }

    public Collection<CatalogService> all() {
        return services.values();
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
