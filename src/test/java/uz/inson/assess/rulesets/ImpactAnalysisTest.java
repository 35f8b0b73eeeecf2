package uz.inson.assess.rulesets;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.inson.assess.common.ChunkLeases;
import uz.inson.assess.population.PopulationGenerator;
import uz.inson.assess.support.Auth;
import uz.inson.assess.support.HeldBackUpload;
import uz.inson.assess.support.Households;
import uz.inson.assess.support.ParameterTables;
import uz.inson.assess.support.RuleSets;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A raised minimum subsistence level, run over a small population before it is published. */
@QuarkusTest
class ImpactAnalysisTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager entityManager;
    @Inject
    ImpactService impact;
    @TestHTTPResource("/")
    URL baseUrl;
    @Inject
    java.time.Clock clock;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String oneLine(String json) throws Exception {
        return JSON.writeValueAsString(JSON.readTree(json));
    }

    @Test
    void raisingTheMinimumShowsWhoGainsWhatWhereAndAtWhatCost() throws Exception {
        String active = Auth.as("policy").get("/api/v1/rule-sets?size=200").then().extract().path("items.find { it.status == 'ACTIVE' }.id");
        byte[] parameters = Auth.as("policy").get("/api/v1/rule-sets/" + active + "/files/decision-tables/parameters.drl.xlsx").then().extract().asByteArray();
        byte[] raised = ParameterTables.withMinimum(parameters, 720_000, 760_000);
        String draft = Auth.as("policy").multiPart("files", "parameters.drl.xlsx", raised).multiPart("version", "2026.3.0")
                .post("/api/v1/rule-sets").then().statusCode(201).extract().path("id");

        // per-capita income 750,000: above the old minimum (720,000), below the new one (760,000)
        String population = oneLine(Households.JUST_ABOVE_THE_MINIMUM) + "\n" + oneLine(Households.WELL_OFF_FAMILY) + "\n";
        String job = Auth.as("policy").contentType("application/x-ndjson").body(population.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/rule-sets/" + draft + "/impact")
                .then().statusCode(202).body("total", is(2)).extract().path("jobId");

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!"DONE".equals(Auth.as("policy").get("/api/v1/impact-jobs/" + job).then().extract().path("progress.status"))) {
            assertTrue(Instant.now().isBefore(deadline), "the analysis did not finish");
            Thread.sleep(200);
        }
        var report = Auth.as("policy").get("/api/v1/impact-jobs/" + job).then().statusCode(200)
                .body("progress.percent", is(100)).body("progress.processed", is(2))
                .body("affectedHouseholds", is(1))
                .body("byRegion.FERGANA.affected", is(1)).body("byRegion.TASHKENT_CITY.affected", is(0))
                .body("riskLevelTransitions.'LOW→LOW'", is(2))
                .extract().jsonPath();
        List<Map<String, Object>> services = report.getList("services");
        assertTrue(services.stream().anyMatch(s -> s.get("code").equals("CSH-001") && s.get("gained").equals(1) && s.get("lost").equals(0)), services.toString());
        assertTrue(report.getLong("monthlyCashChangeUzs") > 0);

        Auth.as("policy").get("/api/v1/impact-jobs/" + job + "/households").then().statusCode(200)
                .body("total", is(1)).body("items[0].externalId", equalTo("SP-0902-000310"));
        String csv = Auth.as("policy").get("/api/v1/impact-jobs/" + job + "/households.csv").then().statusCode(200).extract().asString();
        assertEquals(2, csv.lines().count());
        byte[] xlsx = Auth.as("policy").get("/api/v1/impact-jobs/" + job + "/households.xlsx").then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheetAt(0);
            assertEquals("externalId", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals("SP-0902-000310", sheet.getRow(1).getCell(0).getStringCellValue());
            assertEquals("CSH-001", sheet.getRow(1).getCell(4).getStringCellValue().split(" ")[0]);
            assertTrue(sheet.getRow(1).getCell(10).getNumericCellValue() > 0, "cash change is a number");
            assertEquals(1, sheet.getLastRowNum());
        }
    }

    /**
     * An analysis over stored assessments reads what the version in force decided from them (same version, same build)
     * instead of deciding each household a second time, and reports exactly what deciding it again would: the same
     * household uploaded as a request gives the same line; made to look stored by another build, it is decided again.
     */
    @Test
    void storedDecisionsOfTheVersionInForceAreReadNotDecidedAgain() throws Exception {
        String active = RuleSets.activeId();
        byte[] parameters = Auth.as("policy").get("/api/v1/rule-sets/" + active + "/files/decision-tables/parameters.drl.xlsx").then().extract().asByteArray();
        String draft = Auth.as("policy").multiPart("files", "parameters.drl.xlsx", ParameterTables.withMinimum(parameters, 720_000, 770_000))
                .multiPart("version", "2026.3.1").post("/api/v1/rule-sets").then().statusCode(201).extract().path("id");

        String externalId = "SP-0902-" + (100_000 + new java.util.Random().nextInt(900_000));
        String household = Households.JUST_ABOVE_THE_MINIMUM.replace("SP-0902-000310", externalId);
        var answer = Auth.caseWorkerFor(household).contentType("application/json").body(household).post("/api/v1/assessments")
                .then().statusCode(201).extract().jsonPath();
        String stored = answer.getString("id");
        List<String> services = answer.getList("eligibleServices.code");
        Object[] summary = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                "select service_codes, monthly_cash_uzs, rule_set_id::text from assessment where id = cast(?1 as uuid)")
                .setParameter(1, stored).getSingleResult());
        assertEquals(String.join(",", new java.util.TreeSet<>(services)), summary[0]);
        assertEquals(answer.getLong("package.monthlyCashUzs"), ((Number) summary[1]).longValue());
        assertEquals(active, summary[2]);

        double readBefore = decisionsRead();
        String fromStore = finished(Auth.as("policy").post("/api/v1/rule-sets/" + draft + "/impact").then().statusCode(202).extract().path("jobId"));
        double read = decisionsRead() - readBefore;
        assertTrue(read >= 1, "no stored decision was read");
        String line = lineOf(fromStore, externalId);
        assertTrue(line.contains("CSH-001"), line);

        String uploaded = finished(Auth.as("policy").contentType("application/x-ndjson").body((oneLine(household) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/rule-sets/" + draft + "/impact").then().statusCode(202).extract().path("jobId"));
        assertEquals(line, lineOf(uploaded, externalId));

        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update assessment set engine_build = 'another-build' where id = cast(?1 as uuid)").setParameter(1, stored).executeUpdate());
        readBefore = decisionsRead();
        String decidedAgain = finished(Auth.as("policy").post("/api/v1/rule-sets/" + draft + "/impact").then().statusCode(202).extract().path("jobId"));
        assertEquals(read - 1, decisionsRead() - readBefore, "the household stored by another build is decided again, the others read");
        assertEquals(line, lineOf(decidedAgain, externalId));
    }

    /**
     * Without a body, an analysis runs over the latest stored assessment of every household, cut into chunks by
     * PostgreSQL: a household assessed twice counts once, by its newer assessment, and every household is in one chunk.
     */
    @Test
    void theStoredPopulationIsEachHouseholdsLatestAssessmentCutIntoChunks() throws Exception {
        String active = RuleSets.activeId();
        String prefix = "SP-CHUNK-" + (100_000 + new java.util.Random().nextInt(900_000)) + "-";
        String household = Households.JUST_ABOVE_THE_MINIMUM.replace("SP-0902-000310", prefix + "0");
        String stored = Auth.caseWorkerFor(household).contentType("application/json").body(household).post("/api/v1/assessments")
                .then().statusCode(201).extract().path("id");
        int copies = ImpactService.CHUNK * 2 + 49;
        int reassessed = 20;
        try {
            // the household copied under new external ids, the first twenty also with an older assessment of a day before
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                    insert into assessment (id, assessed_at, as_of, external_id, region, district, rule_set_id, rule_set_version, rule_set_hash,
                        language, risk_level, case_path, duration_micros, request, result, assessed_by, service_codes, monthly_cash_uzs, engine_build)
                    select gen_random_uuid(), a.assessed_at - make_interval(days => older), as_of, ?2 || g, region, district, rule_set_id,
                        rule_set_version, rule_set_hash, language, risk_level, case_path, duration_micros,
                        jsonb_set(request, '{household,externalId}', to_jsonb(?2 || g)), result, assessed_by, service_codes, monthly_cash_uzs, engine_build
                    from assessment a, generate_series(1, ?3) g, (values (0), (1)) o(older)
                    where a.id = cast(?1 as uuid) and (older = 0 or g <= ?4)""")
                    .setParameter(1, stored).setParameter(2, prefix).setParameter(3, copies).setParameter(4, reassessed).executeUpdate());
            // the other tests' households are in the population too: the copies are counted exactly, the total by its chunks
            var started = Auth.as("policy").post("/api/v1/rule-sets/" + active + "/impact").then().statusCode(202).extract().jsonPath();
            String job = started.getString("jobId");
            int households = started.getInt("total");
            Object[] chunks = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery("""
                    select count(*), max(households), sum(households) from impact_chunk where job_id = cast(?1 as uuid)""")
                    .setParameter(1, job).getSingleResult());
            assertEquals((households + ImpactService.CHUNK - 1) / ImpactService.CHUNK, ((Number) chunks[0]).intValue());
            assertEquals(ImpactService.CHUNK, ((Number) chunks[1]).intValue());
            assertEquals(households, ((Number) chunks[2]).intValue());
            Object[] copied = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery("""
                    select count(distinct a.external_id), count(*) filter (where a.assessed_at < original.assessed_at), count(*)
                    from impact_chunk c, jsonb_array_elements_text(c.population -> 'assessments') listed(id), assessment a,
                        assessment original
                    where c.job_id = cast(?1 as uuid) and a.id = listed.id::uuid and a.external_id like ?2 and original.id = cast(?3 as uuid)""")
                    .setParameter(1, job).setParameter(2, prefix + "%").setParameter(3, stored).getSingleResult());
            assertEquals(copies + 1, ((Number) copied[0]).intValue(), "every copied household and the original");
            assertEquals(0, ((Number) copied[1]).intValue(), "no household by its older assessment");
            assertEquals(copies + 1, ((Number) copied[2]).intValue(), "each household once");

            Auth.as("policy").get("/api/v1/impact-jobs/" + finished(job)).then().statusCode(200).body("progress.processed", is(households));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("delete from assessment where external_id like ?1")
                    .setParameter(1, prefix + "%").executeUpdate());
        }
    }

    private static String finished(String job) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (!"DONE".equals(Auth.as("policy").get("/api/v1/impact-jobs/" + job).then().extract().path("progress.status"))) {
            assertTrue(Instant.now().isBefore(deadline), "the analysis did not finish");
            Thread.sleep(200);
        }
        return job;
    }

    /** The household's line of a job's affected households (CSV). */
    private static String lineOf(String job, String externalId) {
        String csv = Auth.as("policy").get("/api/v1/impact-jobs/" + job + "/households.csv").then().statusCode(200).extract().asString();
        return csv.lines().filter(l -> l.startsWith("\"" + externalId + "\",")).findFirst().orElseThrow(() -> new AssertionError(externalId + " not in " + csv));
    }

    private static double decisionsRead() {
        String metrics = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("inson_impact_decisions_read_total")).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    /**
     * The report counts the affected households of every chunk without reading the households themselves, which only
     * the lists show: over a generated population of three chunks, the three say the same number.
     */
    @Test
    void theReportCountsTheSameAffectedHouseholdsAsTheListsOverSeveralChunks() throws Exception {
        String active = Auth.as("policy").get("/api/v1/rule-sets?size=200").then().extract().path("items.find { it.status == 'ACTIVE' }.id");
        byte[] parameters = Auth.as("policy").get("/api/v1/rule-sets/" + active + "/files/decision-tables/parameters.drl.xlsx").then().extract().asByteArray();
        String draft = Auth.as("policy").multiPart("files", "parameters.drl.xlsx", ParameterTables.withMinimum(parameters, 720_000, 800_000))
                .multiPart("version", "2026.3.1").post("/api/v1/rule-sets").then().statusCode(201).extract().path("id");
        int households = 2 * ImpactService.CHUNK + 200;
        var population = new java.io.ByteArrayOutputStream();
        new PopulationGenerator(11, LocalDate.parse(Households.AS_OF)).write(households, population);
        String job = Auth.as("policy").contentType("application/x-ndjson").body(population.toByteArray()).post("/api/v1/rule-sets/" + draft + "/impact")
                .then().statusCode(202).body("total", is(households)).extract().path("jobId");

        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (!"DONE".equals(Auth.as("policy").get("/api/v1/impact-jobs/" + job).then().extract().path("progress.status"))) {
            assertTrue(Instant.now().isBefore(deadline), "the analysis did not finish");
            Thread.sleep(200);
        }
        var report = Auth.as("policy").get("/api/v1/impact-jobs/" + job).then().statusCode(200)
                .body("progress.processed", is(households)).extract().jsonPath();
        int affected = report.getInt("affectedHouseholds");
        Map<String, Map<String, Integer>> regions = report.getMap("byRegion");
        int inRegions = regions.values().stream().mapToInt(area -> area.get("affected")).sum();
        int listed = Auth.as("policy").get("/api/v1/impact-jobs/" + job + "/households?size=1").then().statusCode(200).extract().path("total");
        long csvLines = Auth.as("policy").get("/api/v1/impact-jobs/" + job + "/households.csv").then().statusCode(200).extract().asString().lines().count();
        assertTrue(affected > ImpactService.CHUNK / 10, "a minimum raised by 80,000 changes many answers: " + affected);
        assertEquals(affected, inRegions);
        assertEquals(affected, listed);
        assertEquals(affected + 1, csvLines);
    }

    /**
     * Uploaded households (PINFLs, names, addresses) are kept only until they are counted, or the analysis is cancelled;
     * a finished analysis is deleted once it has been kept for {@code inson.impact.keep-finished} (30 days).
     */
    @Test
    void anAnalysisKeepsUploadedHouseholdsOnlyUntilCountedAndItsReportForThirtyDays() throws Exception {
        String active = RuleSets.activeId();
        String small = oneLine(Households.JUST_ABOVE_THE_MINIMUM) + "\n" + oneLine(Households.WELL_OFF_FAMILY) + "\n";
        String done = Auth.as("policy").contentType("application/x-ndjson").body(small.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/rule-sets/" + active + "/impact").then().statusCode(202).body("keptUntil", nullValue())
                .extract().path("jobId");
        finished(done);
        assertEquals(0, chunksHoldingHouseholds(done), "a counted chunk keeps its tally, not the households");
        Instant keptUntil = Instant.parse(Auth.as("policy").get("/api/v1/impact-jobs/" + done).then().statusCode(200).extract().path("progress.keptUntil"));
        Instant finishedAt = QuarkusTransaction.requiringNew().call(() -> ChunkLeases.instant(entityManager.createNativeQuery(
                "select finished_at from impact_job where id = cast(?1 as uuid)").setParameter(1, done).getSingleResult()));
        assertEquals(finishedAt.plus(Duration.ofDays(30)), keptUntil);

        var population = new java.io.ByteArrayOutputStream();
        new PopulationGenerator(12, LocalDate.parse(Households.AS_OF)).write(3 * ImpactService.CHUNK, population);
        String cancelled = Auth.as("policy").contentType("application/x-ndjson").body(population.toByteArray())
                .post("/api/v1/rule-sets/" + active + "/impact").then().statusCode(202).extract().path("jobId");
        String status = Auth.as("policy").delete("/api/v1/impact-jobs/" + cancelled).then().statusCode(200).extract().path("status");
        assertTrue(List.of("CANCELLED", "DONE").contains(status), status); // it may have finished first
        assertEquals(0, chunksHoldingHouseholds(cancelled), "households not counted are dropped with the cancellation");

        // finished a minute more than 30 days ago, by the service's clock
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update impact_job set finished_at = finished_at - interval '30 days 1 minute' where id = cast(?1 as uuid)")
                .setParameter(1, done).executeUpdate());
        impact.sweep();
        Auth.as("policy").get("/api/v1/impact-jobs/" + done).then().statusCode(404);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from impact_chunk where job_id = cast(?1 as uuid)").setParameter(1, done).getSingleResult()).longValue()));
        Auth.as("policy").get("/api/v1/impact-jobs/" + cancelled).then().statusCode(200);

        // an upload whose instance died while reading it (quiet for more than ten minutes) is removed with what it stored
        String cutOff = receiving(active, Duration.ofMinutes(11));
        String arriving = receiving(active, Duration.ofMinutes(9));
        impact.sweep();
        Auth.as("policy").get("/api/v1/impact-jobs/" + cutOff).then().statusCode(404);
        Auth.as("policy").get("/api/v1/impact-jobs/" + arriving).then().statusCode(200).body("progress.status", is("RECEIVING"))
                .body("progress.total", is(1));
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("delete from impact_job where id = cast(?1 as uuid)")
                .setParameter(1, arriving).executeUpdate());
    }

    /** A job RECEIVING its population whose last chunk (of one household) came in {@code quiet} ago, by the service's clock. */
    private String receiving(String ruleSet, Duration quiet) {
        String id = java.util.UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("""
                            insert into impact_job (id, rule_set_id, against_id, total, status, started_at, updated_at)
                            values (cast(?1 as uuid), cast(?2 as uuid), cast(?2 as uuid), 0, 'RECEIVING', ?3, ?3)""")
                    .setParameter(1, id).setParameter(2, ruleSet).setParameter(3, java.time.OffsetDateTime.now(clock).minus(quiet)).executeUpdate();
            entityManager.createNativeQuery("insert into impact_chunk (job_id, chunk, households, population) values (cast(?1 as uuid), 0, 1, '{\"requests\": []}')")
                    .setParameter(1, id).executeUpdate();
        });
        return id;
    }

    private long chunksHoldingHouseholds(String job) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from impact_chunk where job_id = cast(?1 as uuid) and population -> 'requests' is not null")
                .setParameter(1, job).getSingleResult()).longValue());
    }

    /**
     * An uploaded population is stored a chunk at a time as it arrives, not read whole first: while the rest is on its way
     * the job is RECEIVING with the households received so far, and no limit of the rule-set uploads holds it; once the
     * last line is in, it runs, and reports every household.
     */
    @Test
    void anUploadIsStoredChunkByChunkAsItArrives() throws Exception {
        int households = 3 * ImpactService.CHUNK;
        var generated = new java.io.ByteArrayOutputStream();
        new PopulationGenerator(13, LocalDate.parse(Households.AS_OF)).write(households, generated);
        byte[] population = generated.toByteArray();
        // two chunks and 200 lines more, the rest sent once the job has been seen receiving: what the client and server
        // buffer of the first part still lets two chunks through
        long before = jobs();
        HeldBackUpload upload = new HeldBackUpload(URI.create(baseUrl + "api/v1/rule-sets/" + RuleSets.activeId() + "/impact"), "policy",
                population, 2 * ImpactService.CHUNK + 200);
        String job = null;
        Instant deadline = Instant.now().plusSeconds(60);
        while (job == null) {
            assertTrue(Instant.now().isBefore(deadline), "the upload's first two chunks were never stored");
            if (upload.answer().isDone()) {
                throw new AssertionError("answered before the upload ended: " + upload.answer().get().statusCode() + " " + upload.answer().get().body());
            }
            job = QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery("""
                            select cast(j.id as text) from impact_job j
                            where j.status = 'RECEIVING' and (select count(*) from impact_chunk c where c.job_id = j.id) = 2""")
                    .getResultList().stream().findFirst().orElse(null));
            Thread.sleep(50);
        }
        Auth.as("policy").get("/api/v1/impact-jobs/" + job).then().statusCode(200).body("progress.status", is("RECEIVING"))
                .body("progress.total", is(2 * ImpactService.CHUNK)).body("progress.processed", is(0)).body("progress.percent", is(0))
                .body("progress.etaSeconds", nullValue());
        upload.release();

        HttpResponse<String> received = upload.answer().get(60, TimeUnit.SECONDS);
        assertEquals(202, received.statusCode(), received.body());
        assertEquals("/api/v1/impact-jobs/" + job, received.headers().firstValue("Location").orElseThrow());
        assertEquals(households, JSON.readTree(received.body()).get("total").asInt());
        finished(job);
        Auth.as("policy").get("/api/v1/impact-jobs/" + job).then().statusCode(200).body("progress.processed", is(households))
                .body("affectedHouseholds", is(0)); // the version in force against itself
        assertEquals(before + 1, jobs());
    }

    /**
     * A generated population is made by the service (no upload) and gives the report the same households uploaded give:
     * the job is RECEIVING while they are made, then runs like an upload.
     */
    /** Every analysis is listed for any policy officer, newest first with its progress, a page at a time. */
    @Test
    void theAnalysesAreListedNewestFirstAPageAtATime() throws Exception {
        String active = RuleSets.activeId();
        String first = finished(generated(active, 20, 1));
        String second = generated(active, 30, 2);
        var page = Auth.as("approver").get("/api/v1/impact-jobs?size=2").then().statusCode(200)
                .body("page", is(0)).body("size", is(2)).extract().jsonPath();
        assertEquals(List.of(second, first), page.getList("items.jobId"));
        assertTrue(page.getLong("total") >= 2, "at least these two");
        assertEquals(active, page.getString("items[1].ruleSetId"));
        assertEquals("DONE", page.getString("items[1].status"));
        assertEquals(20, page.getInt("items[1].total"));
        assertEquals(100, page.getInt("items[1].percent"));
        assertTrue(java.time.Instant.parse(page.getString("items[0].startedAt")).isAfter(java.time.Instant.parse(page.getString("items[1].startedAt"))));
        List<String> next = Auth.as("policy").get("/api/v1/impact-jobs?size=2&page=1").then().statusCode(200).extract().path("items.jobId");
        assertTrue(!next.contains(first) && !next.contains(second), "the next page begins after them: " + next);
        finished(second);

        Auth.as("policy").get("/api/v1/impact-jobs?size=101").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", is("size"));
        Auth.as("policy").get("/api/v1/impact-jobs?page=-1").then().statusCode(400).body("violations[0].field", is("page"));
    }

    /** An analysis of {@code households} generated households against the version in force; its job id. */
    private static String generated(String ruleSet, int households, int seed) {
        return Auth.as("policy").contentType("application/json").body(Map.of("households", households, "seed", seed, "asOf", Households.AS_OF))
                .post("/api/v1/rule-sets/" + ruleSet + "/impact/generated").then().statusCode(202).extract().path("jobId");
    }

    @Test
    void aGeneratedPopulationGivesTheReportOfTheSameHouseholdsUploaded() throws Exception {
        String active = RuleSets.activeId();
        byte[] parameters = Auth.as("policy").get("/api/v1/rule-sets/" + active + "/files/decision-tables/parameters.drl.xlsx").then().extract().asByteArray();
        String draft = Auth.as("policy").multiPart("files", "parameters.drl.xlsx", ParameterTables.withMinimum(parameters, 720_000, 780_000))
                .multiPart("version", "2026.3.6").post("/api/v1/rule-sets").then().statusCode(201).extract().path("id");
        int households = ImpactService.CHUNK + 150;
        var population = new java.io.ByteArrayOutputStream();
        new PopulationGenerator(14, LocalDate.parse(Households.AS_OF)).write(households, population);
        String uploaded = finished(Auth.as("policy").contentType("application/x-ndjson").body(population.toByteArray())
                .post("/api/v1/rule-sets/" + draft + "/impact").then().statusCode(202).extract().path("jobId"));
        var started = Auth.as("policy").contentType("application/json")
                .body(Map.of("households", households, "seed", 14, "asOf", Households.AS_OF))
                .post("/api/v1/rule-sets/" + draft + "/impact/generated").then().statusCode(202)
                .body("status", org.hamcrest.Matchers.oneOf("RECEIVING", "RUNNING")).extract();
        String generated = started.path("jobId");
        assertEquals("/api/v1/impact-jobs/" + generated, started.header("Location"));
        finished(generated);

        var ofUpload = JSON.readTree(Auth.as("policy").get("/api/v1/impact-jobs/" + uploaded).then().statusCode(200).extract().asString());
        var ofGenerated = JSON.readTree(Auth.as("policy").get("/api/v1/impact-jobs/" + generated).then().statusCode(200).extract().asString());
        assertTrue(ofUpload.get("affectedHouseholds").asInt() > 0, "a minimum raised by 60,000 changes some answers");
        assertEquals(households, ofGenerated.get("progress").get("processed").asInt());
        ((com.fasterxml.jackson.databind.node.ObjectNode) ofUpload).remove("progress");
        ((com.fasterxml.jackson.databind.node.ObjectNode) ofGenerated).remove("progress");
        assertEquals(ofUpload, ofGenerated);
        assertEquals(Auth.as("policy").get("/api/v1/impact-jobs/" + uploaded + "/households.csv").then().extract().asString(),
                Auth.as("policy").get("/api/v1/impact-jobs/" + generated + "/households.csv").then().extract().asString());

        // a million cancelled while they are made: the making stops, and nothing of them is kept
        String million = Auth.as("policy").contentType("application/json").body(Map.of("households", 1_000_000, "seed", 14))
                .post("/api/v1/rule-sets/" + draft + "/impact/generated").then().statusCode(202).body("status", is("RECEIVING")).extract().path("jobId");
        Auth.as("policy").delete("/api/v1/impact-jobs/" + million).then().statusCode(200).body("status", is("CANCELLED"));
        Thread.sleep(1_500);
        int made = Auth.as("policy").get("/api/v1/impact-jobs/" + million).then().statusCode(200).body("progress.status", is("CANCELLED"))
                .body("progress.processed", is(0)).extract().path("progress.total");
        assertTrue(made < 1_000_000, "made " + made);
        Thread.sleep(1_000);
        Auth.as("policy").get("/api/v1/impact-jobs/" + million).then().body("progress.total", is(made));
        assertEquals(0, chunksHoldingHouseholds(million));

        // out of range, or not a population at all: refused, naming the field, and no job is left
        long jobs = jobs();
        Auth.as("policy").contentType("application/json").body(Map.of("households", 1_000_001))
                .post("/api/v1/rule-sets/" + draft + "/impact/generated").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", containsString("households"));
        Auth.as("policy").contentType("application/json").body(Map.of("households", 10, "persons", 3))
                .post("/api/v1/rule-sets/" + draft + "/impact/generated").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", containsString("persons"));
        assertEquals(jobs, jobs());
    }

    private long jobs() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery("select count(*) from impact_job")
                .getSingleResult()).longValue());
    }

    @Test
    void aBadLineOfThePopulationIsNamed() throws Exception {
        String active = Auth.as("policy").get("/api/v1/rule-sets?size=200").then().extract().path("items.find { it.status == 'ACTIVE' }.id");
        Auth.as("policy").contentType("application/x-ndjson").body((oneLine(Households.WELL_OFF_FAMILY) + "\n{not json\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/rule-sets/" + active + "/impact").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("line 2"))
                .body("violations[0].message", startsWith("the line is not well-formed JSON"));
        // a value out of its list is told as a single assessment's body would tell it
        String atlantis = oneLine(Households.WELL_OFF_FAMILY).replaceFirst("\"region\":\"[A-Z_]+\"", "\"region\":\"ATLANTIS\"");
        Auth.as("policy").contentType("application/x-ndjson").body((atlantis + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/rule-sets/" + active + "/impact").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("line 1"))
                .body("violations[0].message", startsWith("household.region 'ATLANTIS' is not one of [KARAKALPAKSTAN, ANDIJAN"));

        // read as JSON but not a household a single assessment would take: refused now, not a job that fails later
        String noSex = oneLine(Households.WELL_OFF_FAMILY).replaceFirst("\"sex\":\"M\",", "");
        long failed = failedJobs();
        Auth.as("policy").contentType("application/x-ndjson").body((oneLine(Households.WELL_OFF_FAMILY) + "\n" + noSex + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/rule-sets/" + active + "/impact").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("line 2"))
                .body("violations[0].message", containsString("household.members[0].sex"));
        assertEquals(failed, failedJobs());

        // a bad line after two chunks stored: the job and its chunks go, nothing is compared
        var population = new java.io.ByteArrayOutputStream();
        new PopulationGenerator(15, LocalDate.parse(Households.AS_OF)).write(2 * ImpactService.CHUNK + 10, population);
        population.write(("{\"household\": {}}\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        long jobs = jobs();
        Auth.as("policy").contentType("application/x-ndjson").body(population.toByteArray())
                .post("/api/v1/rule-sets/" + active + "/impact").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("line " + (2 * ImpactService.CHUNK + 11)));
        assertEquals(jobs, jobs());
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from impact_chunk c where not exists (select 1 from impact_job j where j.id = c.job_id)").getSingleResult()).longValue()));
    }

    private long failedJobs() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from impact_job where status = 'FAILED'").getSingleResult()).longValue());
    }

    @Test
    void anImpactOfAnUnknownVersionIs404() throws Exception {
        Auth.as("policy").contentType("application/x-ndjson").body((oneLine(Households.WELL_OFF_FAMILY) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/rule-sets/3f0e8f4e-3f0e-4de3-9da8-1d57994c1309/impact").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anUnknownJobIs404() {
        Auth.as("policy").get("/api/v1/impact-jobs/3f0e8f4e-3f0e-4de3-9da8-1d57994c1309").then().statusCode(404).contentType("application/problem+json");
    }
}
