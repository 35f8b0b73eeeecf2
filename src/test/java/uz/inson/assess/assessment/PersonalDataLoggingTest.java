package uz.inson.assess.assessment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.inson.assess.support.Auth;
import uz.inson.assess.support.Households;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A PINFL sent in a request — accepted, refused or broken — never reaches the log, at any level. */
@QuarkusTest
class PersonalDataLoggingTest {
    private static final String PINFL = "31203857000010";
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder text = new StringBuilder(record.getLoggerName() + ": " + record.getMessage());
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    text.append(' ').append(parameter);
                }
            }
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                text.append(' ').append(t);
            }
            logged.add(text.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previous;
    /**
     * The test's own tools, not the service: its HTTP client sends the PINFL on purpose, and its OpenAPI contract check
     * parses the document, whose example household has one, at first use.
     */
    private final List<Logger> testTools = List.of(Logger.getLogger("org.apache.http"), Logger.getLogger("io.swagger"),
            Logger.getLogger("com.atlassian.oai"));

    @BeforeEach
    void captureEverything() {
        Logger root = Logger.getLogger("");
        previous = root.getLevel();
        testTools.forEach(tool -> tool.setLevel(Level.INFO));
        root.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger root = Logger.getLogger("");
        root.removeHandler(capture);
        root.setLevel(previous);
        testTools.forEach(tool -> tool.setLevel(null));
    }

    @Test
    void aFullAssessmentAndItsFailuresLogNoPinfl() {
        assertTrue(Households.POOR_FAMILY_WITH_DISABLED_CHILD.contains(PINFL));
        String location = Auth.as("caseworker").contentType(ContentType.JSON).body(Households.POOR_FAMILY_WITH_DISABLED_CHILD)
                .post("/api/v1/assessments?explain=near-misses").then().statusCode(201).extract().header("Location");
        Auth.as("caseworker").get(location).then().statusCode(200);
        Auth.as("caseworker").contentType(ContentType.JSON).body(Households.POOR_FAMILY_WITH_DISABLED_CHILD.replace("1985-03-12", "2099-03-12"))
                .post("/api/v1/assessments").then().statusCode(400);
        Auth.as("caseworker").contentType(ContentType.JSON).body(Households.POOR_FAMILY_WITH_DISABLED_CHILD.replace("\"F\"", "\"X\""))
                .post("/api/v1/assessments").then().statusCode(400);
        Auth.as("caseworker").contentType(ContentType.JSON).body(Households.POOR_FAMILY_WITH_DISABLED_CHILD.substring(0, 400))
                .post("/api/v1/assessments").then().statusCode(400);
        assertFalse(logged.isEmpty(), "the capture works: something was logged at some level");
        assertTrue(logged.stream().noneMatch(line -> line.contains(PINFL)),
                "PINFL in the log: " + logged.stream().filter(line -> line.contains(PINFL)).findFirst().orElse(""));
    }
}
