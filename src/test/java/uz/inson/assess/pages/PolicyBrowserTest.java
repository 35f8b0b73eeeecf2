package uz.inson.assess.pages;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import io.restassured.http.ContentType;
import uz.inson.assess.support.Auth;
import uz.inson.assess.support.Households;
import uz.inson.assess.support.RuleSets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

/** The policy workbench in a real headless Chromium: a broken table shows its cell, a good one is approved and put in force. */
@QuarkusTest
class PolicyBrowserTest {
    @TestHTTPResource("/")
    URL base;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    @Test
    void shouldShowAPolicyOfficerTheCellOfABrokenTable() throws Exception {
        Path table = changed("eligibility-cash-benefits.drl.xlsx", wb -> wb.getSheetAt(0).getRow(12).getCell(20).setCellValue("abc"));
        try (Browser browser = Browser.open(base)) {
            browser.signIn("policy");
            assertTrue(browser.driver.getCurrentUrl().contains("/pages/rule-sets"), "a policy officer starts at the versions");
            browser.assertAccessible("versions");
            browser.screenshot("11-versions");
            upload(browser, table, "2026.9.1");
            List<String> cells = browser.driver.findElements(By.cssSelector("table.problems tbody tr td")).stream().map(WebElement::getText).toList();
            assertEquals(List.of("eligibility-cash-benefits.drl.xlsx", "Cash benefits", "13", "Member age at least (U)", "«abc» son emas"),
                    cells.subList(0, 5), cells.toString());
            assertTrue(browser.driver.findElements(By.cssSelector("form[action$='/approve']")).isEmpty(), "no approve button for an officer");
            browser.assertAccessible("problems");
            browser.screenshot("12-problems");
        }
    }

    @Test
    void shouldLetAnApproverWhoIsNotTheAuthorPutAValidatedVersionInForce() throws Exception {
        Path table = changed("parameters.drl.xlsx", wb -> {
            DataFormatter formatter = new DataFormatter();
            for (Row row : wb.getSheetAt(0)) {
                if (row.getCell(1) != null && "NEAR_MISS_INCOME_MARGIN".equals(formatter.formatCellValue(row.getCell(1)))) {
                    row.getCell(2).setCellValue(0.17);
                }
            }
        });
        // At least one stored household for the impact analysis to re-assess
        Auth.as("caseworker").contentType(ContentType.JSON).body(Households.POOR_FAMILY_WITH_DISABLED_CHILD).post("/api/v1/assessments")
                .then().statusCode(201);
        String version;
        try (Browser browser = Browser.open(base)) {
            browser.signIn("policy");
            upload(browser, table, "2026.9.2");
            assertTrue(browser.text().contains("Tekshirilgan"), browser.text());
            version = browser.driver.getCurrentUrl().replaceAll("^.*/pages/rule-sets/([0-9a-f-]{36}).*$", "$1");

            browser.go("/pages/rule-sets/" + version + "/diff?lang=en");
            assertTrue(browser.text().contains("NEAR_MISS_INCOME_MARGIN") && browser.text().contains("0.17"), browser.text());
            browser.assertAccessible("diff");
            browser.go("/pages/rule-sets/" + version + "?lang=en");
            browser.clickAndWait(By.cssSelector("form[action$='/impact'] button"));
            browser.waitForText("Done", Duration.ofSeconds(120));
            assertTrue(!browser.text().contains("re-assessed: 0 of 0"), "the stored households are re-assessed: " + browser.text());
            assertTrue((Boolean) browser.driver.executeScript("return !!window.Chart && ['services-chart', 'risk-chart', 'paths-chart', 'regions-chart'].every(id => !!Chart.getChart(id))"),
                    "the charts are drawn from the bundled Chart.js");
            browser.assertAccessible("impact");
            browser.screenshot("14-impact");
            String job = browser.driver.getCurrentUrl().replaceAll("^.*/impact-jobs/([0-9a-f-]{36}).*$", "$1");

            // the versions page lists the analyses, newest first, each leading to its report
            browser.go("/pages/rule-sets?lang=en");
            WebElement newest = browser.driver.findElement(By.cssSelector("section[aria-labelledby='analyses-title'] tbody tr"));
            assertTrue(newest.getText().contains("2026.9.2") && newest.getText().contains("Done"), newest.getText());
            assertTrue(newest.findElement(By.tagName("a")).getAttribute("href").endsWith("/pages/rule-sets/impact-jobs/" + job + "?lang=en"));
            browser.assertAccessible("versions with their impact analyses");
            browser.screenshot("15-analyses");
        }
        try (Browser browser = Browser.open(base)) {
            browser.signIn("approver");
            browser.go("/pages/rule-sets/" + version + "?lang=en");
            browser.assertAccessible("version to approve");
            browser.clickAndWait(By.cssSelector("form[action$='/approve'] button"));
            assertTrue(browser.text().contains("Approved"), browser.text());
            browser.clickAndWait(By.cssSelector("form[action$='/activate'] button"));
            assertTrue(browser.driver.findElement(By.cssSelector("h1 .badge")).getText().contains("In force"), browser.text());
            browser.screenshot("13-activated");
        } finally {
            RuleSets.restoreImportedVersion();
        }
    }

    /** Versions and analyses beyond one page are reached page by page, each list keeping its place, in the officer's language. */
    @Test
    void shouldLetAPolicyOfficerPageThroughVersionsAndAnalyses() throws Exception {
        OffsetDateTime oldest = PolicyPagesTest.oldVersionsAndAnalyses(em, clock);
        try (Browser browser = Browser.open(base)) {
            browser.signIn("policy");
            browser.go("/pages/rule-sets?lang=uz");
            browser.clickAndWait(By.cssSelector("nav.pager a[rel='next']"));
            assertTrue(browser.driver.getCurrentUrl().contains("page=2&analyses=1"), browser.driver.getCurrentUrl());
            browser.clickAndWait(By.cssSelector("section[aria-labelledby='analyses-title'] nav.pager a[rel='next']"));
            assertTrue(browser.driver.getCurrentUrl().contains("page=2&analyses=2"), "the versions stay on their page: " + browser.driver.getCurrentUrl());
            List<String> pagers = browser.driver.findElements(By.cssSelector("nav.pager")).stream().map(WebElement::getText).toList();
            assertTrue(pagers.size() == 2 && pagers.stream().allMatch(p -> p.contains("Yangiroqlari") && p.contains("2-sahifa")), pagers.toString());
            browser.assertAccessible("versions and analyses, second pages");
        } finally {
            PolicyPagesTest.forgetOldVersionsAndAnalyses(em, oldest);
        }
    }

    /** A population of a million started by mistake is stopped from its page, in the officer's language. */
    @Test
    void shouldLetAPolicyOfficerStopAnAnalysisFromItsPage() throws Exception {
        String job = Auth.as("policy").contentType(ContentType.JSON).body(Map.of("households", 1_000_000, "seed", 21))
                .post("/api/v1/rule-sets/" + RuleSets.activeId() + "/impact/generated").then().statusCode(202).extract().path("jobId");
        String stop = "/pages/rule-sets/impact-jobs/" + job + "/cancel";
        // a form posted from elsewhere (no token), or by someone who may not stop analyses, stops nothing
        given().filter(CaseWorkerPagesTest.session("policy")).formParam("lang", "en").post(stop).then().statusCode(403)
                .body(containsString("form has expired"));
        given().filter(CaseWorkerPagesTest.session("caseworker")).formParam("lang", "en").post(stop).then().statusCode(403);
        Auth.as("policy").get("/api/v1/impact-jobs/" + job).then().statusCode(200).body("progress.status", is("RECEIVING"));
        try (Browser browser = Browser.open(base)) {
            browser.signIn("policy");
            browser.go("/pages/rule-sets/impact-jobs/" + job + "?lang=ru");
            assertTrue(browser.text().contains("Загружаются семьи") && browser.text().contains("Получено семей: "), browser.text());
            browser.assertAccessible("a running analysis");
            // the progress is kept current in place: the same document, a count that has moved on
            String label = browser.driver.findElement(By.cssSelector("label[for='impact-progress']")).getText();
            browser.driver.executeScript("window.__insonSamePage = true");
            new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                    .until(d -> !d.findElement(By.cssSelector("label[for='impact-progress']")).getText().equals(label));
            assertEquals(Boolean.TRUE, browser.driver.executeScript("return window.__insonSamePage"), "the page was not reloaded");
            browser.screenshot("16-analysis-running");
            browser.clickAndWait(By.cssSelector("form[action='/pages/rule-sets/impact-jobs/" + job + "/cancel'] button"));
            browser.waitForText("Отменено", Duration.ofSeconds(30));
            assertTrue(browser.driver.getCurrentUrl().endsWith("/pages/rule-sets/impact-jobs/" + job + "?lang=ru"), browser.driver.getCurrentUrl());
            assertTrue(browser.driver.findElements(By.cssSelector("form[action$='/cancel']")).isEmpty(), "nothing left to stop");
        } finally {
            Auth.as("policy").delete("/api/v1/impact-jobs/" + job).then().statusCode(200);
        }
        Auth.as("policy").get("/api/v1/impact-jobs/" + job).then().statusCode(200).body("progress.status", is("CANCELLED"))
                .body("progress.processed", is(0));
        // the stop is in the audit trail like any other change, under the officer's name, and so are the refused ones
        String action = "it.action == 'POST /pages/rule-sets/impact-jobs/{jobId}/cancel'";
        Auth.as("auditor").queryParam("objectId", job).get("/api/v1/audit").then().statusCode(200)
                .body("items.findAll { " + action + " }.outcome", hasItems(303, 403))
                .body("items.find { " + action + " && it.outcome == 303 }.actor", is("policy"));
    }

    private static void upload(Browser browser, Path table, String version) {
        browser.driver.findElement(By.id("files")).sendKeys(table.toAbsolutePath().toString());
        browser.driver.findElement(By.id("version")).sendKeys(version);
        browser.clickAndWait(By.cssSelector("form[action='/pages/rule-sets'] button"));
    }

    /** The repository's table with one change, saved under its own name (the name says which table it replaces). */
    private static Path changed(String name, Consumer<XSSFWorkbook> change) throws IOException {
        Path file = Files.createTempDirectory("table").resolve(name);
        try (InputStream in = Files.newInputStream(Path.of("decision-tables", name)); XSSFWorkbook wb = new XSSFWorkbook(in);
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.accept(wb);
            wb.write(out);
            Files.write(file, out.toByteArray());
        }
        return file;
    }
}
