package uz.inson.assess.rulesets;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/** The affected households of an impact analysis as CSV or as a workbook, with the same columns. */
final class AffectedExport {
    private static final List<String> HEADERS = List.of("externalId", "region", "district", "mahalla", "gained", "lost",
            "riskFrom", "riskTo", "pathFrom", "pathTo", "cashChangeUzs");

    private AffectedExport() {
    }

    private static List<String> cells(ImpactJob.AffectedHousehold h) {
        return List.of(nz(h.externalId()), h.region(), nz(h.district()), nz(h.mahalla()), String.join(" ", h.gained()),
                String.join(" ", h.lost()), h.riskFrom(), h.riskTo(), h.pathFrom(), h.pathTo(), String.valueOf(h.cashChangeUzs()));
    }

    static String csv(List<ImpactJob.AffectedHousehold> households) {
        StringBuilder csv = new StringBuilder(String.join(",", HEADERS)).append('\n');
        for (ImpactJob.AffectedHousehold h : households) {
            csv.append(cells(h).stream().map(AffectedExport::quote).collect(Collectors.joining(","))).append('\n');
        }
        return csv.toString();
    }

    /** Streams rows to a temporary file as it goes, so even a million households stay out of the heap. */
    static byte[] xlsx(List<ImpactJob.AffectedHousehold> households) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            SXSSFSheet sheet = workbook.createSheet("Affected households");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADERS.size(); c++) {
                header.createCell(c).setCellValue(HEADERS.get(c));
                header.getCell(c).setCellStyle(bold);
            }
            int r = 1;
            for (ImpactJob.AffectedHousehold h : households) {
                Row row = sheet.createRow(r++);
                List<String> cells = cells(h);
                // text cells: a workbook never evaluates them, so a value starting with = stays a value
                for (int c = 0; c < cells.size() - 1; c++) {
                    row.createCell(c).setCellValue(cells.get(c));
                }
                row.createCell(cells.size() - 1).setCellValue(h.cashChangeUzs());
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, HEADERS.size() - 1));
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
        }
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    /** Quotes every field; a leading =, +, - or @ is neutralised so a spreadsheet never runs it as a formula. */
    private static String quote(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
