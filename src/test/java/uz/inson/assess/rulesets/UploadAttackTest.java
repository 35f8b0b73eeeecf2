package uz.inson.assess.rulesets;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import uz.inson.assess.support.Auth;
import uz.inson.assess.support.RuleSets;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Workbooks built to hurt: a zip bomb (as a bundle and as a workbook), XML external entities, a macro hidden in a .xlsx,
 * a sheet of thousands of rows. Each is refused with a 400 naming the file, before Apache POI opens it, and the
 * versions stored and in force stay as they were.
 */
@QuarkusTest
@Tag("time-sensitive")
class UploadAttackTest {
    private static final Path PARAMETERS = Path.of("decision-tables/parameters.drl.xlsx");
    private int versionsBefore;
    private String activeBefore;

    private static int versions() {
        return Auth.as("policy").get("/api/v1/rule-sets?size=200").then().statusCode(200).extract().path("total");
    }

    @BeforeEach
    void countVersions() {
        versionsBefore = versions();
        activeBefore = RuleSets.activeId();
    }

    @AfterEach
    void nothingWasStored() {
        assertEquals(versionsBefore, versions());
        assertEquals(activeBefore, RuleSets.activeId());
    }

    private static ValidatableResponse upload(String name, byte[] content) {
        return Auth.as("policy").multiPart("files", name, content).multiPart("version", "2026.8.1").post("/api/v1/rule-sets").then()
                .statusCode(400).contentType("application/problem+json");
    }

    /** The workbook with one part replaced or added. */
    private static byte[] withPart(byte[] workbook, String part, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean replaced = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(part)) {
                    zip.write(content);
                    replaced = true;
                } else {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
            if (!replaced) {
                zip.putNextEntry(new ZipEntry(part));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] zeros(String entry, int megabytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            byte[] megabyte = new byte[1024 * 1024];
            for (int i = 0; i < megabytes; i++) {
                zip.write(megabyte);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void aZipBombBundleIsRefused() throws IOException {
        byte[] bomb = zeros("decision-tables/parameters.drl.xlsx", 200);
        upload("bundle.zip", bomb).body("detail", containsString("unpacks to more than allowed"));
    }

    @Test
    void aWorkbookThatUnpacksToHundredsOfMegabytesIsRefused() throws IOException {
        byte[] padded = new byte[100 * 1024 * 1024];
        java.util.Arrays.fill(padded, (byte) ' ');
        byte[] bomb = withPart(Files.readAllBytes(PARAMETERS), "xl/worksheets/sheet1.xml", padded);
        upload("parameters.drl.xlsx", bomb).body("violations[0].field", equalTo("decision-tables/parameters.drl.xlsx"))
                .body("detail", containsString("zip bomb"));
    }

    @Test
    void xmlExternalEntitiesAreRefused() throws IOException {
        byte[] original = Files.readAllBytes(PARAMETERS);
        String workbookXml;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(original))) {
            ZipEntry entry;
            while (!(entry = in.getNextEntry()).getName().equals("xl/workbook.xml")) {
                // skip to the workbook part
            }
            workbookXml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String hostile = workbookXml.replaceFirst("\\?>", "?><!DOCTYPE workbook [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>");
        upload("parameters.drl.xlsx", withPart(original, "xl/workbook.xml", hostile.getBytes(StandardCharsets.UTF_8)))
                .body("detail", containsString("DOCTYPE"));
    }

    @Test
    void aMacroHiddenInAnXlsxIsRefused() throws IOException {
        upload("parameters.drl.xlsx", withPart(Files.readAllBytes(PARAMETERS), "xl/vbaProject.bin", new byte[] {0, 1, 2, 3}))
                .body("detail", containsString("macros"));
    }

    @Test
    void anOversizedSheetIsRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(PARAMETERS)))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            for (int r = sheet.getLastRowNum() + 1; r < 6_000; r++) {
                sheet.createRow(r).createCell(1).setCellValue("MSL");
            }
            workbook.write(out);
        }
        upload("parameters.drl.xlsx", out.toByteArray()).body("detail", containsString("more than 5000 rows"));
    }
}
