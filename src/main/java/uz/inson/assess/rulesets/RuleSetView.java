package uz.inson.assess.rulesets;

import com.fasterxml.jackson.annotation.JsonInclude;
import uz.inson.assess.rules.RuleSetProblem;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A rule-set version as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleSetView(UUID id, String version, String hash, UUID parentId, String author, String changeNote,
                          String status, OffsetDateTime createdAt, OffsetDateTime approvedAt, String approvedBy,
                          List<ActivationView> activations, List<String> files, Validation validation) {

    /** When this version was (or will be) put in force, by whom, and how. */
    public record ActivationView(OffsetDateTime effectiveFrom, String activatedBy, OffsetDateTime activatedAt, String kind) {
    }

    /** The last validation: problems addressed to the cell, and each scenario's result. */
    public record Validation(boolean compiles, boolean scenariosPass, List<RuleSetProblem> problems, List<RuleSetProblem> warnings,
                             List<ScenarioResult> scenarios) {
    }

    public record ScenarioResult(String file, int index, String name, boolean passed, List<String> mismatches) {
    }

    public record Page(List<RuleSetView> items, int page, int size, long total) {
    }
}
