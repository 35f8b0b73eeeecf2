package uz.inson.assess.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uz.inson.assess.audit.AuditedObject;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The answer for one household: what it needs, what it can get and why, one cash package, how at risk it is, what to do and ask next. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "The assessment of one household; every item carries the table row or rule that produced it and a sentence to read aloud.")
public record AssessmentResult(
        UUID id,
        OffsetDateTime assessedAt,
        LocalDate asOf,
        String language,
        RuleSetRef ruleSet,
        Derived derived,
        @Schema(description = "Needs by area of life, each with its level, the members concerned and the reasons.") List<NeedResult> needs,
        @Schema(enumeration = {"LOW", "MODERATE", "HIGH", "CRITICAL"}) String riskLevel,
        @Schema(description = "Points of the problems found; they order households within a risk level.") int riskScore,
        List<RiskFactorResult> riskFactors,
        CasePathResult casePath,
        @Schema(description = "What this household specifically qualifies for, cash first.") List<EligibleService> eligibleServices,
        @JsonProperty("package") @Schema(description = "The cash of the eligible services in one figure per frequency.") CashPackageResult cashPackage,
        MeansTestResult meansTest,
        @Schema(description = "Facts worth asking next: each could add the services listed.") List<QuestionResult> questions,
        @Schema(description = "Only with ?include=open-services: help open to everyone (helplines, first consultations).") List<OpenService> openServices,
        @Schema(description = "Only with ?explain=near-misses: services missed by one condition, and by how much.") List<NearMiss> nearMisses) implements AuditedObject {

    @Override
    public String auditedId() {
        return id == null ? null : id.toString();
    }

    /** The same answer, stored under an id and a time. */
    public AssessmentResult identified(UUID id, OffsetDateTime assessedAt) {
        return new AssessmentResult(id, assessedAt, asOf, language, ruleSet, derived, needs, riskLevel, riskScore, riskFactors, casePath,
                eligibleServices, cashPackage, meansTest, questions, openServices, nearMisses);
    }

    /** The same answer without what an integrating system should not hold: derived figures, needs, risk factors, near misses. */
    public AssessmentResult withoutCaseDetail() {
        return new AssessmentResult(id, assessedAt, asOf, language, ruleSet, null, null, riskLevel, riskScore, null, casePath,
                eligibleServices, cashPackage, meansTest, questions, openServices, null);
    }

    public record RuleSetRef(UUID id, String version, String hash) {
    }

    public record Derived(int householdSize, int childrenCount, int ableToWorkCount, long monthlyIncome,
                          long perCapitaIncome, long perCapitaNetIncome, Double dependencyRatio,
                          long minimumSubsistenceLevel,
                          @Schema(enumeration = {"STATE_SUPPORTED", "LOW_INCOME", "AT_RISK_OF_POVERTY", "NONE"}) String registryCategory,
                          List<MemberIndicators> members) {
    }

    public record MemberIndicators(String ref, int age, boolean ableToWork, boolean pensionAge,
                                   @Schema(enumeration = {"HIGH", "MODERATE", "NONE", "UNKNOWN"}) String careDependency) {
    }

    public record Reason(String text, String source) {
    }

    public record NeedResult(
            @Schema(enumeration = {"INCOME", "HOUSING", "HEALTH", "DISABILITY", "CARE", "EMPLOYMENT", "EDUCATION", "SAFETY", "FAMILY",
                    "PSYCHOSOCIAL", "DOCUMENTS_AND_RIGHTS"}) String area,
            String label, @Schema(enumeration = {"MODERATE", "HIGH"}) String level, List<String> members, List<Reason> reasons) {
    }

    public record RiskFactorResult(String code, String label, int points, String area, String reason, String source) {
    }

    public record CasePathResult(
            @Schema(enumeration = {"INFORMATION_ONLY", "STANDARD_CASE", "INTENSIVE_CASE", "URGENT_CRISIS"}) String code,
            int firstContactWithinDays, int reviewEveryDays, String leadSpecialist, String reason, String source) {
    }

    public record EligibleService(
            String code, String name, String category,
            @Schema(enumeration = {"CASH", "IN_KIND", "SERVICE", "REFERRAL"}) String kind,
            List<String> beneficiaries,
            @Schema(nullable = true, description = "For cash: UZS per the frequency, after any borderline share; null otherwise.") Long amountUzs,
            @Schema(enumeration = {"MONTHLY", "ONE_OFF", "YEARLY", "SEASONAL"}) String frequency,
            @Schema(description = "The areas of need it answers; empty for an entitlement.") List<String> answersNeeds,
            @Schema(description = "Due by law whatever the assessed needs.") boolean entitlement,
            @Schema(nullable = true, description = "Benefits of one group are not paid together.") String exclusiveGroup,
            @Schema(description = "The family already receives it: not counted again in the package.") boolean alreadyReceived,
            List<Reason> reasons, HowToApply howToApply, String legalBasis, String provider) {
    }

    /** Where the family goes, what it brings, and whether it needs to apply at all. */
    public record HowToApply(
            @Schema(enumeration = {"INSON_CENTRE", "MAHALLA", "POLYCLINIC", "MEDICAL_ASSOCIATION", "EMPLOYMENT_CENTRE", "KHOKIMIYAT", "SCHOOL",
                    "PRESCHOOL", "LEGAL_AID_CENTRE", "CRISIS_CENTRE", "REHABILITATION_CENTRE", "MEDICAL_COMMISSION", "NSPA_DISTRICT",
                    "YOUTH_AGENCY", "HELPLINE", "GUARDIANSHIP_BODY", "MIGRATION_AGENCY", "PUBLIC_SERVICES_CENTRE", "BANK"}) String applyAt,
            List<String> documents, boolean automatic, @Schema(description = "The same in a sentence, in the requested language.") String text) {
    }

    public record CashPackageResult(long monthlyCashUzs, long oneOffCashUzs, long yearlyCashUzs,
                                    @Schema(description = "Monthly cash of members' own benefits, by member ref.") Map<String, Long> byMember,
                                    @Schema(description = "Monthly cash of benefits the family already receives (counted against the cap, not in the package).")
                                    long alreadyReceivedMonthlyUzs,
                                    @Schema(nullable = true) Cap cappedBy) {
    }

    public record Cap(String parameter, long limitUzs, long beforeCapUzs, String reason, String source) {
    }

    public record MeansTestResult(@Schema(enumeration = {"PASSED", "TO_VERIFY", "EXCLUDED", "UNKNOWN"}) String outcome,
                                  List<Reason> reasons, @Schema(description = "Means-tested cash held back by the test.") List<String> withheld) {
    }

    public record QuestionResult(String text, @Schema(description = "The request field to fill in, e.g. members[1].impairments.") String fact,
                                 @Schema(nullable = true) String member, List<String> couldAdd) {
    }

    public record OpenService(String code, String name, String category, HowToApply howToApply) {
    }

    public record NearMiss(String code, String name, String category, String memberRef, String failedCondition,
                           double gap, String source) {
    }
}
