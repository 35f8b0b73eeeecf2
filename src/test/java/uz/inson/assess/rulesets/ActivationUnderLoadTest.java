package uz.inson.assess.rulesets;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import uz.inson.assess.common.ServiceClock;
import uz.inson.assess.support.Auth;
import uz.inson.assess.support.Households;
import uz.inson.assess.support.RuleSets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Activation and rollback are atomic swaps: under continuous assessment load no request fails. */
@QuarkusTest
@Tag("time-sensitive")
class ActivationUnderLoadTest {
    @Inject
    Clock clock;

    @AfterEach
    void putTheRepositoryVersionBackInForce() {
        RuleSets.restoreImportedVersion();
    }

    @Test
    void assessingFromSeveralThreadsWhileVersionsAreActivatedAndRolledBackNeverFails() throws Exception {
        String inForce = RuleSets.activeVersion();
        String version = "2026.9." + (System.nanoTime() % 100000);
        String other = Auth.as("policy").multiPart("files", "parameters.drl.xlsx", Files.readAllBytes(Path.of("decision-tables/parameters.drl.xlsx")))
                .multiPart("version", version).post("/api/v1/rule-sets")
                .then().statusCode(201).extract().path("id");
        Auth.as("approver").post("/api/v1/rule-sets/" + other + "/approve").then().statusCode(200);
        // decided by the version in force now, whatever day the suite runs
        String household = Households.onDate(Households.POOR_FAMILY_WITH_DISABLED_CHILD, ServiceClock.today(clock));

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger ok = new AtomicInteger();
        Set<String> failures = ConcurrentHashMap.newKeySet();
        Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            workers.add(clients.submit(() -> {
                while (running.get()) {
                    Response response = Auth.as("caseworker").contentType(ContentType.JSON).body(household).post("/api/v1/assessments");
                    if (response.statusCode() == 201) {
                        ok.incrementAndGet();
                        versionsSeen.add(response.path("ruleSet.version"));
                    } else {
                        failures.add(response.statusCode() + " " + response.asString());
                    }
                }
            }));
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
        for (Future<?> worker : workers) {
            worker.get(); // a worker that died of an exception fails the test, not silently shortens the load
        }
        assertEquals(Set.of(), failures);
        assertTrue(ok.get() > 20, "assessments made: " + ok.get());
        assertEquals(Set.of(inForce, version), versionsSeen);
    }

    /**
     * A rollback reads the timeline and then adds to it. Four rollbacks sent at the same moment must act as four in a
     * row (each puts back the version before the one in force, so an even number returns to where it started), not as
     * four that all read the same "current" version.
     */
    @Test
    void rollbacksSentTogetherTakeTurns() throws Exception {
        String version = "2026.8." + (System.nanoTime() % 100000);
        String other = Auth.as("policy").multiPart("files", "parameters.drl.xlsx", Files.readAllBytes(Path.of("decision-tables/parameters.drl.xlsx")))
                .multiPart("version", version).post("/api/v1/rule-sets")
                .then().statusCode(201).extract().path("id");
        Auth.as("approver").post("/api/v1/rule-sets/" + other + "/approve").then().statusCode(200);
        Auth.as("approver").contentType(ContentType.JSON).body("{}").post("/api/v1/rule-sets/" + other + "/activate").then().statusCode(200);
        int before = Auth.as("policy").get("/api/v1/rule-sets/" + other).then().extract().path("activations.size()");

        ExecutorService approvers = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> rollbacks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rollbacks.add(approvers.submit(() -> {
                start.await();
                return Auth.as("approver").post("/api/v1/rule-sets/rollback").statusCode();
            }));
        }
        start.countDown();
        for (Future<Integer> rollback : rollbacks) {
            assertEquals(200, rollback.get());
        }
        approvers.shutdown();

        assertEquals(other, RuleSets.activeId(), "four rollbacks in turn end where they started");
        List<String> kinds = Auth.as("policy").get("/api/v1/rule-sets/" + other).then().extract().path("activations.kind");
        assertEquals(before + 2, kinds.size(), "two of the four put this version back in force");
    }
}
