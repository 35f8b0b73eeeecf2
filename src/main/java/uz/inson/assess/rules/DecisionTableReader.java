package uz.inson.assess.rules;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.xls.ExcelParser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the RuleTables of a Drools spreadsheet with the same layout rules Drools applies (keyword row, object-type row,
 * template row, header row, data rows up to the first blank row), so that every compiled rule can be traced back
 * to its file, sheet, row and cells for explanations.
 */
public final class DecisionTableReader {
    private static final Set<String> COLUMN_TYPES = Set.of("CONDITION", "ACTION", "METADATA", "DESCRIPTION");
    private static final String RULE_TABLE = "RuleTable";

    private DecisionTableReader() {
    }

    /** A decision-table workbook as a compile needs it: its tables, and the DRL Drools generates from them. */
    record WithDrl(List<DecisionTable> tables, String drl) {
    }

    public static List<DecisionTable> read(String file, byte[] bytes) throws IOException {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            return read(file, workbook);
        }
    }

    /**
     * The tables and the DRL, the workbook opened once for both: opening it (POI) was the larger part of reading it.
     * Drools' spreadsheet parser throws a runtime exception naming the cell on a malformed table.
     */
    static WithDrl readWithDrl(String file, byte[] bytes) throws IOException {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            List<DecisionTable> tables = read(file, workbook);
            // What SpreadsheetCompiler.compile(stream, XLS) does, given the workbook instead of its bytes
            DefaultRuleSheetListener listener = new DefaultRuleSheetListener(true, true);
            new ExcelParser(listener).parseWorkbook(workbook);
            return new WithDrl(tables, new SpreadsheetCompiler().listenerToString(listener));
        }
    }

    private static List<DecisionTable> read(String file, Workbook workbook) {
        List<DecisionTable> tables = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        for (Sheet sheet : workbook) {
            for (int r = sheet.getFirstRowNum(); r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                for (Cell cell : row) {
                    String text = formatter.formatCellValue(cell).trim();
                    if (text.startsWith(RULE_TABLE + " ")) {
                        tables.add(readTable(file, sheet, r, cell.getColumnIndex(), text.substring(RULE_TABLE.length()).trim(), formatter));
                    }
                }
            }
        }
        return tables;
    }

    private static DecisionTable readTable(String file, Sheet sheet, int tableRow, int firstCol, String name, DataFormatter formatter) {
        Row types = sheet.getRow(tableRow + 1);
        List<DecisionTable.Column> columns = new ArrayList<>();
        int lastCol = types == null ? firstCol : types.getLastCellNum();
        for (int c = firstCol; c < lastCol; c++) {
            String type = text(sheet, tableRow + 1, c, formatter);
            if (!COLUMN_TYPES.contains(type)) {
                continue;
            }
            columns.add(new DecisionTable.Column(c - firstCol, CellReference.convertNumToColString(c), type,
                    merged(sheet, tableRow + 2, c, formatter), text(sheet, tableRow + 3, c, formatter), text(sheet, tableRow + 4, c, formatter)));
        }
        List<DecisionTable.Row> rows = new ArrayList<>();
        for (int r = tableRow + 5; r <= sheet.getLastRowNum(); r++) {
            List<String> cells = new ArrayList<>();
            boolean blank = true;
            for (int c = firstCol; c < lastCol; c++) {
                String value = text(sheet, r, c, formatter);
                blank &= value.isEmpty();
                cells.add(value);
            }
            if (blank) {
                break;
            }
            rows.add(new DecisionTable.Row(name + "_" + (r + 1), r + 1, List.copyOf(cells)));
        }
        StringBuilder header = new StringBuilder();
        for (int r = sheet.getFirstRowNum(); r < tableRow; r++) {
            String keyword = text(sheet, r, firstCol, formatter);
            if (!keyword.isEmpty() && !keyword.equals("Notes")) {
                header.append(keyword).append('=').append(text(sheet, r, firstCol + 1, formatter)).append('\n');
            }
        }
        return new DecisionTable(file.substring(file.lastIndexOf('/') + 1), sheet.getSheetName(), name, header.toString(),
                List.copyOf(columns), List.copyOf(rows));
    }

    /** The object-type cell is merged across the columns of its pattern; every spanned column reports the pattern. */
    private static String merged(Sheet sheet, int r, int c, DataFormatter formatter) {
        for (CellRangeAddress range : sheet.getMergedRegions()) {
            if (range.isInRange(r, c)) {
                return text(sheet, range.getFirstRow(), range.getFirstColumn(), formatter);
            }
        }
        return text(sheet, r, c, formatter);
    }

    private static String text(Sheet sheet, int r, int c, DataFormatter formatter) {
        Row row = sheet.getRow(r);
        Cell cell = row == null ? null : row.getCell(c);
        return cell == null ? "" : formatter.formatCellValue(cell).trim();
    }
}
