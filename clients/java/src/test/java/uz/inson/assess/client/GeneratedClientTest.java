package uz.inson.assess.client;

import org.junit.jupiter.api.Test;
import uz.inson.assess.client.api.AssessmentsApi;
import uz.inson.assess.client.api.SignInApi;
import uz.inson.assess.client.model.AssessmentRequest;
import uz.inson.assess.client.model.AssessmentResult;
import uz.inson.assess.client.model.Credentials;
import uz.inson.assess.client.model.Disability;
import uz.inson.assess.client.model.DisabilityGroup;
import uz.inson.assess.client.model.EligibleService;
import uz.inson.assess.client.model.Employment;
import uz.inson.assess.client.model.Household;
import uz.inson.assess.client.model.Housing;
import uz.inson.assess.client.model.HousingCondition;
import uz.inson.assess.client.model.HousingTenure;
import uz.inson.assess.client.model.Member;
import uz.inson.assess.client.model.MemberFlag;
import uz.inson.assess.client.model.MonthlyExpenses;
import uz.inson.assess.client.model.MonthlyIncome;
import uz.inson.assess.client.model.Region;
import uz.inson.assess.client.model.Registry;
import uz.inson.assess.client.model.Relation;
import uz.inson.assess.client.model.Sex;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An integrator's first program, written against nothing but the generated client: sign in, assess, read the answer. */
class GeneratedClientTest {

    @Test
    void signsInAndAssessesTheDesignHousehold() throws Exception {
        ApiClient client = new ApiClient();
        client.updateBaseUri(System.getProperty("inson.url"));
        String token = new SignInApi(client).signIn(new Credentials()
                .username(System.getProperty("inson.user")).password(System.getProperty("inson.password"))).getAccessToken();
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));

        Household household = new Household()
                .region(Region.NAMANGAN).district("Chust").mahalla("Bog'ishamol")
                .housing(new Housing().tenure(HousingTenure.RENTED).condition(HousingCondition.POOR).hasUtilities(true))
                .monthlyIncome(new MonthlyIncome().wages(1_200_000L))
                .monthlyExpenses(new MonthlyExpenses().housing(500_000L).utilities(150_000L).medical(300_000L))
                .registries(Set.of(Registry.IRON_NOTEBOOK))
                .members(List.of(
                        // with a PINFL, so that .ci/run's search of the packaged service's log for PINFLs covers this run
                        new Member().ref("m1").pinfl("31203857000010").birthDate(LocalDate.of(1985, 3, 12)).sex(Sex.F)
                                .relation(Relation.HEAD).employment(Employment.UNEMPLOYED),
                        new Member().ref("m2").birthDate(LocalDate.of(2016, 7, 1)).sex(Sex.M).relation(Relation.CHILD)
                                .employment(Employment.CHILD).disability(new Disability().group(DisabilityGroup.CHILD_DISABILITY))
                                .flags(Set.of(MemberFlag.NEEDS_CARE))));
        AssessmentRequest request = new AssessmentRequest().asOf(LocalDate.now()).household(household);
        String idempotencyKey = "client-check/" + UUID.randomUUID();
        AssessmentResult answer = new AssessmentsApi(client).assessHousehold(request, null, null, "en", null, idempotencyKey);

        assertNotNull(answer.getId());
        AssessmentResult retried = new AssessmentsApi(client).assessHousehold(request, null, null, "en", null, idempotencyKey);
        assertEquals(answer.getId(), retried.getId(), "a retry under the same Idempotency-Key answers the assessment stored then");
        AssessmentResult dryRun = new AssessmentsApi(client).assessHousehold(request, null, null, "en", "false", null);
        assertNull(dryRun.getId(), "a dry run stores nothing");
        assertEquals(answer.getPackage().getMonthlyCashUzs(), dryRun.getPackage().getMonthlyCashUzs());
        assertEquals("HIGH", String.valueOf(answer.getRiskLevel()));
        assertTrue(answer.getPackage().getMonthlyCashUzs() > 0, "one monthly figure for the family");
        List<String> services = answer.getEligibleServices().stream().map(EligibleService::getCode).toList();
        assertFalse(services.isEmpty());
        assertTrue(answer.getEligibleServices().stream().allMatch(s -> s.getReasons() != null && !s.getReasons().isEmpty()),
                "every service says why");
    }
}
