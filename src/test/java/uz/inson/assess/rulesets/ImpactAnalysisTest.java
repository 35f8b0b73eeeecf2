package uz.inson.assess.rulesets;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.inson.assess.support.Auth;
import uz.inson.assess.support.Households;
import uz.inson.assess.support.ParameterTables;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A raised minimum subsistence level, run over a small population before it is published. */
@QuarkusTest
class ImpactAnalysisTest {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    @Test
    void aBadLineOfThePopulationIsNamed() throws Exception {
        String active = Auth.as("policy").get("/api/v1/rule-sets?size=200").then().extract().path("items.find { it.status == 'ACTIVE' }.id");
        Auth.as("policy").contentType("application/x-ndjson").body((oneLine(Households.WELL_OFF_FAMILY) + "\n{not json\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/rule-sets/" + active + "/impact").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("line 2"));
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
