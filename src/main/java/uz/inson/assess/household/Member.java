package uz.inson.assess.household;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.Set;

/** One person living in the household. */
@Schema(description = "One person living in the household.")
public record Member(
        @Schema(description = "Reference of the member within this request; results name beneficiaries by it.", example = "m1")
        @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "must contain only letters, digits, '-' and '_'") String ref,
        @Schema(description = "Personal identification number (14 digits). Optional; stored, never logged.", example = "31203857000010")
        @Pattern(regexp = "\\d{14}", message = "must be 14 digits") String pinfl,
        @NotNull LocalDate birthDate,
        @NotNull Sex sex,
        @NotNull Relation relation,
        @NotNull Employment employment,
        @Valid Disability disability,
        boolean pregnant,
        Set<@NotNull MemberFlag> flags) {

    public Member {
        flags = flags == null ? Set.of() : Set.copyOf(flags);
    }
}
