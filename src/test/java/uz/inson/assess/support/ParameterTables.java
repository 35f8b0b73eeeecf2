package uz.inson.assess.support;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Changes to the parameters workbook (decision-tables/parameters.drl.xlsx) as a policy officer would make them in Excel. */
public final class ParameterTables {
    private ParameterTables() {
    }

    /** The workbook with the minimum subsistence level's row of value {@code from} set to {@code to}. */
    public static byte[] withMinimum(byte[] parameters, long from, long to) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(parameters)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Row row : wb.getSheetAt(0)) {
                if (row.getCell(1) != null && "MSL".equals(new DataFormatter().formatCellValue(row.getCell(1)))
                        && row.getCell(2).getNumericCellValue() == from) {
                    row.getCell(2).setCellValue(to);
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
