package uz.inson.assess.pages;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import uz.inson.assess.support.Auth;
import uz.inson.assess.support.Households;
import uz.inson.assess.support.RuleSets;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The policy pages over plain HTTP, where a state is easier to set up than in a browser; the browser tests do the rest. */
@QuarkusTest
class PolicyPagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    /** An analysis stopped after some of its households were counted shows what they came to, and says it is partial. */
    @Test
    void aStoppedAnalysisShowsWhatWasCountedBeforeTheStopAsPartial() throws Exception {
        String population = JSON.readTree(Households.JUST_ABOVE_THE_MINIMUM) + "\n" + JSON.readTree(Households.WELL_OFF_FAMILY) + "\n";
        String job = Auth.as("policy").contentType("application/x-ndjson").body(population.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/rule-sets/" + RuleSets.activeId() + "/impact").then().statusCode(202).extract().path("jobId");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!"DONE".equals(Auth.as("policy").get("/api/v1/impact-jobs/" + job).then().extract().path("progress.status"))) {
            assertTrue(Instant.now().isBefore(deadline), "the analysis did not finish");
            Thread.sleep(100);
        }
        CookieFilter officer = CaseWorkerPagesTest.session("policy");
        String page = "/pages/rule-sets/impact-jobs/" + job + "?lang=en";
        try {
            // as if stopped with 998 of its 1,000 households still to compare
            sql("update impact_job set status = 'CANCELLED', total = 1000 where id = cast(?1 as uuid)", job);
            String stopped = given().filter(officer).get(page).then().statusCode(200).extract().asString();
            assertTrue(stopped.contains("Stopped: these figures count only the 2 of 1,000 households re-assessed before the analysis was stopped."), stopped);
            assertTrue(stopped.contains("Households affected: 0;") && stopped.contains("id=\"services-chart\""), stopped);
            assertFalse(stopped.contains("impact-progress.js") || stopped.contains("/cancel\""), "nothing left to follow or stop");

            // stopped before any household was counted: nothing to show but that
            sql("update impact_chunk set status = 'PENDING', result = null where job_id = cast(?1 as uuid)", job);
            String empty = given().filter(officer).get(page).then().statusCode(200).extract().asString();
            assertTrue(empty.contains("Cancelled") && empty.contains("Households re-assessed: 0 of 1,000"), empty);
            assertFalse(empty.contains("Households affected") || empty.contains("Stopped:"), empty);
        } finally {
            sql("delete from impact_job where id = cast(?1 as uuid)", job);
        }
    }

    /** A link to an analysis removed after its 30 days, to no version at all or to a file a version lacks says so, not that an assessment is missing. */
    @Test
    void aMissingAnalysisVersionOrFileIsNamedAsSuch() {
        CookieFilter officer = CaseWorkerPagesTest.session("policy");
        for (String gone : new String[] {"/pages/rule-sets/impact-jobs/" + java.util.UUID.randomUUID(), "/pages/rule-sets/impact-jobs/not-an-id",
                "/pages/rule-sets/" + java.util.UUID.randomUUID()}) {
            String page = given().filter(officer).get(gone + "?lang=en").then().statusCode(404).extract().asString();
            assertTrue(page.contains("This version or impact analysis does not exist. An analysis is kept for 30 days after it ends"), gone + ": " + page);
            assertFalse(page.contains("assessment does not exist"), gone);
        }
        String file = given().filter(officer).get("/pages/rule-sets/" + RuleSets.activeId() + "/files/decision-tables/no-such.drl.xlsx?lang=en")
                .then().statusCode(404).contentType(containsString("text/html")).extract().asString();
        assertTrue(file.contains("This version has no such file. Its page lists the files it holds."), file);
        given().filter(officer).get("/pages/rule-sets/" + RuleSets.activeId() + "/files/decision-tables/parameters.drl.xlsx")
                .then().statusCode(200).header("Content-Disposition", containsString("parameters.drl.xlsx"));
    }

    /**
     * The versions page pages both its lists, each moving on while the other stays: versions uploaded over years and the
     * analyses of the last 30 days do not fit one screen, and the oldest must stay reachable.
     */
    @Test
    void theVersionsPagePagesItsVersionsAndItsAnalysesEachOnItsOwn() {
        long versionsBefore = count("select count(*) from rule_set");
        long analysesBefore = count("select count(*) from impact_job");
        OffsetDateTime oldest = oldVersionsAndAnalyses(em, clock);
        try {
            long versions = versionsBefore + 25;
            long analyses = analysesBefore + 12;
            int versionPages = (int) ((versions + 19) / 20);
            int analysisPages = (int) ((analyses + 9) / 10);
            CookieFilter officer = CaseWorkerPagesTest.session("policy");

            String first = given().filter(officer).get("/pages/rule-sets?lang=en").then().statusCode(200).extract().asString();
            assertTrue(first.contains("Page 1 of " + versionPages) && first.contains("Page 1 of " + analysisPages), first);
            assertFalse(first.contains(">paging-1<") || first.contains("rel=\"prev\""), "the oldest version is not on the first page, nothing is newer");
            assertTrue(first.contains("href=\"/pages/rule-sets?page=2&amp;analyses=1&amp;lang=en\" rel=\"next\""), first);

            // the last page of versions holds the oldest, and the analyses stay on their page
            String last = given().filter(officer).get("/pages/rule-sets?page=" + versionPages + "&analyses=" + analysisPages + "&lang=en")
                    .then().statusCode(200).extract().asString();
            assertTrue(last.contains(">paging-1<") && last.contains("Page " + versionPages + " of " + versionPages), last);
            assertFalse(last.contains(">paging-25<"), "the newest of them is on an earlier page");
            assertTrue(last.contains("Households re-assessed: 0 of 1") && last.contains(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(oldest)),
                    "the oldest analysis: " + last);
            assertTrue(last.contains("href=\"/pages/rule-sets?page=" + (versionPages - 1) + "&amp;analyses=" + analysisPages + "&amp;lang=en\" rel=\"prev\""), last);
            assertTrue(last.contains("href=\"/pages/rule-sets?page=" + versionPages + "&amp;analyses=" + analysisPages + "&amp;lang=ru\""),
                    "the language links keep both places: " + last);

            // an address out of range or not a number shows the nearest page there is
            String beyond = given().filter(officer).get("/pages/rule-sets?page=999&analyses=-3&lang=ru").then().statusCode(200).extract().asString();
            assertTrue(beyond.contains("Страница " + versionPages + " из " + versionPages) && beyond.contains("Страница 1 из " + analysisPages), beyond);
            String typed = given().filter(officer).get("/pages/rule-sets?page=two&lang=en").then().statusCode(200).extract().asString();
            assertTrue(typed.contains("Page 1 of " + versionPages), typed);
        } finally {
            forgetOldVersionsAndAnalyses(em, oldest);
        }
    }

    /**
     * 25 old versions ('paging-1' the oldest) and 12 analyses begun and finished at midnight (UTC) 12 days to 1 day before
     * today, older than anything other tests made, so they come last; returns the oldest one's start. Not older: the
     * service sweeps away analyses finished more than 30 days ago ({@code inson.impact.keep-finished}) every minute, and
     * one sweep between these rows and the page that lists them took them all.
     */
    static OffsetDateTime oldVersionsAndAnalyses(EntityManager em, Clock clock) {
        OffsetDateTime oldest = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.DAYS).minusDays(12);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    insert into rule_set (id, version, hash, author, status, created_at)
                    select gen_random_uuid(), 'paging-' || n, 'sha256:paging', 'policy', 'VALIDATED', timestamptz '2020-01-01' + n * interval '1 day'
                    from generate_series(1, 25) n""").executeUpdate();
            em.createNativeQuery("""
                    insert into impact_job (id, rule_set_id, against_id, total, status, started_at, finished_at)
                    select gen_random_uuid(), cast(?1 as uuid), cast(?1 as uuid), n, 'DONE', cast(?2 as timestamptz) + (n - 1) * interval '1 day',
                           cast(?2 as timestamptz) + (n - 1) * interval '1 day'
                    from generate_series(1, 12) n""").setParameter(1, RuleSets.activeId()).setParameter(2, oldest).executeUpdate();
        });
        return oldest;
    }

    static void forgetOldVersionsAndAnalyses(EntityManager em, OffsetDateTime oldest) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    delete from impact_job where started_at between cast(?1 as timestamptz) and cast(?1 as timestamptz) + interval '11 days'
                    and finished_at = started_at""").setParameter(1, oldest).executeUpdate();
            em.createNativeQuery("delete from rule_set where version like 'paging-%'").executeUpdate();
        });
    }

    private long count(String query) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(query).getSingleResult()).longValue());
    }

    private void sql(String statement, String job) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).setParameter(1, job).executeUpdate());
    }
}
