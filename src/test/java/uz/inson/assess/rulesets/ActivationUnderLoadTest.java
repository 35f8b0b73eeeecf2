package uz.inson.assess.rulesets;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import uz.inson.assess.support.Auth;
import uz.inson.assess.support.Households;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Activation and rollback are atomic swaps: under continuous assessment load no request fails. */
@QuarkusTest
class ActivationUnderLoadTest {

    @Test
    void assessingFromSeveralThreadsWhileVersionsAreActivatedAndRolledBackNeverFails() throws Exception {
        String version = "2026.9." + (System.nanoTime() % 100000);
        String other = Auth.as("policy").multiPart("files", "parameters.drl.xlsx", Files.readAllBytes(Path.of("decision-tables/parameters.drl.xlsx")))
                .multiPart("version", version).post("/api/v1/rule-sets")
                .then().statusCode(201).extract().path("id");
        Auth.as("approver").post("/api/v1/rule-sets/" + other + "/approve").then().statusCode(200);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger ok = new AtomicInteger();
        Set<String> failures = ConcurrentHashMap.newKeySet();
        Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            clients.submit(() -> {
                while (running.get()) {
                    Response response = Auth.as("caseworker").contentType(ContentType.JSON).body(Households.POOR_FAMILY_WITH_DISABLED_CHILD).post("/api/v1/assessments");
                    if (response.statusCode() == 201) {
                        ok.incrementAndGet();
                        versionsSeen.add(response.path("ruleSet.version"));
                    } else {
                        failures.add(response.statusCode() + " " + response.asString());
                    }
                }
            });
        }
        try {
            for (int i = 0; i < 3; i++) {
                Auth.as("approver").contentType(ContentType.JSON).body("{}").post("/api/v1/rule-sets/" + other + "/activate").then().statusCode(200);
                Thread.sleep(300);
                Auth.as("approver").post("/api/v1/rule-sets/rollback").then().statusCode(200);
                Thread.sleep(300);
            }
        } finally {
            running.set(false);
            clients.shutdown();
            assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));
        }
        assertEquals(Set.of(), failures);
        assertTrue(ok.get() > 20, "assessments made: " + ok.get());
        assertEquals(Set.of("2026.1.0", version), versionsSeen);
    }
}
