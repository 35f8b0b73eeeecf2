package uz.inson.assess.rulesets;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The diff as a workbook an officer can open: one sheet per changed table, added rows in green, removed rows in red,
 * changed cells in yellow with the old value beside the new; a sheet for the catalogue.
 */
final class DiffWorkbook {
    private DiffWorkbook() {
    }

    static byte[] write(RuleSetDiff.Diff diff) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = style(workbook, null, true);
            CellStyle added = style(workbook, IndexedColors.LIGHT_GREEN, false);
            CellStyle removed = style(workbook, IndexedColors.ROSE, false);
            CellStyle changed = style(workbook, IndexedColors.LIGHT_YELLOW, false);
            Sheet summary = workbook.createSheet("Summary");
            line(summary, bold, "From version", diff.from());
            line(summary, bold, "To version", diff.to());
            line(summary, bold, "Other files changed", String.join(", ", diff.otherFilesChanged()));
            line(summary, bold, "Legend", "green: added row; red: removed row; yellow: changed cell, written as old → new");
            for (RuleSetDiff.TableDiff table : diff.tables()) {
                Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.sheet()));
                List<String> headers = headers(table);
                Row head = sheet.createRow(0);
                cell(head, 0, "Change", bold);
                cell(head, 1, "Row", bold);
                for (int c = 0; c < headers.size(); c++) {
                    cell(head, c + 2, headers.get(c), bold);
                }
                int r = 1;
                for (RuleSetDiff.RowView row : table.added()) {
                    r = rowView(sheet, r, "added", row, headers, added);
                }
                for (RuleSetDiff.RowView row : table.removed()) {
                    r = rowView(sheet, r, "removed", row, headers, removed);
                }
                for (RuleSetDiff.RowChange change : table.changed()) {
                    Row row = sheet.createRow(r++);
                    cell(row, 0, "changed", null);
                    cell(row, 1, change.oldRow() + " → " + change.newRow(), null);
                    for (int c = 0; c < headers.size(); c++) {
                        RuleSetDiff.CellChange cellChange = change.cells().get(headers.get(c));
                        if (cellChange != null) {
                            cell(row, c + 2, cellChange.before() + " → " + cellChange.after(), changed);
                        }
                    }
                }
            }
            Sheet catalog = workbook.createSheet("Catalogue");
            int r = 0;
            for (String code : diff.catalog().added()) {
                line(catalog, added, "added", code);
                r++;
            }
            for (String code : diff.catalog().removed()) {
                line(catalog, removed, "removed", code);
                r++;
            }
            for (Map.Entry<String, Map<String, RuleSetDiff.CellChange>> entry : diff.catalog().changed().entrySet()) {
                entry.getValue().forEach((field, change) -> line(catalog, changed, entry.getKey() + " " + field, change.before() + " → " + change.after()));
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> headers(RuleSetDiff.TableDiff table) {
        Set<String> headers = new LinkedHashSet<>();
        table.added().forEach(row -> headers.addAll(row.cells().keySet()));
        table.removed().forEach(row -> headers.addAll(row.cells().keySet()));
        table.changed().forEach(change -> headers.addAll(change.cells().keySet()));
        return new ArrayList<>(headers);
    }

    private static int rowView(Sheet sheet, int r, String change, RuleSetDiff.RowView view, List<String> headers, CellStyle style) {
        Row row = sheet.createRow(r);
        cell(row, 0, change, style);
        cell(row, 1, String.valueOf(view.row()), style);
        for (int c = 0; c < headers.size(); c++) {
            cell(row, c + 2, view.cells().getOrDefault(headers.get(c), ""), style);
        }
        return r + 1;
    }

    private static void line(Sheet sheet, CellStyle style, String label, String value) {
        Row row = sheet.createRow(sheet.getPhysicalNumberOfRows());
        cell(row, 0, label, style);
        cell(row, 1, value, null);
    }

    private static void cell(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static CellStyle style(Workbook workbook, IndexedColors fill, boolean bold) {
        CellStyle style = workbook.createCellStyle();
        if (fill != null) {
            style.setFillForegroundColor(fill.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
        if (bold) {
            Font font = workbook.createFont();
            font.setBold(true);
            style.setFont(font);
        }
        return style;
    }
}
