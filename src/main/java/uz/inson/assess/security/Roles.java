package uz.inson.assess.security;

import java.util.List;

/** The roles of DESIGN §2; a token's groups claim or an API key carries some of them. */
public final class Roles {
    /** Assesses households; reads the assessments of its own region or district. */
    public static final String CASE_WORKER = "case-worker";
    /** Uploads rule-set drafts; validates them, reads diffs and impact. */
    public static final String POLICY_OFFICER = "policy-officer";
    /** Approves, activates and rolls back rule-set versions. */
    public static final String POLICY_APPROVER = "policy-approver";
    /** May change DRL files and the code rows of decision tables. */
    public static final String RULE_DEVELOPER = "rule-developer";
    /** Another government system: assesses, reads back only what it assessed itself. */
    public static final String INTEGRATION_CLIENT = "integration-client";
    /** Reads the audit trail, any assessment, and replays them. */
    public static final String AUDITOR = "auditor";
    /** Manages users and API keys. */
    public static final String ADMIN = "admin";

    public static final List<String> ALL = List.of(CASE_WORKER, POLICY_OFFICER, POLICY_APPROVER, RULE_DEVELOPER, INTEGRATION_CLIENT, AUDITOR, ADMIN);

    private Roles() {
    }
}
