package uz.inson.assess.pages;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver) for the page tests, with axe-core's checks and
 * screenshots in target/screenshots. Selenium Manager is bypassed: it would try to download a browser.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    final ChromeDriver driver;
    private final URL base;
    private final Path profile;

    private Browser(URL base) throws IOException {
        this.base = base;
        this.profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage", "--window-size=1280,2200",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
    }

    /** A fresh browser, or the test is skipped (with the reason) on a machine without Chromium. */
    static Browser open(URL base) throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests skipped: install Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)");
        return new Browser(base);
    }

    void go(String path) {
        driver.get(base.toString().replaceAll("/$", "") + path);
    }

    void signIn(String user) {
        go("/pages/sign-in");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(user + "-demo");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        try {
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/pages/sign-in"));
        } catch (RuntimeException e) {
            throw new AssertionError(driver.getCurrentUrl() + " cookies " + driver.manage().getCookies() + "\n" + driver.getPageSource(), e);
        }
    }

    /**
     * Clicks something that loads a new page, and waits until it has. The old page is marked in its window rather than
     * watched through an element: Chromium may answer "node does not belong to the document" instead of a stale
     * element while it swaps documents (a self-refreshing page swaps them again), and any error mid-swap means "not yet".
     */
    void clickAndWait(By what) {
        driver.executeScript("window.__insonOldPage = true");
        driver.findElement(what).click();
        new WebDriverWait(driver, Duration.ofSeconds(60)).ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
                        "return window.__insonOldPage === undefined && document.readyState === 'complete'")));
    }

    /** Waits for a page that refreshes itself (a running job) to show the text; errors while it swaps documents mean "not yet". */
    void waitForText(String expected, Duration timeout) {
        new WebDriverWait(driver, timeout).ignoring(WebDriverException.class)
                .until(d -> "complete".equals(((ChromeDriver) d).executeScript("return document.readyState")) && text().contains(expected));
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** axe-core over the page as it is now: no serious or critical violation. */
    void assertAccessible(String page) {
        Results results = new AxeBuilder().analyze(driver);
        List<Rule> serious = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact())).toList();
        assertTrue(serious.isEmpty(), page + ": " + serious.stream()
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at " + v.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget())).limit(3).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n")));
    }

    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
