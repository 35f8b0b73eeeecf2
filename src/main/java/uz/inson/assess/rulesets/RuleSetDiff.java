package uz.inson.assess.rulesets;

import uz.inson.assess.catalog.CatalogService;
import uz.inson.assess.catalog.ServiceCatalog;
import uz.inson.assess.rules.DecisionTable;
import uz.inson.assess.rules.DecisionTableReader;
import uz.inson.assess.rules.RuleSetBundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changed between two versions, in an officer's terms: per table, rows added, removed and changed (old and new
 * value of each changed cell, by column header); catalogue entries added, removed and changed; other files changed.
 * Rows are matched by their first column (the service code, risk factor or parameter) and, for parameters, their
 * validity start; rows with the same key are paired in order.
 */
public final class RuleSetDiff {
    private RuleSetDiff() {
    }

    public record Diff(String from, String to, List<TableDiff> tables, CatalogDiff catalog, List<String> otherFilesChanged) {
    }

    public record TableDiff(String file, String sheet, List<RowView> added, List<RowView> removed, List<RowChange> changed) {
    }

    public record RowView(int row, Map<String, String> cells) {
    }

    public record RowChange(int oldRow, int newRow, String key, Map<String, CellChange> cells) {
    }

    public record CellChange(String before, String after) {
    }

    public record CatalogDiff(List<String> added, List<String> removed, Map<String, Map<String, CellChange>> changed) {
    }

    static Diff between(RuleSetBundle from, RuleSetBundle to) {
        List<TableDiff> tables = new ArrayList<>();
        Set<String> paths = new TreeSet<>(from.files().keySet());
        paths.addAll(to.files().keySet());
        List<String> others = new ArrayList<>();
        for (String path : paths) {
            byte[] before = from.files().get(path);
            byte[] after = to.files().get(path);
            if (before != null && after != null && Arrays.equals(before, after)) {
                continue;
            }
            if (path.endsWith(".drl.xlsx")) {
                tables.addAll(tables(path, before, after));
            } else if (!path.equals(ServiceCatalog.FILE) && !path.equals(RuleSetBundle.VERSION_FILE)) {
                others.add(path);
            }
        }
        return new Diff(from.version(), to.version(), tables, catalog(from, to), others);
    }

    private static List<TableDiff> tables(String path, byte[] before, byte[] after) {
        Map<String, DecisionTable> old = read(path, before);
        Map<String, DecisionTable> now = read(path, after);
        Set<String> sheets = new LinkedHashSet<>(old.keySet());
        sheets.addAll(now.keySet());
        List<TableDiff> diffs = new ArrayList<>();
        for (String sheet : sheets) {
            DecisionTable was = old.get(sheet);
            DecisionTable is = now.get(sheet);
            DecisionTable shape = is != null ? is : was;
            Map<String, List<DecisionTable.Row>> oldRows = byKey(was);
            Map<String, List<DecisionTable.Row>> newRows = byKey(is);
            List<RowView> added = new ArrayList<>();
            List<RowView> removed = new ArrayList<>();
            List<RowChange> changed = new ArrayList<>();
            Set<String> keys = new LinkedHashSet<>(oldRows.keySet());
            keys.addAll(newRows.keySet());
            for (String key : keys) {
                List<DecisionTable.Row> a = new ArrayList<>(oldRows.getOrDefault(key, List.of()));
                List<DecisionTable.Row> b = new ArrayList<>(newRows.getOrDefault(key, List.of()));
                a.removeIf(row -> b.removeIf(other -> other.cells().equals(row.cells())));
                int pairs = Math.min(a.size(), b.size());
                for (int i = 0; i < pairs; i++) {
                    Map<String, CellChange> cells = new LinkedHashMap<>();
                    for (DecisionTable.Column column : shape.columns()) {
                        String oldValue = a.get(i).cell(column);
                        String newValue = b.get(i).cell(column);
                        if (!oldValue.equals(newValue)) {
                            cells.put(column.header(), new CellChange(oldValue, newValue));
                        }
                    }
                    changed.add(new RowChange(a.get(i).number(), b.get(i).number(), key, cells));
                }
                a.subList(pairs, a.size()).forEach(row -> removed.add(view(shape, row)));
                b.subList(pairs, b.size()).forEach(row -> added.add(view(shape, row)));
            }
            if (!added.isEmpty() || !removed.isEmpty() || !changed.isEmpty()) {
                diffs.add(new TableDiff(shape.file(), sheet, added, removed, changed));
            }
        }
        return diffs;
    }

    private static Map<String, DecisionTable> read(String path, byte[] bytes) {
        Map<String, DecisionTable> tables = new LinkedHashMap<>();
        if (bytes == null) {
            return tables;
        }
        try {
            DecisionTableReader.read(path, bytes).forEach(t -> tables.put(t.sheet(), t));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tables;
    }

    private static Map<String, List<DecisionTable.Row>> byKey(DecisionTable table) {
        Map<String, List<DecisionTable.Row>> rows = new LinkedHashMap<>();
        if (table == null) {
            return rows;
        }
        DecisionTable.Column first = table.columns().get(0);
        DecisionTable.Column validFrom = table.columns().stream().filter(c -> c.template().equals("asOf >= \"$param\"")).findFirst().orElse(null);
        for (DecisionTable.Row row : table.rows()) {
            String key = row.cell(first) + (validFrom == null ? "" : " from " + row.cell(validFrom));
            rows.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        return rows;
    }

    private static RowView view(DecisionTable table, DecisionTable.Row row) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (DecisionTable.Column column : table.columns()) {
            if (!row.cell(column).isEmpty()) {
                cells.put(column.header(), row.cell(column));
            }
        }
        return new RowView(row.number(), cells);
    }

    private static CatalogDiff catalog(RuleSetBundle from, RuleSetBundle to) {
        Map<String, CatalogService> old = services(from);
        Map<String, CatalogService> now = services(to);
        List<String> added = now.keySet().stream().filter(code -> !old.containsKey(code)).toList();
        List<String> removed = old.keySet().stream().filter(code -> !now.containsKey(code)).toList();
        Map<String, Map<String, CellChange>> changed = new LinkedHashMap<>();
        for (String code : old.keySet()) {
            CatalogService a = old.get(code);
            CatalogService b = now.get(code);
            if (b == null || a.equals(b)) {
                continue;
            }
            Map<String, CellChange> fields = new LinkedHashMap<>();
            compare(fields, "category", a.category(), b.category());
            compare(fields, "kind", a.kind(), b.kind());
            compare(fields, "unit", a.unit(), b.unit());
            compare(fields, "names", a.names(), b.names());
            compare(fields, "providers", a.providers(), b.providers());
            compare(fields, "legal_bases", a.legalBases(), b.legalBases());
            compare(fields, "means_tested", a.meansTested(), b.meansTested());
            compare(fields, "amount_parameter", a.amountParameter(), b.amountParameter());
            compare(fields, "frequency", a.frequency(), b.frequency());
            compare(fields, "season_months", a.seasonMonths(), b.seasonMonths());
            compare(fields, "exclusive_group", a.exclusiveGroup(), b.exclusiveGroup());
            compare(fields, "exclusive_rank", a.exclusiveRank(), b.exclusiveRank());
            compare(fields, "apply_at", a.applyAt(), b.applyAt());
            compare(fields, "documents", a.documents(), b.documents());
            compare(fields, "automatic", a.automatic(), b.automatic());
            compare(fields, "open_to_all", a.openToAll(), b.openToAll());
            compare(fields, "placement", a.placement(), b.placement());
            compare(fields, "impairments", a.impairments(), b.impairments());
            compare(fields, "replaced_by", a.replacedBy(), b.replacedBy());
            changed.put(code, fields);
        }
        return new CatalogDiff(added, removed, changed);
    }

    private static void compare(Map<String, CellChange> fields, String name, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            fields.put(name, new CellChange(String.valueOf(a), String.valueOf(b)));
        }
    }

    private static Map<String, CatalogService> services(RuleSetBundle bundle) {
        Map<String, CatalogService> services = new LinkedHashMap<>();
        byte[] bytes = bundle.files().get(ServiceCatalog.FILE);
        if (bytes == null) {
            return services;
        }
        try {
            ServiceCatalog.read(bytes).all().forEach(s -> services.put(s.code(), s));
        } catch (IOException | ServiceCatalog.CatalogException e) {
            // an unreadable catalogue shows as "everything removed"; validation reports why
        }
        return services;
    }
}
