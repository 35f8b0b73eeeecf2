package uz.inson.assess.rulesets;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import jakarta.inject.Inject;
import uz.inson.assess.common.ServiceClock;
import uz.inson.assess.security.Roles;
import uz.inson.assess.support.Auth;
import uz.inson.assess.support.Households;
import uz.inson.assess.support.RuleSets;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A policy officer's change, end to end: download, edit, upload, validate, approve, activate, replay, roll back. */
@QuarkusTest
@Tag("time-sensitive")
class RuleSetLifecycleTest {
    private static final String PARAMETERS = "decision-tables/parameters.drl.xlsx";

    /** Holds both rule-set roles: still may not approve what they uploaded. */
    private static final String LEAD = "policy-lead";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Inject
    Clock clock;

    @AfterEach
    void putTheRepositoryVersionBackInForce() {
        RuleSets.restoreImportedVersion();
    }

    private static String currentVersion() {
        return RuleSets.activeVersion();
    }

    private static String activeId() {
        return RuleSets.activeId();
    }

    /** The household as of the service's today, which the version in force now decides. */
    private String today(String household) {
        return Households.onDate(household, ServiceClock.today(clock));
    }

    private static byte[] download(String id, String path) {
        return Auth.as("policy").get("/api/v1/rule-sets/" + id + "/files/" + path).then().statusCode(200).extract().asByteArray();
    }

    /** Changes the value of parameter {@code name} whose current value is {@code from}. */
    private static byte[] withParameter(byte[] workbook, String name, double from, double to) throws IOException {
        return edit(workbook, wb -> {
            DataFormatter formatter = new DataFormatter();
            for (Row row : wb.getSheetAt(0)) {
                Cell nameCell = row.getCell(1);
                Cell value = row.getCell(2);
                if (nameCell != null && value != null && name.equals(formatter.formatCellValue(nameCell)) && value.getNumericCellValue() == from) {
                    value.setCellValue(to);
                }
            }
        });
    }

    private static byte[] edit(byte[] workbook, Consumer<XSSFWorkbook> change) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.accept(wb);
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** Uploads as this user, who becomes the version's author. */
    private static ValidatableResponse upload(String version, String user, String fileName, byte[] content) {
        return Auth.as(user).header("Accept-Language", "en").multiPart("files", fileName, content).multiPart("version", version)
                .multiPart("changeNote", "test change").post("/api/v1/rule-sets").then();
    }

    @Test
    void theActiveTableDownloadsExactlyAsStored() throws IOException {
        String id = activeId();
        assertArrayEquals(java.nio.file.Files.readAllBytes(java.nio.file.Path.of(PARAMETERS)), download(id, PARAMETERS));
        Auth.as("policy").get("/api/v1/rule-sets/" + id).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("files", hasItem(PARAMETERS)).body("activations[0].kind", equalTo("IMPORT"));
    }

    @Test
    void aChangedThresholdIsValidatedApprovedByAnotherPersonActivatedAndRolledBack() throws IOException {
        String original = activeId();
        Auth.withRoles(LEAD, Roles.POLICY_OFFICER, Roles.POLICY_APPROVER);
        String household = today(Households.JUST_ABOVE_THE_MINIMUM);
        String before = Auth.caseWorkerFor(household).contentType(ContentType.JSON).body(household).post("/api/v1/assessments")
                .then().statusCode(201).body("derived.registryCategory", equalTo("AT_RISK_OF_POVERTY")).extract().path("id");

        // A wider near-miss margin changes no scenario outcome, so the draft validates.
        byte[] changed = withParameter(download(original, PARAMETERS), "NEAR_MISS_INCOME_MARGIN", 0.15, 0.2);
        String draft = upload("2026.1.1", LEAD, "parameters.drl.xlsx", changed).statusCode(201)
                .body("status", equalTo("VALIDATED")).body("validation.compiles", is(true)).body("validation.scenariosPass", is(true))
                .body("parentId", equalTo(original)).extract().path("id");

        Auth.as("policy").get("/api/v1/rule-sets/" + draft + "/diff").then().statusCode(200)
                .body("tables.size()", is(1))
                .body("tables[0].file", equalTo("parameters.drl.xlsx"))
                .body("tables[0].changed[0].key", equalTo("NEAR_MISS_INCOME_MARGIN from 2023-06-01"))
                .body("tables[0].changed[0].cells.Value.before", equalTo("0.15"))
                .body("tables[0].changed[0].cells.Value.after", equalTo("0.2"))
                .body("catalog.changed.size()", is(0));
        byte[] diffWorkbook = Auth.as("approver").get("/api/v1/rule-sets/" + draft + "/diff.xlsx").then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(diffWorkbook))) {
            var changedCell = wb.getSheet("Parameters").getRow(1).getCell(2);
            assertEquals("0.15 → 0.2", changedCell.getStringCellValue());
            assertEquals(org.apache.poi.ss.usermodel.IndexedColors.LIGHT_YELLOW.getIndex(), changedCell.getCellStyle().getFillForegroundColor());
        }
        // the author may hold the approver role too, but never approves their own version
        Auth.withRoles(LEAD, Roles.POLICY_OFFICER, Roles.POLICY_APPROVER).post("/api/v1/rule-sets/" + draft + "/approve")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("author"));
        Auth.as("approver").contentType(ContentType.JSON).body("{}").post("/api/v1/rule-sets/" + draft + "/activate").then().statusCode(409);
        Auth.as("approver").post("/api/v1/rule-sets/" + draft + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("approvedBy", equalTo("approver"));
        Auth.as("approver").contentType(ContentType.JSON).body("{}").post("/api/v1/rule-sets/" + draft + "/activate")
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("activations[0].activatedBy", equalTo("approver"));

        Auth.caseWorkerFor(household).contentType(ContentType.JSON).body(household).post("/api/v1/assessments").then().statusCode(201)
                .body("ruleSet.version", equalTo("2026.1.1")).body("ruleSet.id", equalTo(draft));
        // a case date before the activation keeps the version that was in force on it
        String aMonthAgo = Households.onDate(Households.JUST_ABOVE_THE_MINIMUM, ServiceClock.today(clock).minusDays(30));
        Auth.caseWorkerFor(household).contentType(ContentType.JSON).body(aMonthAgo).post("/api/v1/assessments").then().statusCode(201)
                .body("ruleSet.id", equalTo(original));
        Auth.as("auditor").post("/api/v1/assessments/" + before + "/replay").then().statusCode(200)
                .body("identical", is(true)).body("ruleSet.version", equalTo(RuleSets.REPOSITORY_VERSION))
                .body("result.ruleSet.id", equalTo(original));

        Auth.as("approver").post("/api/v1/rule-sets/rollback")
                .then().statusCode(200).body("id", equalTo(original)).body("status", equalTo("ACTIVE"));
        Auth.as("policy").get("/api/v1/rule-sets/" + draft).then().body("status", equalTo("SUPERSEDED"));
        // the list says the same of each version, with each one's own activations (read for the whole page at once)
        Auth.as("policy").get("/api/v1/rule-sets?size=200").then().statusCode(200)
                .body("items.find { it.id == '" + draft + "' }.status", equalTo("SUPERSEDED"))
                .body("items.find { it.id == '" + draft + "' }.activations.kind", equalTo(List.of("ACTIVATE")))
                .body("items.find { it.id == '" + original + "' }.status", equalTo("ACTIVE"))
                .body("items.find { it.id == '" + original + "' }.activations.kind", hasItems("IMPORT", "ROLLBACK"));
        assertEquals(RuleSets.REPOSITORY_VERSION, currentVersion());
    }

    @Test
    void aDraftWhoseScenariosFailCannotBeApproved() throws IOException {
        byte[] changed = withParameter(download(activeId(), PARAMETERS), "MSL", 720000, 900000);
        String draft = upload(RuleSets.REPOSITORY_VERSION, "policy", "parameters.drl.xlsx", changed).statusCode(201)
                .body("status", equalTo("DRAFT")).body("validation.scenariosPass", is(false))
                .body("validation.scenarios.findAll { !it.passed }.size()", org.hamcrest.Matchers.greaterThan(0))
                .extract().path("id");
        Auth.as("approver").post("/api/v1/rule-sets/" + draft + "/approve").then().statusCode(409);
    }

    @Test
    void anUnknownServiceCodeIsReportedWithItsCellAndNothingChangesInForce() throws IOException {
        String table = "decision-tables/eligibility-cash-benefits.drl.xlsx";
        byte[] changed = edit(download(activeId(), table), wb -> wb.getSheetAt(0).getRow(9).getCell(1).setCellValue("CSH-999"));
        upload("2026.1.3", "policy", "eligibility-cash-benefits.drl.xlsx", changed).statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("validation.compiles", is(false))
                .body("validation.problems[0].file", equalTo("eligibility-cash-benefits.drl.xlsx"))
                .body("validation.problems[0].sheet", equalTo("Cash benefits"))
                .body("validation.problems[0].row", is(10))
                .body("validation.problems[0].message", containsString("CSH-999"));
        assertEquals(RuleSets.REPOSITORY_VERSION, currentVersion());
    }

    @Test
    void aWordInANumberCellIsReportedAtItsCellInTheOfficersLanguage() throws IOException {
        String table = "decision-tables/eligibility-cash-benefits.drl.xlsx";
        // row 13 (CSH-004), column U: "Member age at least"
        byte[] changed = edit(download(activeId(), table), wb -> wb.getSheetAt(0).getRow(12).getCell(20).setCellValue("abc"));
        String draft = upload("2026.1.13", "policy", "eligibility-cash-benefits.drl.xlsx", changed).statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("validation.problems[0].sheet", equalTo("Cash benefits"))
                .body("validation.problems[0].row", is(13))
                .body("validation.problems[0].column", equalTo("Member age at least (U)"))
                .body("validation.problems[0].message", equalTo("'abc' is not a number"))
                .body("validation.problems[0].code", equalTo("not-a-number"))
                .extract().path("id");
        Auth.as("policy").get("/api/v1/rule-sets/" + draft + "?lang=ru").then().statusCode(200)
                .body("validation.problems[0].message", equalTo("«abc» — не число"));
        Auth.as("policy").header("Accept-Language", "uz").get("/api/v1/rule-sets/" + draft).then().statusCode(200)
                .body("validation.problems[0].message", equalTo("«abc» son emas"));
        assertEquals(RuleSets.REPOSITORY_VERSION, currentVersion());
    }

    @Test
    void aMisspeltValueIsReportedInsteadOfQuietlyNeverMatching() throws IOException {
        String table = "decision-tables/eligibility-cash-benefits.drl.xlsx";
        byte[] changed = edit(download(activeId(), table), wb -> wb.getSheetAt(0).getRow(9).getCell(4).setCellValue("STATE_SUPPORTED, LOW_INCOM"));
        upload("2026.1.14", "policy", "eligibility-cash-benefits.drl.xlsx", changed).statusCode(201)
                .body("validation.problems[0].row", is(10))
                .body("validation.problems[0].message", startsWith("'LOW_INCOM' is not one of STATE_SUPPORTED, LOW_INCOME, AT_RISK_OF_POVERTY, NONE"));
    }

    @Test
    void twoRowsGivingOneProblemToTheSameFamiliesWithDifferentPointsConflict() throws IOException {
        String table = "decision-tables/needs.drl.xlsx";
        byte[] changed = edit(download(activeId(), table), wb -> {
            var sheet = wb.getSheetAt(0);
            var original = sheet.getRow(9); // INCOME_BELOW_MSL, 25 points, for state-supported and low-income families
            var copy = sheet.createRow(sheet.getLastRowNum() + 1);
            for (Cell cell : original) {
                copy.createCell(cell.getColumnIndex()).setCellValue(new DataFormatter().formatCellValue(cell));
            }
            copy.getCell(7).setCellValue("LOW_INCOME"); // a subset of the original row's families...
            copy.getCell(4).setCellValue("30");         // ...given other points
        });
        upload("2026.1.15", "policy", "needs.drl.xlsx", changed).statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("validation.problems.find { it.code == 'conflicting-rows' }.column", equalTo("Points (order households within a risk level) (E)"))
                .body("validation.problems.find { it.code == 'conflicting-rows' }.message", org.hamcrest.Matchers.matchesPattern(
                        "rows 10 and \\d+ both give INCOME_BELOW_MSL to the same households, but with a different 'Points \\(order households within a risk level\\)': '25(\\.0)?' and '30'"));
    }

    @Test
    void aChangedCodeRowOfATableIsRefusedAndNamesItsColumn() throws IOException {
        String table = "decision-tables/eligibility-cash-benefits.drl.xlsx";
        byte[] changed = edit(download(activeId(), table), wb -> wb.getSheetAt(0).getRow(7).getCell(3).setCellValue("true"));
        upload("2026.1.7", "policy", "eligibility-cash-benefits.drl.xlsx", changed).statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("validation.problems.find { it.column == 'D' }.message", containsString("rule developer"));
    }

    @Test
    void aRuleDeveloperMayChangeCodeRowsWhichTheApproverSeesAsWarnings() throws IOException {
        String table = "decision-tables/eligibility-cash-benefits.drl.xlsx";
        byte[] changed = edit(download(activeId(), table), wb -> wb.getSheetAt(0).getRow(7).getCell(3).setCellValue("true"));
        upload("2026.1.12", "ruledev", "eligibility-cash-benefits.drl.xlsx", changed).statusCode(201)
                .body("author", equalTo("ruledev"))
                .body("validation.problems.findAll { it.column == 'D' }.size()", is(0))
                .body("validation.warnings.find { it.column == 'D' }.message", containsString("rule developer"));
    }

    @Test
    void aChangedDrlFileIsRefused() throws IOException {
        byte[] drl = (java.nio.file.Files.readString(java.nio.file.Path.of("rules/risk.drl")) + "\n// harmless?\n").getBytes(StandardCharsets.UTF_8);
        upload("2026.1.8", "policy", "risk.drl", drl).statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("validation.problems[0].file", equalTo("rules/risk.drl"));
    }

    @Test
    void theVersionInForceValidatesWithWarningsForRowsPastTheirReviewDate() {
        Auth.as("policy").header("Accept-Language", "en").post("/api/v1/rule-sets/" + activeId() + "/validate").then().statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("validation.problems.size()", is(0))
                .body("validation.scenariosPass", is(true))
                .body("validation.warnings.message", hasItem(containsString("review date 2026-06-30 has passed")))
                // a household with a victim of violence who is also homeless: the crisis-centre row comes first
                .body("validation.warnings.message", hasItem(containsString("where both apply, row 10 wins")));
    }

    @Test
    void overlappingParameterValuesAreRefusedNamingTheRowAndColumn() throws IOException {
        // the first MSL row loses its end date, so it overlaps the row that starts on 2026-02-01
        byte[] changed = edit(download(activeId(), PARAMETERS), wb -> wb.getSheetAt(0).getRow(9).getCell(5).setBlank());
        upload("2026.1.10", "policy", "parameters.drl.xlsx", changed).statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("validation.problems[0].file", equalTo("parameters.drl.xlsx"))
                .body("validation.problems[0].row", is(11))
                .body("validation.problems[0].column", equalTo("Valid from (YYYY-MM-DD) (E)"))
                .body("validation.problems[0].message", containsString("MSL overlaps row 10"));
    }

    @Test
    void aParametersRowThatReadsMoreThanTheCaseDateIsRefusedNamingItsColumn() throws IOException {
        // parameters are worked out once per case date, so their rows may not read the household (E7: the fact of columns E and F)
        byte[] changed = edit(download(activeId(), PARAMETERS), wb -> wb.getSheetAt(0).getRow(6).getCell(4).setCellValue("HouseholdProfile"));
        upload("2026.1.16", "ruledev", "parameters.drl.xlsx", changed).statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("validation.problems.find { it.code == 'parameter-condition-not-on-case-date' }.column",
                        equalTo("Valid from (YYYY-MM-DD) (E)"))
                .body("validation.problems.find { it.code == 'parameter-condition-not-on-case-date' }.message",
                        equalTo("a row of the parameters table may only read the case date (CaseDate), not 'HouseholdProfile'"));
        assertEquals(RuleSets.REPOSITORY_VERSION, currentVersion());
    }

    @Test
    void aCasePathTableThatLeavesARiskLevelWithoutAPathIsRefused() throws IOException {
        String table = "decision-tables/case-paths.drl.xlsx";
        // the row risk level LOW -> INFORMATION_ONLY (row 15) now also needs a member flag
        byte[] changed = edit(download(activeId(), table), wb -> wb.getSheetAt(0).getRow(14).createCell(3).setCellValue("NEEDS_CARE"));
        upload("2026.1.11", "policy", "case-paths.drl.xlsx", changed).statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("validation.problems.message", hasItem(containsString("risk level LOW")));
    }

    @Test
    void aTruncatedZipIsRefusedWithAReason() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("rules/indicators.drl"));
            out.write("package x;".repeat(1000).getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        byte[] truncated = java.util.Arrays.copyOf(zip.toByteArray(), zip.size() / 2);
        upload("2026.1.4", "policy", "bundle.zip", truncated).statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("files"));
    }

    @Test
    void aMacroEnabledWorkbookIsRefused() {
        upload("2026.1.5", "policy", "eligibility-cash-benefits.xlsm", new byte[] {1, 2, 3}).statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("xlsx"));
    }

    @Test
    void uploadsNeedAVersionLabel() {
        upload("latest", "policy", "parameters.drl.xlsx", new byte[] {1}).statusCode(400).body("violations[0].field", equalTo("version"));
    }

    @Test
    void anUnknownVersionIs404() {
        Auth.as("policy").get("/api/v1/rule-sets/3f0e8f4e-3f0e-4de3-9da8-1d57994c1309").then().statusCode(404).contentType("application/problem+json");
        Auth.as("policy").get("/api/v1/rule-sets/" + activeId() + "/files/rules/nothing.drl").then().statusCode(404);
    }
}
