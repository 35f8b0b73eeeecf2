package uz.inson.assess.rulesets;

import uz.inson.assess.support.Auth;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Officers save tables with LibreOffice Calc as often as with Excel: tables re-saved by LibreOffice (headless) upload
 * and validate cleanly. Needs LibreOffice, so it runs in CI (`.ci/run` installs it), not in a plain `./mvnw verify`.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "inson.test.libreoffice", matches = "true")
class LibreOfficeSavedTableTest {
    private static final List<String> TABLES = List.of("parameters.drl.xlsx", "eligibility-cash-benefits.drl.xlsx");

    @Test
    void tablesSavedByLibreOfficeCalcUploadAndValidateCleanly() throws Exception {
        Path work = Files.createTempDirectory("libreoffice");
        for (String table : TABLES) {
            Files.copy(Path.of("decision-tables", table), work.resolve(table));
        }
        Process soffice = new ProcessBuilder("soffice", "-env:UserInstallation=file://" + work.resolve("profile"), "--headless", "--norestore",
                "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", work.resolve("saved").toString(),
                work.resolve(TABLES.get(0)).toString(), work.resolve(TABLES.get(1)).toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("soffice.log").toFile()).start();
        assertTrue(soffice.waitFor(120, TimeUnit.SECONDS), "LibreOffice did not finish");
        assertEquals(0, soffice.exitValue(), Files.readString(work.resolve("soffice.log")));

        var upload = Auth.as("policy").multiPart("version", "2026.1.30").multiPart("changeNote", "saved by LibreOffice Calc");
        for (String table : TABLES) {
            byte[] saved = Files.readAllBytes(work.resolve("saved").resolve(table));
            assertFalse(Arrays.equals(saved, Files.readAllBytes(Path.of("decision-tables", table))), "LibreOffice wrote its own file");
            upload = upload.multiPart("files", table, saved);
        }
        upload.post("/api/v1/rule-sets").then().statusCode(201)
                .body("status", equalTo("VALIDATED"))
                .body("validation.problems.size()", is(0))
                .body("validation.scenariosPass", is(true));
    }
}
