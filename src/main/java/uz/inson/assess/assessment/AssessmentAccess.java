package uz.inson.assess.assessment;

import uz.inson.assess.common.ProblemException;
import uz.inson.assess.common.Violation;
import uz.inson.assess.household.Household;
import uz.inson.assess.security.Caller;
import uz.inson.assess.security.Roles;

import java.util.List;

/**
 * Who may assess, see and read what of an assessment, in one place: case workers their own territory, integrating
 * systems what they assessed (without the case detail another system does not need), auditors everything.
 */
final class AssessmentAccess {
    private AssessmentAccess() {
    }

    /** A case worker assesses only households of the territory they serve (403 otherwise); integrating systems any. */
    static void checkMayAssess(Caller caller, Household household) {
        if (!caller.has(Roles.INTEGRATION_CLIENT) && !caller.covers(household.region().name(), household.district())) {
            throw new ProblemException(403, "outside-territory", "This household is in " + household.region()
                    + (household.district() == null ? "" : ", " + household.district()) + ", outside the territory you serve",
                    List.of(new Violation("household.district", "is outside your territory")));
        }
    }

    /** Whether the caller may see a stored assessment of this territory, made by {@code assessedBy}. */
    static boolean maySee(Caller caller, String region, String district, String assessedBy) {
        return caller.has(Roles.AUDITOR)
                || caller.has(Roles.CASE_WORKER) && caller.covers(region, district)
                || caller.has(Roles.INTEGRATION_CLIENT) && caller.name().equals(assessedBy);
    }

    /**
     * An integrating system gets the decision (services, package, questions, risk level, case path) but not the
     * household's derived figures, needs, risk factors or near misses: what another system does not need, it should not hold.
     */
    static AssessmentResult shownTo(Caller caller, AssessmentResult result) {
        return seesCaseDetail(caller) ? result : result.withoutCaseDetail();
    }

    /** Whether the caller is shown the case detail: everyone but an integrating system that is nothing else besides. */
    static boolean seesCaseDetail(Caller caller) {
        return !caller.has(Roles.INTEGRATION_CLIENT) || caller.has(Roles.CASE_WORKER) || caller.has(Roles.AUDITOR);
    }
}
