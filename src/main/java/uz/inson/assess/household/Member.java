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
        @Schema(nullable = true, description = "The member's established disability; absent or null: none.") @Valid Disability disability,
        boolean pregnant,
        Set<@NotNull MemberFlag> flags,
        @Schema(description = "Kinds of impairment. Absent: not asked yet (devices then wait for the answer); [] : none.")
        @Size(max = 7) Set<@NotNull Impairment> impairments,
        @Schema(nullable = true, description = "Care need scores; absent or null: not scored yet.") @Valid CareNeed careNeed,
        @Schema(description = "Registered with the employment centre as a job seeker; absent: not asked yet.") Boolean registeredJobSeeker,
        @Schema(description = "For a child: the ref of the member who is the child's guardian.", example = "m1")
        @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "must contain only letters, digits, '-' and '_'") String guardianRef) {

    public Member {
        flags = flags == null ? Set.of() : Set.copyOf(flags);
        impairments = impairments == null ? null : Set.copyOf(impairments);
    }

    /** A member as the first version of the API described them: nothing asked about impairments, care, jobs or guardians. */
    public Member(String ref, String pinfl, LocalDate birthDate, Sex sex, Relation relation, Employment employment, Disability disability,
                  boolean pregnant, Set<MemberFlag> flags) {
        this(ref, pinfl, birthDate, sex, relation, employment, disability, pregnant, flags, null, null, null, null);
    }
}
