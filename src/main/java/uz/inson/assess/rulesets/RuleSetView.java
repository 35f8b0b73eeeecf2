package uz.inson.assess.rulesets;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uz.inson.assess.audit.AuditedObject;
import uz.inson.assess.common.Language;
import uz.inson.assess.rules.RuleSetProblem;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A rule-set version as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleSetView(UUID id, String version, String hash, UUID parentId, String author, String changeNote,
                          String status, OffsetDateTime createdAt, OffsetDateTime approvedAt, String approvedBy,
                          List<ActivationView> activations, List<String> files, Validation validation) implements AuditedObject {

    @Override
    public String auditedId() {
        return id.toString();
    }

    /** When this version was (or will be) put in force, by whom, and how. */
    public record ActivationView(OffsetDateTime effectiveFrom, String activatedBy, OffsetDateTime activatedAt, String kind) {
    }

    /** The last validation: problems addressed to the cell, and each scenario's result. */
    public record Validation(boolean compiles, boolean scenariosPass, List<RuleSetProblem> problems, List<RuleSetProblem> warnings,
                             List<ScenarioResult> scenarios) {
    }

    /** A scenario as run; each mismatch (expected vs actual) is a problem in the scenario's file. */
    public record ScenarioResult(String file, int index, String name, boolean passed, List<RuleSetProblem> mismatches) {
        ScenarioResult in(Language language) {
            return new ScenarioResult(file, index, name, passed, mismatches.stream().map(m -> m.in(language)).toList());
        }
    }

    /** The same view with its findings told in this language. */
    public RuleSetView in(Language language) {
        if (validation == null) {
            return this;
        }
        Validation told = new Validation(validation.compiles(), validation.scenariosPass(),
                validation.problems().stream().map(p -> p.in(language)).toList(),
                validation.warnings().stream().map(p -> p.in(language)).toList(),
                validation.scenarios().stream().map(s -> s.in(language)).toList());
        return new RuleSetView(id, version, hash, parentId, author, changeNote, status, createdAt, approvedAt, approvedBy, activations, files, told);
    }

    @Schema(name = "RuleSetPage")
    public record Page(List<RuleSetView> items, int page, int size, long total) {
    }
}
