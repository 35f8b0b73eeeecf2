package uz.inson.assess.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The answer for one household: what it can get and why, how at risk it is, and what to do next. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "The assessment of one household; every item carries the table row or rule that produced it and a sentence to read aloud.")
public record AssessmentResult(
        UUID id,
        OffsetDateTime assessedAt,
        LocalDate asOf,
        String language,
        RuleSetRef ruleSet,
        Derived derived,
        @Schema(enumeration = {"LOW", "MODERATE", "HIGH", "CRITICAL"}) String riskLevel,
        int riskScore,
        List<RiskFactorResult> riskFactors,
        CasePathResult casePath,
        List<EligibleService> eligibleServices,
        @Schema(description = "Only with ?explain=near-misses: services missed by one condition, and by how much.") List<NearMiss> nearMisses) {

    public record RuleSetRef(UUID id, String version, String hash) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Derived(int householdSize, int childrenCount, int ableToWorkCount, long monthlyIncome,
                          long perCapitaIncome, long perCapitaNetIncome, Double dependencyRatio,
                          long minimumSubsistenceLevel,
                          @Schema(enumeration = {"STATE_SUPPORTED", "LOW_INCOME", "AT_RISK_OF_POVERTY", "NONE"}) String registryCategory,
                          List<MemberIndicators> members) {
    }

    public record MemberIndicators(String ref, int age, boolean ableToWork, boolean pensionAge) {
    }

    public record Reason(String text, String source) {
    }

    public record RiskFactorResult(String code, String label, int points, String area, String reason, String source) {
    }

    public record CasePathResult(
            @Schema(enumeration = {"INFORMATION_ONLY", "STANDARD_CASE", "INTENSIVE_CASE", "URGENT_CRISIS"}) String code,
            int firstContactWithinDays, int reviewEveryDays, String leadSpecialist, String reason, String source) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record EligibleService(String code, String name, String category, String kind, List<String> beneficiaries,
                                  Long amountUzs, List<Reason> reasons, String legalBasis, String provider) {
    }

    public record NearMiss(String code, String name, String category, String memberRef, String failedCondition,
                           double gap, String source) {
    }
}
