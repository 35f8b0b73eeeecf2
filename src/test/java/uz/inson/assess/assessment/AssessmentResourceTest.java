package uz.inson.assess.assessment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.inson.assess.support.Auth;
import uz.inson.assess.support.Households;
import uz.inson.assess.support.RuleSets;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AssessmentResourceTest {
    @io.quarkus.test.common.http.TestHTTPResource("/api/v1/assessments")
    java.net.URI assessments;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static Response assess(String body, String query) {
        return Auth.caseWorkerFor(body).contentType(ContentType.JSON).body(body).when().post("/api/v1/assessments" + query);
    }

    @Test
    void shouldGiveThePoorFamilyWithADisabledChildDisabilityAndCashHelpWithReasons() {
        Response response = assess(Households.POOR_FAMILY_WITH_DISABLED_CHILD, "?lang=en");
        response.then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/assessments/[0-9a-f-]{36}"))
                .body("ruleSet.version", equalTo(RuleSets.REPOSITORY_VERSION))
                .body("ruleSet.hash", matchesPattern("sha256:[0-9a-f]{64}"))
                .body("derived.householdSize", is(2))
                .body("derived.perCapitaIncome", is(600000))
                .body("derived.registryCategory", equalTo("LOW_INCOME"))
                .body("derived.dependencyRatio", is(1.0f))
                .body("casePath.code", equalTo("INTENSIVE_CASE"))
                .body("riskFactors.code", hasItem("CHILD_WITH_DISABILITY"));
        JsonPath json = response.jsonPath();
        assertTrue(List.of("HIGH", "CRITICAL").contains(json.getString("riskLevel")));
        List<Map<String, Object>> services = json.getList("eligibleServices");
        Map<String, Object> rehabilitation = services.stream().filter(s -> s.get("category").equals("DISABILITY_REHABILITATION")
                && ((List<?>) s.get("beneficiaries")).contains("m2")).findFirst().orElseThrow();
        assertFalse(((List<?>) rehabilitation.get("reasons")).isEmpty());
        Map<String, Object> childAllowance = services.stream().filter(s -> s.get("code").equals("CSH-001")).findFirst().orElseThrow();
        assertEquals("CASH", childAllowance.get("kind"));
        assertEquals(350000, childAllowance.get("amountUzs"));
        Map<?, ?> reason = (Map<?, ?>) ((List<?>) childAllowance.get("reasons")).get(0);
        assertTrue(reason.get("text").toString().contains("low-income"), reason.toString());
        assertTrue(json.getList("eligibleServices.reasons.flatten().text", String.class).stream()
                .anyMatch(text -> text.toLowerCase().contains("the income per person, 600,000 uzs, is below")), "some reason quotes the income test");
        assertTrue(json.getList("eligibleServices.reasons.flatten().text", String.class).stream().noneMatch(text -> text.contains("pension age")),
                "the son (10) and the mother (41) are named with their ages: 'has not reached pension age' says nothing more");
        assertTrue(reason.get("source").toString().startsWith("eligibility-cash-benefits.drl.xlsx!Cash benefits!row "), reason.toString());
        assertNotNull(childAllowance.get("legalBasis"));
        for (Map<String, Object> factor : json.<Map<String, Object>>getList("riskFactors")) {
            assertTrue(factor.get("source").toString().startsWith("needs.drl.xlsx!Needs!row "));
            assertFalse(factor.get("reason").toString().isBlank());
        }
        assertTrue(json.getString("casePath.reason").contains("3 days"));
        assertNull(json.get("nearMisses"), "near misses only on request");
        assertNull(json.get("openServices"), "open services only on request");
    }

    @Test
    void shouldAnswerThePoorMotherByHerNeedsWithOneBelievablePackageAndTheQuestionsToAskNext() {
        JsonPath json = assess(Households.POOR_FAMILY_WITH_DISABLED_CHILD, "?lang=en").then().statusCode(201)
                .body("needs.area", hasItem("DISABILITY")).body("needs.area", hasItem("CARE")).body("needs.area", hasItem("INCOME"))
                .body("needs.find { it.area == 'DISABILITY' }.members", equalTo(List.of("m2")))
                .body("needs.find { it.area == 'DISABILITY' }.reasons[0].text", equalTo("The son, 10, is a child with a disability."))
                .body("eligibleServices.find { it.code == 'CSH-005' }.entitlement", is(true))
                .body("eligibleServices.find { it.code == 'CSH-001' }.answersNeeds", equalTo(List.of("INCOME")))
                .body("eligibleServices.find { it.code == 'CSH-001' }.frequency", equalTo("MONTHLY"))
                .body("eligibleServices.find { it.code == 'CSH-001' }.howToApply.applyAt", equalTo("INSON_CENTRE"))
                .body("questions.fact", hasItem("members[1].impairments"))
                .body("questions.find { it.fact == 'members[1].impairments' }.text", matchesPattern("Ask what kind of impairment the son, 10, has: .*"))
                // a boy of 10 is scored on the Barthel index alone: the Lawton scale is for the old
                .body("questions.find { it.fact == 'members[1].careNeed' }.text",
                        matchesPattern("Ask how much help the son, 10, needs with daily activities \\(Barthel index\\): .*"))
                .body("riskFactors.find { it.code == 'SINGLE_PARENT' }.reason", equalTo("A single parent (+8 points): one adult raises the child alone."))
                .body("meansTest.outcome", equalTo("PASSED"))
                .extract().jsonPath();
        long monthly = json.getLong("package.monthlyCashUzs");
        long subsistence = json.getLong("derived.minimumSubsistenceLevel");
        assertTrue(monthly > 0 && monthly < 2 * subsistence * 2 * 0.8, "well under twice the subsistence level per person: " + monthly);
        List<String> codes = json.getList("eligibleServices.code");
        assertTrue(codes.size() <= 20, "short enough to read aloud: " + codes);
        assertFalse(codes.contains("DIS-003") || codes.contains("DIS-004") || codes.contains("CRS-010") || codes.contains("EDU-015"), codes.toString());
        List<String> couldAdd = json.getList("questions.find { it.fact == 'members[1].impairments' }.couldAdd");
        assertTrue(couldAdd.containsAll(List.of("DIS-001", "DIS-003", "DIS-004")), couldAdd.toString());
    }

    @Test
    void shouldListHelpOpenToEveryoneApartAndOnlyWhenAskedFor() {
        JsonPath json = assess(Households.WELL_OFF_FAMILY, "?include=open-services").then().statusCode(201).extract().jsonPath();
        List<String> open = json.getList("openServices.code");
        assertTrue(open.contains("PSY-002") && open.contains("CRS-021"), open.toString());
        assertTrue(json.getList("eligibleServices.code").stream().noneMatch(open::contains));
        assess(Households.WELL_OFF_FAMILY, "?include=everything").then().statusCode(400).body("violations[0].field", equalTo("include"));
    }

    /** Stored or dry, near misses asked for or not; what is stored is the full answer, which an auditor reads. */
    @Test
    void shouldShowAnIntegratingSystemTheDecisionPackageAndQuestionsButNotTheCaseDetail() {
        for (String query : List.of("", "?persist=false&explain=near-misses")) {
            Auth.as("integration").contentType(ContentType.JSON).body(Households.POOR_FAMILY_WITH_DISABLED_CHILD).post("/api/v1/assessments" + query)
                    .then().statusCode(query.isEmpty() ? 201 : 200)
                    .body("package.monthlyCashUzs", is(org.hamcrest.Matchers.greaterThan(0)))
                    .body("eligibleServices.size()", is(org.hamcrest.Matchers.greaterThan(0)))
                    .body("questions.size()", is(org.hamcrest.Matchers.greaterThan(0)))
                    .body("needs", org.hamcrest.Matchers.nullValue())
                    .body("derived", org.hamcrest.Matchers.nullValue())
                    .body("riskFactors", org.hamcrest.Matchers.nullValue())
                    .body("nearMisses", org.hamcrest.Matchers.nullValue());
        }
        String id = Auth.as("integration").contentType(ContentType.JSON).body(Households.POOR_FAMILY_WITH_DISABLED_CHILD)
                .post("/api/v1/assessments").then().statusCode(201).extract().path("id");
        Auth.as("auditor").get("/api/v1/assessments/" + id).then().statusCode(200)
                .body("needs.size()", is(org.hamcrest.Matchers.greaterThan(0)))
                .body("riskFactors.size()", is(org.hamcrest.Matchers.greaterThan(0)))
                .body("derived.householdSize", is(2));
    }

    /**
     * A JSON body with a declared length sent over HTTP/1 is read before the endpoint's worker starts (EagerBody); one
     * streamed without a length, or sent over HTTP/2 (Java's client upgrades a plain connection), is read by the
     * endpoint itself. All get the same answer.
     */
    @Test
    void aHouseholdIsAnsweredAlikeWithOrWithoutItsLengthOverHttp1Or2() throws Exception {
        String body = Households.POOR_FAMILY_WITH_DISABLED_CHILD;
        JsonPath http1 = Auth.as("integration").contentType(ContentType.JSON).body(body).post("/api/v1/assessments?persist=false")
                .then().statusCode(200).extract().jsonPath();
        assertFalse(http1.getList("eligibleServices.code").isEmpty());
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_2).build();
        java.util.function.Supplier<java.io.InputStream> stream = () -> new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (java.net.http.HttpRequest.BodyPublisher publisher : List.of(java.net.http.HttpRequest.BodyPublishers.ofString(body),
                java.net.http.HttpRequest.BodyPublishers.ofInputStream(stream))) {
            for (int i = 0; i < 2; i++) { // the first request of a connection upgrades it to HTTP/2, the second is sent over it
                java.net.http.HttpResponse<String> answer = client.send(java.net.http.HttpRequest
                        .newBuilder(java.net.URI.create(assessments + "?persist=false")).header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + Auth.token("integration")).POST(publisher).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertEquals(200, answer.statusCode(), answer.body());
                JsonPath other = JsonPath.from(answer.body());
                assertEquals(http1.getList("eligibleServices.code"), other.getList("eligibleServices.code"));
                assertEquals(http1.getString("riskLevel"), other.getString("riskLevel"));
                assertEquals(http1.getMap("package"), other.getMap("package"));
            }
        }
    }

    @Test
    void aDryRunAnswersAsTheStoredAssessmentDoesAndStoresNothing() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode request = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(Households.POOR_FAMILY_WITH_DISABLED_CHILD);
        String externalId = "DRY-" + java.util.UUID.randomUUID().toString().substring(0, 12);
        ((com.fasterxml.jackson.databind.node.ObjectNode) request.get("household")).put("externalId", externalId);
        java.util.function.LongSupplier stored = () -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> AssessmentEntity.count("externalId", externalId));

        Response dry = Auth.as("caseworker").contentType(ContentType.JSON).body(request.toString()).post("/api/v1/assessments?persist=false&lang=en");
        dry.then().statusCode(200).header("Location", org.hamcrest.Matchers.nullValue());
        assertEquals(0, stored.getAsLong(), "a dry run stores nothing");
        com.fasterxml.jackson.databind.node.ObjectNode dryAnswer = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(dry.asString());
        assertNull(dryAnswer.get("id"), "nothing stored, so no id");

        com.fasterxml.jackson.databind.node.ObjectNode kept = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(
                Auth.as("caseworker").contentType(ContentType.JSON).body(request.toString()).post("/api/v1/assessments?lang=en")
                        .then().statusCode(201).extract().asString());
        assertEquals(1, stored.getAsLong());
        kept.remove(List.of("id", "assessedAt"));
        dryAnswer.remove(List.of("id", "assessedAt"));
        assertEquals(kept, dryAnswer, "the same answer, stored or not");
        Auth.as("auditor").queryParam("actor", "caseworker").queryParam("action", "POST /api/v1/assessments").get("/api/v1/audit")
                .then().statusCode(200).body("items.outcome", hasItem(200));

        Auth.as("caseworker").contentType(ContentType.JSON).body(request.toString()).post("/api/v1/assessments?persist=no")
                .then().statusCode(400).body("violations[0].field", is("persist"));
    }

    @Test
    void shouldRefuseAReceivedServiceTheCatalogueDoesNotKnow() {
        String household = Households.POOR_FAMILY_WITH_DISABLED_CHILD.replace("\"registries\": [\"IRON_NOTEBOOK\"],",
                "\"registries\": [\"IRON_NOTEBOOK\"], \"receives\": [\"CSH-999\"],");
        assess(household, "").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("household.receives"));
    }

    @Test
    void shouldNotPayAgainWhatTheFamilyAlreadyReceives() {
        String household = Households.POOR_FAMILY_WITH_DISABLED_CHILD.replace("\"registries\": [\"IRON_NOTEBOOK\"],",
                "\"registries\": [\"IRON_NOTEBOOK\"], \"receives\": [\"CSH-005\"],");
        JsonPath before = assess(Households.POOR_FAMILY_WITH_DISABLED_CHILD, "").jsonPath();
        JsonPath after = assess(household, "").then().statusCode(201)
                .body("eligibleServices.find { it.code == 'CSH-005' }.alreadyReceived", is(true))
                .body("package.alreadyReceivedMonthlyUzs", is(800000)).extract().jsonPath();
        assertEquals(before.getLong("package.monthlyCashUzs") - 800_000, after.getLong("package.monthlyCashUzs"));
    }

    /**
     * Grandparents bringing up an orphaned grandson beside their grown son: the guardian is named as the boy's family
     * names her — "the grandmother", not "the mother" (of the son) — in every language.
     */
    @Test
    void shouldNameTheGuardianOfAnOrphanedGrandsonAsHisGrandmother() {
        Map<String, String> said = Map.of(
                "en", "the grandson, 12, has lost his parents; he lives with his guardian, the grandmother, 66",
                "ru", "он живёт в семье своего опекуна; опекун — бабушка (66 лет)",
                "uz", "vasiysi bilan yashaydi; vasiysi — buvi (66 yosh)");
        said.forEach((lang, words) -> {
            String reason = assess(Households.ORPHANED_GRANDSON_WITH_GRANDPARENTS, "?persist=false&lang=" + lang).then().statusCode(200).extract().jsonPath()
                    .getString("eligibleServices.find { it.code == 'FAM-001' }.reasons[0].text");
            assertTrue(reason.toLowerCase(java.util.Locale.ROOT).contains(words), lang + ": " + reason);
        });
    }

    /**
     * The head's sister is named from the generation the head is named from: "the aunt" to the children where the head is
     * "the father" (in Uzbek "amma", the father's sister), and where there are no children, in Uzbek, an elder sister
     * ("opa") or a younger one ("singil") by the birth dates, not "opa yoki singil" — which stays for a household that
     * records no head to compare with.
     */
    @Test
    void shouldNameTheHeadsSisterAsTheFamilyDoes() {
        String withChildren = Households.WELL_OFF_FAMILY.replace("""
                  { "ref": "c", "birthDate": "2013-01-15", "sex": "M", "relation": "CHILD", "employment": "CHILD" }""", """
                  { "ref": "c", "birthDate": "2013-01-15", "sex": "M", "relation": "CHILD", "employment": "CHILD" },
                  { "ref": "d", "birthDate": "1986-04-11", "sex": "F", "relation": "SIBLING", "employment": "HOMEMAKER",
                    "flags": ["DOMESTIC_VIOLENCE_VICTIM"] }""");
        String withoutChildren = withChildren.replace("""
                  { "ref": "c", "birthDate": "2013-01-15", "sex": "M", "relation": "CHILD", "employment": "CHILD" },
                  """, "").replace("\"birthDate\": \"1986-04-11\"", "\"birthDate\": \"1979-04-11\"");
        String withoutHead = withoutChildren.replace("\"relation\": \"HEAD\"", "\"relation\": \"OTHER_RELATIVE\"");
        Map<String, String> aunt = Map.of("en", "the aunt, 40,", "ru", "тётя (40 лет)", "uz", "amma (40 yosh)");
        Map<String, String> sister = Map.of("en", "the sister, 47,", "ru", "сестра (47 лет)", "uz", "opa (47 yosh)");
        Map<String, String> eitherSister = Map.of("en", "the sister, 47,", "ru", "сестра (47 лет)", "uz", "opa yoki singil (47 yosh)");
        for (Map.Entry<String, Map<String, String>> household : Map.of(withChildren, aunt, withoutChildren, sister, withoutHead, eitherSister).entrySet()) {
            household.getValue().forEach((lang, name) -> {
                String reason = assess(household.getKey(), "?persist=false&lang=" + lang).then().statusCode(200).extract().jsonPath()
                        .getString("riskFactors.find { it.code == 'DOMESTIC_VIOLENCE' }.reason");
                assertTrue(reason.toLowerCase(java.util.Locale.ROOT).contains(name), lang + ": " + reason);
            });
        }
    }

    /**
     * Home adaptation lists every kind of home, so that only a family without one is left out: the reason says the family
     * has a home, not which ("the family rents its home" read as if renting were the point).
     */
    @Test
    void shouldSayAFamilyHasAHomeWhereARowAcceptsAnyHome() {
        String household = Households.POOR_FAMILY_WITH_DISABLED_CHILD.replace("\"disability\": { \"group\": \"CHILD_DISABILITY\" },",
                "\"disability\": { \"group\": \"CHILD_DISABILITY\" }, \"impairments\": [\"MOBILITY\"],");
        Map.of("en", "the family has a home;", "ru", "у семьи есть жильё;", "uz", "oilaning uy-joyi bor;").forEach((lang, words) -> {
            String reason = assess(household, "?persist=false&lang=" + lang).then().statusCode(200).extract().jsonPath()
                    .getString("eligibleServices.find { it.code == 'INC-001' }.reasons[0].text");
            assertTrue(reason.toLowerCase(java.util.Locale.ROOT).startsWith(words), lang + ": " + reason);
        });
    }

    /**
     * Help adapting to a newly acquired disability goes to someone first recognised as disabled within the year, and the
     * reason says when; where the date was not recorded, the answer asks for it instead of offering the help.
     */
    @Test
    void shouldOfferAdaptationSupportForANewDisabilityOnlyWhenItsDateSaysSo() {
        Map<String, String> reasons = Map.of(
                "en", "she was first recognised as disabled 7 months ago",
                "ru", "она впервые получила инвалидность 7 месяцев назад",
                "uz", "nogironlikni birinchi marta 7 oy oldin olgan");
        Map<String, String> questions = Map.of(
                "en", "ask when the wife, 38, was first recognised as disabled",
                "ru", "спросите, когда жена (38 лет) впервые получила инвалидность",
                "uz", "xotin (38 yosh) nogironlikni birinchi marta qachon olganini so'rang");
        String undated = Households.NEWLY_DISABLED_WOMAN.replace(", \"firstEstablishedOn\": \"2026-04-14\"", "");
        reasons.forEach((lang, words) -> {
            String reason = assess(Households.NEWLY_DISABLED_WOMAN, "?persist=false&lang=" + lang).then().statusCode(200).extract().jsonPath()
                    .getString("eligibleServices.find { it.code == 'PSY-012' }.reasons[0].text");
            assertTrue(reason.toLowerCase(java.util.Locale.ROOT).contains(words), lang + ": " + reason);
            JsonPath json = assess(undated, "?persist=false&lang=" + lang).then().statusCode(200).extract().jsonPath();
            assertFalse(json.getList("eligibleServices.code").contains("PSY-012"), lang);
            String question = json.getString("questions.find { it.fact == 'members[0].disability.firstEstablishedOn' }.text");
            assertTrue(question != null && question.toLowerCase(java.util.Locale.ROOT).contains(questions.get(lang)), lang + ": " + question);
        });
    }

    /**
     * A reason says why, not which row: a woman of 73 is not told she is not pregnant or that she is a woman, a couple
     * without children is not told their children are not raised by a single parent — and she is not offered
     * reproductive health screening. Where being a woman is the row's only word about her, she is named as the recipient.
     */
    @Test
    void shouldNotReadAloudTheConditionsThatOnlyTellRowsApart() {
        Map<String, List<String>> unsaid = Map.of(
                "en", List.of("not pregnant", "a woman or a girl", "single parent", "does not already receive"),
                "ru", List.of("не беременна", "женщина или девочка", "неполной", "ещё не получает"),
                "uz", List.of("homilador emas", "ayol yoki qiz bola", "to'liq bo'lmagan", "oila hali “"));
        Map<String, String> recipients = Map.of("en", "the recipient is the wife, 38", "ru", "получатель — жена (38 лет)",
                "uz", "oluvchi — xotin (38 yosh)");
        // "a relative" does not say she is a woman, so the clause names her as the recipient; «родственница» does, so it goes unsaid
        Map<String, String> studentRecipients = Map.of("en", "the recipient is a relative, 22; she is studying", "ru", "«Женская тетрадь»; родственница (22 года) учится",
                "uz", "oluvchi — qarindosh (22 yosh)");
        unsaid.forEach((lang, phrases) -> {
            JsonPath elderly = assess(Households.ELDERLY_WOMAN_WHO_SUFFERED_VIOLENCE, "?persist=false&lang=" + lang).then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(List.of("m2"), elderly.getList("eligibleServices.find { it.code == 'CRS-001' }.beneficiaries"), lang);
            assertFalse(elderly.getList("eligibleServices.code").contains("HLT-015"), lang);
            JsonPath couple = assess(Households.CHILDLESS_COUPLE_AT_RISK_OF_POVERTY, "?persist=false&lang=" + lang).then().statusCode(200)
                    .extract().jsonPath();
            assertTrue(couple.getList("eligibleServices.code").contains("EMP-005"), lang);
            JsonPath notebook = assess(Households.NEWLY_DISABLED_WOMAN.replace("\"registries\": []", "\"registries\": [\"WOMEN_NOTEBOOK\"]")
                    .replace("\"impairments\": [\"VISION\"]", "\"impairments\": [\"VISION\"], \"flags\": [\"CHRONIC_ILLNESS\"]"),
                    "?persist=false&lang=" + lang).then().statusCode(200).extract().jsonPath();
            String screening = notebook.getString("eligibleServices.find { it.code == 'HLT-015' }.reasons[0].text");
            assertTrue(screening.contains(recipients.get(lang)), lang + ": " + screening);
            JsonPath student = assess(Households.FAMILY_WITH_A_NIECE_AT_UNIVERSITY, "?persist=false&lang=" + lang).then().statusCode(200)
                    .extract().jsonPath();
            List<String> tuition = student.getList("eligibleServices.find { it.code == 'EDU-003' }.reasons.text");
            assertTrue(tuition.stream().anyMatch(r -> r.contains(studentRecipients.get(lang))), lang + ": " + tuition);
            JsonPath ill = assess(Households.COUPLE_WITH_A_CHRONICALLY_ILL_WIFE, "?persist=false&lang=" + lang).then().statusCode(200)
                    .extract().jsonPath();
            assertTrue(ill.getList("eligibleServices.code").contains("HLT-016"), lang);
            List<String> reasons = new java.util.ArrayList<>(elderly.getList("eligibleServices.reasons.text.flatten()"));
            reasons.addAll(ill.getList("eligibleServices.reasons.text.flatten()"));
            reasons.addAll(student.getList("eligibleServices.reasons.text.flatten()"));
            reasons.addAll(couple.getList("eligibleServices.reasons.text.flatten()"));
            reasons.addAll(notebook.getList("eligibleServices.reasons.text.flatten()"));
            for (String phrase : phrases) {
                assertTrue(reasons.stream().noneMatch(r -> r.contains(phrase)), lang + ": '" + phrase + "' in " + reasons);
            }
        });
    }

    @Test
    void shouldSayNothingIsLeftToLiveOnWhereEssentialCostsExceedTheIncomeNotANegativeSum() {
        Map<String, String> nothingLeft = Map.of(
                "en", "come to 35,333 UZS per person more than the family's income: nothing is left to live on",
                "ru", "обходятся семье на 35\u00a0333 сума на человека дороже её дохода",
                "uz", "har bir kishi hisobiga oila daromadidan 35\u00a0333 so'mga ko'p"); // ICU groups thousands with a no-break space
        nothingLeft.forEach((lang, phrase) -> {
            JsonPath json = assess(Households.FAMILY_WHOSE_COSTS_EXCEED_ITS_INCOME, "?persist=false&lang=" + lang).then().statusCode(200)
                    .body("derived.perCapitaNetIncome", equalTo(-35333)).extract().jsonPath();
            List<String> reasons = json.getList("eligibleServices.reasons.text.flatten()");
            assertTrue(reasons.stream().anyMatch(r -> r.contains(phrase)), lang + ": " + reasons);
            assertTrue(reasons.stream().noneMatch(r -> r.contains("-35")), lang + ": " + reasons);
        });
    }

    @Test
    void shouldSayARiskFactorOnceWhereItsReasonWouldRepeatItsNameAndTheSubsistenceLevelInWords() {
        JsonPath ru = assess(Households.POOR_FAMILY_WITH_DISABLED_CHILD, "?persist=false&lang=ru").then().statusCode(200).extract().jsonPath();
        assertEquals("Жильё в плохом состоянии (+8 баллов).", ru.getString("riskFactors.find { it.code == 'POOR_HOUSING' }.reason"));
        JsonPath en = assess(Households.POOR_FAMILY_WITH_DISABLED_CHILD, "?persist=false&lang=en").then().statusCode(200).extract().jsonPath();
        assertEquals("A home in poor condition (+8 points): the home is in poor condition.",
                en.getString("riskFactors.find { it.code == 'POOR_HOUSING' }.reason"));
        for (JsonPath answer : List.of(ru, en)) {
            List<String> reasons = answer.getList("eligibleServices.reasons.text.flatten()");
            assertTrue(reasons.stream().noneMatch(r -> r.contains(" 1 ×") || r.contains("1,5 ×") || r.contains("1.5 ×")), reasons.toString());
        }
    }

    @Test
    void shouldSayLandAtTheLimitReachesItRatherThanNameTheLimitAsIfItWereAllowed() {
        String atTheLimit = Households.CHILDLESS_COUPLE_AT_RISK_OF_POVERTY.replace("\"landPlotSqm\": 0", "\"landPlotSqm\": 2000");
        Map<String, String> said = Map.of("en", "the family has 2,000 m² of land, at or above the limit of 2,000 m²",
                "ru", "у семьи 2\u00a0000 м² земли — это не меньше предела в 2\u00a0000 м²",
                "uz", "oilaning 2\u00a0000 m² yeri bor — bu 2\u00a0000 m² chegarasidan kam emas");
        said.forEach((lang, words) -> {
            JsonPath json = assess(atTheLimit, "?persist=false&lang=" + lang).then().statusCode(200).body("meansTest.outcome", equalTo("EXCLUDED"))
                    .extract().jsonPath();
            List<String> reasons = json.getList("meansTest.reasons.text");
            assertTrue(reasons.stream().anyMatch(r -> r.contains(words)), lang + ": " + reasons);
        });
    }

    @Test
    void shouldAskForTheLawtonScaleOnlyOfThoseOldEnoughForIt() {
        String oldCouple = Households.CHILDLESS_COUPLE_AT_RISK_OF_POVERTY.replace("1971-05-28", "1942-05-28").replace("1972-01-21", "1944-01-21")
                .replace("\"employment\": \"EMPLOYED_INFORMAL\"", "\"employment\": \"PENSIONER\"")
                .replace("\"employment\": \"UNEMPLOYED\", \"registeredJobSeeker\": true", "\"employment\": \"PENSIONER\"");
        String question = assess(oldCouple, "?persist=false&lang=en").then().statusCode(200).extract().jsonPath()
                .getString("questions.find { it.fact == 'members[0].careNeed' }.text");
        assertTrue(question != null && question.startsWith("Ask how much help the husband, 84, needs with daily activities (Barthel index; Lawton scale)"),
                String.valueOf(question));
    }

    /**
     * Work at home for a carer answers a need for care, which the father, 84, would give the household if he needs help:
     * the question about him says so, and once his answer is known the daughter is offered it.
     */
    @Test
    void shouldSayWhatACarerCouldGetOnceTheFathersCareNeedIsKnown() {
        String fatherAndDaughter = Households.CHILDLESS_COUPLE_AT_RISK_OF_POVERTY.replace("1971-05-28", "1942-05-28")
                .replace("\"employment\": \"EMPLOYED_INFORMAL\"", "\"employment\": \"PENSIONER\"")
                .replace("\"wages\": 1793000, \"pensions\": 0", "\"wages\": 0, \"pensions\": 1793000")
                .replace("\"birthDate\": \"1972-01-21\", \"sex\": \"F\", \"relation\": \"SPOUSE\", \"employment\": \"UNEMPLOYED\", \"registeredJobSeeker\": true",
                        "\"birthDate\": \"1984-01-21\", \"sex\": \"F\", \"relation\": \"CHILD\", \"employment\": \"HOMEMAKER\", \"registeredJobSeeker\": false");
        JsonPath asked = assess(fatherAndDaughter, "?persist=false&lang=en").then().statusCode(200)
                .body("needs.area", not(hasItem("CARE")))
                .body("eligibleServices.code", not(hasItem("EMP-020")))
                .extract().jsonPath();
        assertTrue(asked.getList("questions.find { it.fact == 'members[0].careNeed' }.couldAdd", String.class).contains("EMP-020"),
                asked.getList("questions").toString());

        String known = fatherAndDaughter.replace("\"relation\": \"HEAD\", \"employment\": \"PENSIONER\"",
                "\"relation\": \"HEAD\", \"employment\": \"PENSIONER\", \"careNeed\": { \"barthel\": 20, \"lawton\": 1 }");
        assess(known, "?persist=false&lang=en").then().statusCode(200)
                .body("needs.area", hasItem("CARE"))
                .body("eligibleServices.find { it.code == 'EMP-020' }.beneficiaries", equalTo(List.of("m2")))
                .body("questions.fact", not(hasItem("members[0].careNeed")));
    }

    @Test
    void shouldGiveAWellOffFamilyLowRiskInformationOnlyAndNoMeansTestedCash() {
        JsonPath json = assess(Households.WELL_OFF_FAMILY, "").then().statusCode(201)
                .body("riskLevel", equalTo("LOW"))
                .body("casePath.code", equalTo("INFORMATION_ONLY"))
                .body("derived.registryCategory", equalTo("NONE"))
                .extract().jsonPath();
        List<String> cash = json.getList("eligibleServices.findAll { it.kind == 'CASH' }.code");
        List<String> meansTestedCash = Auth.as("caseworker").queryParam("category", "CASH_BENEFITS").queryParam("size", 500)
                .get("/api/v1/catalog/services").jsonPath().getList("items.findAll { it.meansTested }.code");
        assertTrue(cash.stream().noneMatch(meansTestedCash::contains), "means-tested cash granted: " + cash);
    }

    @Test
    void shouldSendAVictimOfDomesticViolenceOnTheUrgentCrisisPath() {
        assess(Households.DOMESTIC_VIOLENCE_VICTIM, "?lang=en").then().statusCode(201)
                .body("casePath.code", equalTo("URGENT_CRISIS"))
                .body("casePath.firstContactWithinDays", is(0))
                .body("riskFactors.code", hasItem("DOMESTIC_VIOLENCE"))
                .body("eligibleServices.category", hasItem("CRISIS_SHELTER"));
    }

    @Test
    void shouldAnswerTheSameHouseholdTheSameWayTwice() {
        Map<String, Object> first = assess(Households.POOR_FAMILY_WITH_DISABLED_CHILD, "").then().statusCode(201).extract().jsonPath().getMap("");
        Map<String, Object> second = assess(Households.POOR_FAMILY_WITH_DISABLED_CHILD, "").then().statusCode(201).extract().jsonPath().getMap("");
        assertFalse(first.get("id").equals(second.get("id")));
        first.keySet().removeAll(List.of("id", "assessedAt"));
        second.keySet().removeAll(List.of("id", "assessedAt"));
        assertEquals(first, second);
    }

    @Test
    void shouldReturnAStoredAssessmentAsItWasAnswered() {
        Response created = assess(Households.DOMESTIC_VIOLENCE_VICTIM, "?lang=ru");
        String location = created.then().statusCode(201).extract().header("Location");
        Map<String, Object> stored = Auth.caseWorkerFor(Households.DOMESTIC_VIOLENCE_VICTIM).get(location).then().statusCode(200).extract().jsonPath().getMap("");
        assertEquals(created.jsonPath().getMap(""), stored);
    }

    @Test
    void shouldNameServicesAndReasonsInTheRequestedLanguage() {
        String uz = assess(Households.POOR_FAMILY_WITH_DISABLED_CHILD, "").jsonPath().getString("eligibleServices.find { it.code == 'CSH-001' }.name");
        String ru = Auth.caseWorkerFor(Households.POOR_FAMILY_WITH_DISABLED_CHILD).contentType(ContentType.JSON).header("Accept-Language", "ru-RU,ru;q=0.9").body(Households.POOR_FAMILY_WITH_DISABLED_CHILD)
                .post("/api/v1/assessments").then().statusCode(201).body("language", equalTo("ru"))
                .extract().jsonPath().getString("eligibleServices.find { it.code == 'CSH-001' }.reasons[0].text");
        String en = assess(Households.POOR_FAMILY_WITH_DISABLED_CHILD, "?lang=en").jsonPath().getString("eligibleServices.find { it.code == 'CSH-001' }.name");
        assertTrue(uz.matches("[\\p{IsLatin}\\d\\s\\p{Punct}‘’ʻʼ-]+"), uz);
        assertTrue(ru.chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC), ru);
        assertTrue(en.toLowerCase().contains("allowance") || en.toLowerCase().contains("benefit"), en);
    }

    @Test
    void shouldExplainServicesMissedByIncomeJustAboveTheLimit() {
        JsonPath json = assess(Households.JUST_ABOVE_THE_MINIMUM, "?lang=en&explain=near-misses").then().statusCode(201)
                .body("derived.perCapitaIncome", is(750000))
                .body("derived.registryCategory", equalTo("AT_RISK_OF_POVERTY"))
                .extract().jsonPath();
        List<Map<String, Object>> misses = json.getList("nearMisses");
        Map<String, Object> childAllowance = misses.stream().filter(m -> m.get("code").equals("CSH-001")).findFirst().orElseThrow();
        assertTrue(childAllowance.get("failedCondition").toString().contains("750,000"), childAllowance.toString());
        assertEquals(30000.0, ((Number) childAllowance.get("gap")).doubleValue());
        List<String> granted = json.getList("eligibleServices.code");
        assertTrue(misses.stream().noneMatch(m -> granted.contains(m.get("code"))), "a near miss is never a granted service");
    }

    @Test
    void shouldRejectAnUnknownExplainOption() {
        assess(Households.WELL_OFF_FAMILY, "?explain=everything").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("explain"));
    }

    @Test
    void shouldAnswer404ForAnUnknownAssessment() {
        Auth.as("auditor").get("/api/v1/assessments/3f0e8f4e-3f0e-4de3-9da8-1d57994c1309").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("not-found"));
    }

    @Test
    void shouldAnswer400NamingAMalformedAssessmentId() {
        Auth.as("auditor").get("/api/v1/assessments/not-a-uuid").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("id"));
    }

    @Test
    void shouldServeTheOpenApiDocumentWithTheAssessmentExample() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/assessments'.post.summary", equalTo("Assess one household"))
                .body("info.title", endsWith("Inson Assess API"));
    }
}
