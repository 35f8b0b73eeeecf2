package uz.inson.assess.pages;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import uz.inson.assess.common.Language;
import uz.inson.assess.common.Messages;
import uz.inson.assess.support.Auth;
import uz.inson.assess.support.Households;

import java.net.URL;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The case worker's pages in a real headless Chromium: DESIGN §4's household from sign-in to the family's letter. */
@QuarkusTest
class CaseWorkerBrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void shouldAssessTheDesignHouseholdAnswerAQuestionSwitchToRussianAndPrintTheLetter() throws Exception {
        long expected = Auth.as("caseworker").contentType(ContentType.JSON).body(Households.POOR_FAMILY_WITH_DISABLED_CHILD)
                .post("/api/v1/assessments").then().statusCode(201).extract().jsonPath().getLong("package.monthlyCashUzs");
        try (Browser browser = Browser.open(base)) {
            browser.go("/pages/assess");
            assertTrue(browser.driver.getCurrentUrl().contains("/pages/sign-in"), "a stranger is sent to sign in");
            browser.assertAccessible("sign-in");
            browser.screenshot("01-sign-in");
            browser.signIn("caseworker");

            browser.go("/pages/assess?example=true");
            browser.assertAccessible("intake");
            browser.screenshot("02-intake");
            assertFalse(browser.driver.findElements(By.id("asOf")).isEmpty(), () -> browser.driver.getCurrentUrl() + "\n" + browser.driver.getPageSource());
            browser.driver.executeScript("document.getElementById('asOf').value = '2026-11-25'");
            assess(browser);

            String figure = browser.driver.findElement(By.cssSelector(".figure")).getText();
            assertTrue(figure.startsWith(Messages.number(Language.uz, expected).replace('\u00a0', ' ')), figure + " is the API's package " + expected);
            List<String> codes = codes(browser);
            assertTrue(codes.containsAll(List.of("CSH-001", "CSH-005")), codes.toString());
            assertFalse(codes.contains("DIS-001"), "no assistive devices before the impairment is known: " + codes);
            assertTrue(browser.text().contains("Xavf darajasi"), "the risk badge is labelled");
            browser.assertAccessible("answer");
            browser.screenshot("03-answer");
            long bytes = ((Number) browser.driver.executeScript("return performance.getEntriesByType('navigation')"
                    + ".concat(performance.getEntriesByType('resource')).reduce((sum, e) => sum + e.transferSize, 0)")).longValue();
            java.nio.file.Files.writeString(java.nio.file.Path.of("target/screenshots/answer-page-bytes.txt"), bytes + "\n");
            assertTrue(bytes > 0 && bytes < 300_000, "the answer page with its assets, first load: " + bytes + " bytes");

            // The question about the son's impairment: answer it in the form and assess again
            WebElement question = browser.driver.findElement(By.cssSelector("#questions a[href='#members-1-impairments']"));
            question.click();
            browser.driver.findElement(By.id("members-1-impairments-MOBILITY")).click();
            assess(browser);
            List<String> after = codes(browser);
            assertTrue(after.contains("DIS-001"), "the answer adds assistive devices: " + after);

            browser.clickAndWait(By.cssSelector("nav.langs a[lang=ru]"));
            List<String> names = browser.driver.findElements(By.cssSelector(".service h4")).stream().map(WebElement::getText).toList();
            assertTrue(names.stream().allMatch(n -> n.matches("(?s).*[А-Яа-яЁё].*")), "Cyrillic service names: " + names);
            assertTrue(browser.text().contains("Что может получить эта семья"), "the labels switch too");
            browser.assertAccessible("answer in Russian");
            browser.screenshot("04-answer-ru");

            String monthly = browser.driver.findElement(By.cssSelector(".figure")).getText().replaceAll("[^0-9 ]", "").strip();
            browser.clickAndWait(By.linkText("Письмо на узбекском"));
            String letter = browser.text();
            assertTrue(letter.contains("Oilangiz nimalarni olishi mumkin") && letter.contains("Qayerga borish kerak")
                    && letter.contains("Nimani olib borish kerak") && letter.contains("U yerda soʻrang") && letter.contains("Har oy beriladigan pul"), letter);
            assertTrue(letter.contains("Har oy beriladigan pul: " + monthly + " soʻm"), "the letter names the monthly sum " + monthly + ": " + letter);
            browser.assertAccessible("letter");
            browser.screenshot("05-letter");
            PrintOptions a4 = new PrintOptions();
            a4.setPageSize(new PageSize(29.7, 21.0));
            String pdf = browser.driver.print(a4).getContent();
            java.nio.file.Files.write(java.nio.file.Path.of("target/screenshots/05-letter.pdf"), Base64.getDecoder().decode(pdf));
            int pages = pdfPages(pdf);
            assertTrue(pages >= 1 && pages <= 2, "the letter prints on one or two A4 pages, not " + pages);
        }
    }

    @Test
    void shouldHideAHouseholdFromACaseWorkerOfAnotherDistrict() throws Exception {
        String id;
        try (Browser browser = Browser.open(base)) {
            browser.signIn("caseworker");
            browser.go("/pages/assess?example=true");
            assess(browser);
            Matcher m = Pattern.compile("/pages/assessments/([0-9a-f-]{36})").matcher(browser.driver.getCurrentUrl());
            assertTrue(m.find(), browser.driver.getCurrentUrl());
            id = m.group(1);
        }
        try (Browser browser = Browser.open(base)) {
            browser.signIn("caseworker2");
            browser.go("/pages/assessments/" + id);
            String text = browser.text();
            assertTrue(text.contains("siz xizmat koʻrsatmaydigan hududga tegishli"), text);
            assertTrue(browser.driver.findElements(By.cssSelector(".service")).isEmpty(), "nothing of the answer shows");
            browser.go("/pages/assessments/" + id + "/letter");
            assertTrue(browser.driver.findElements(By.cssSelector(".visit")).isEmpty(), "nor of the letter");
            browser.assertAccessible("not yours");
            browser.screenshot("06-other-district");
        }
    }

    private static void assess(Browser browser) {
        assertFalse(browser.driver.findElements(By.id("intake")).isEmpty(), () -> browser.driver.getCurrentUrl() + "\n" + browser.driver.getPageSource());
        browser.clickAndWait(By.cssSelector("#intake button[value=assess]"));
    }

    private static List<String> codes(Browser browser) {
        return browser.driver.findElements(By.cssSelector(".service")).stream().map(e -> e.getAttribute("data-code")).toList();
    }

    private static int pdfPages(String base64) {
        String pdf = new String(Base64.getDecoder().decode(base64), java.nio.charset.StandardCharsets.ISO_8859_1);
        Matcher count = Pattern.compile("/Type\\s*/Page[^s]").matcher(pdf);
        int pages = 0;
        while (count.find()) {
            pages++;
        }
        return pages;
    }
}
