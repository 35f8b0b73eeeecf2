package uz.inson.assess.batch;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uz.inson.assess.assessment.AssessmentResult;
import uz.inson.assess.assessment.Decision;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The decision without words ({@code detail=decision}): services, cash package, risk level and case path. */
@Schema(name = "BatchDecision", description = "The decision for one household without sentences: service codes (cash first), the cash package, risk level and case path.")
public record BatchDecision(
        @Schema(description = "The stored assessment; absent with persist=false.") UUID id,
        LocalDate asOf,
        AssessmentResult.RuleSetRef ruleSet,
        @Schema(enumeration = {"LOW", "MODERATE", "HIGH", "CRITICAL"}) String riskLevel,
        int riskScore,
        @Schema(enumeration = {"INFORMATION_ONLY", "STANDARD_CASE", "INTENSIVE_CASE", "URGENT_CRISIS"}) String casePath,
        @Schema(description = "Codes of the eligible services, in the order of eligibleServices.") List<String> services,
        @JsonProperty("package") Package cashPackage) {

    @Schema(name = "BatchPackage")
    public record Package(long monthlyCashUzs, long oneOffCashUzs, long yearlyCashUzs) {
    }

    /** From a decision just made and not stored. */
    static BatchDecision of(Decision decision) {
        Decision.CashPackage cash = decision.cashPackage();
        return new BatchDecision(null, decision.asOf(),
                new AssessmentResult.RuleSetRef(decision.ruleSet().id(), decision.ruleSet().version(), decision.ruleSet().hash()),
                decision.riskLevel(), decision.risk().score(), decision.casePathCode(),
                decision.recommendations().stream().map(Decision.Recommendation::code).toList(),
                new Package(cash.monthlyCashUzs(), cash.oneOffCashUzs(), cash.yearlyCashUzs()));
    }

    /** From a stored (or just stored) answer. */
    static BatchDecision of(AssessmentResult result) {
        AssessmentResult.CashPackageResult cash = result.cashPackage();
        return new BatchDecision(result.id(), result.asOf(), result.ruleSet(), result.riskLevel(), result.riskScore(), result.casePath().code(),
                result.eligibleServices().stream().map(AssessmentResult.EligibleService::code).toList(),
                new Package(cash.monthlyCashUzs(), cash.oneOffCashUzs(), cash.yearlyCashUzs()));
    }
}
