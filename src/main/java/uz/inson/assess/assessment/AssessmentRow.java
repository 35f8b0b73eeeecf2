package uz.inson.assess.assessment;

import uz.inson.assess.audit.GroupCommit;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A stored assessment as the group commit inserts it, in the statement that appends its audit entry: every column of
 * {@link AssessmentEntity}, which reads it back ({@code AssessmentRowTest} holds the two to the same columns).
 */
record AssessmentRow(AssessmentEntity entity) implements GroupCommit.Row {
    @Override
    public String into() {
        return "assessment (id, assessed_at, as_of, external_id, region, district, rule_set_id, rule_set_version, rule_set_hash, language,"
                + " risk_level, case_path, assessed_by, duration_micros, batch_id, idempotency_key, service_codes, monthly_cash_uzs, engine_build,"
                + " request, result)";
    }

    @Override
    public String values() {
        return "(?::uuid, ?::timestamptz, ?::date, ?, ?, ?, ?::uuid, ?, ?, ?, ?, ?, ?, ?::bigint, ?::uuid, ?, ?, ?::bigint, ?, ?::jsonb, ?::json)";
    }

    @Override
    public int bind(PreparedStatement statement, int index) throws SQLException {
        AssessmentEntity e = entity;
        for (Object value : new Object[]{e.id, e.assessedAt, e.asOf, e.externalId, e.region, e.district, e.ruleSetId, e.ruleSetVersion,
                e.ruleSetHash, e.language, e.riskLevel, e.casePath, e.assessedBy, e.durationMicros, e.batchId, e.idempotencyKey, e.serviceCodes,
                e.monthlyCashUzs, e.engineBuild, e.request, e.result}) {
            statement.setObject(index++, value);
        }
        return index;
    }
}
