package uz.inson.assess.household;

import uz.inson.assess.common.ProblemException;
import uz.inson.assess.common.Violation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks that span fields, which Bean Validation annotations cannot express. */
public final class HouseholdChecks {
    /** A guardian is an adult (Civil Code): a request naming a child as guardian is a recording error. */
    private static final int GUARDIAN_MIN_AGE = 18;

    private HouseholdChecks() {
    }

    /** Throws a 400 problem naming each offending field, e.g. {@code household.members[2].birthDate}. */
    public static void check(Household household, LocalDate asOf, LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        Set<String> refs = new HashSet<>();
        for (int i = 0; i < household.members().size(); i++) {
            Member member = household.members().get(i);
            String path = "household.members[" + i + "]";
            if (!refs.add(member.ref())) {
                violations.add(new Violation(path + ".ref", "'" + member.ref() + "' is used by another member; refs must be unique"));
            }
            if (member.birthDate().isAfter(today)) {
                violations.add(new Violation(path + ".birthDate", "is in the future"));
            } else if (member.birthDate().isAfter(asOf)) {
                violations.add(new Violation(path + ".birthDate", "is after asOf " + asOf + "; the member was not born yet"));
            } else if (member.birthDate().isBefore(asOf.minusYears(120))) {
                violations.add(new Violation(path + ".birthDate", "is more than 120 years before asOf"));
            }
            LocalDate established = member.disability() == null ? null : member.disability().firstEstablishedOn();
            if (established != null && established.isAfter(asOf)) {
                violations.add(new Violation(path + ".disability.firstEstablishedOn", "is after asOf " + asOf));
            } else if (established != null && established.isBefore(member.birthDate())) {
                violations.add(new Violation(path + ".disability.firstEstablishedOn", "is before the member's birthDate"));
            }
            if (member.pregnant() && member.sex() == Sex.M) {
                violations.add(new Violation(path + ".pregnant", "cannot be true for sex M"));
            }
        }
        for (int i = 0; i < household.members().size(); i++) {
            Member member = household.members().get(i);
            if (member.guardianRef() == null) {
                continue;
            }
            String path = "household.members[" + i + "].guardianRef";
            Member guardian = household.members().stream().filter(m -> m.ref().equals(member.guardianRef())).findFirst().orElse(null);
            if (guardian == null) {
                violations.add(new Violation(path, "'" + member.guardianRef() + "' is not the ref of a member of this household"));
            } else if (guardian == member) {
                violations.add(new Violation(path, "a member cannot be their own guardian"));
            } else if (guardian.birthDate().isAfter(asOf.minusYears(GUARDIAN_MIN_AGE))) {
                violations.add(new Violation(path, "the guardian must be at least " + GUARDIAN_MIN_AGE + " years old on asOf"));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }
}
