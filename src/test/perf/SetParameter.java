import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Writes a copy of a parameters workbook with one value changed, as a policy officer would change it in Excel: the rows
 * of the Parameters sheet whose code (column B) is CODE and whose value (column C) is FROM get TO. Refuses when no row
 * matches, so a benchmark never measures an unchanged draft. Usage, from the repository root:
 *   java -cp 'target/quarkus-app/lib/main/*' src/test/perf/SetParameter.java \
 *       decision-tables/parameters.drl.xlsx /tmp/parameters.drl.xlsx MSL 720000 760000
 */
public class SetParameter {
    public static void main(String[] args) throws Exception {
        String code = args[2];
        double from = Double.parseDouble(args[3]);
        double to = Double.parseDouble(args[4]);
        int changed = 0;
        // from a stream: a workbook opened from its file could only be written back to that file
        try (InputStream in = new FileInputStream(args[0]); Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheet("Parameters");
            for (Row row : sheet) {
                Cell name = row.getCell(1);
                Cell value = row.getCell(2);
                if (name != null && name.getCellType() == CellType.STRING && code.equals(name.getStringCellValue().trim())
                        && value != null && value.getCellType() == CellType.NUMERIC && value.getNumericCellValue() == from) {
                    value.setCellValue(to);
                    changed++;
                }
            }
            if (changed == 0) {
                System.err.println("no row of Parameters has " + code + " = " + args[3]);
                System.exit(1);
            }
            try (OutputStream out = new FileOutputStream(args[1])) {
                workbook.write(out);
            }
        }
        System.out.println(code + ": " + changed + " row(s) changed from " + args[3] + " to " + args[4]);
    }
}
