package uz.inson.assess.assessment;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uz.inson.assess.audit.GroupCommit;
import uz.inson.assess.support.Households;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** What the group commit inserts is what the entity reads back, column for column. */
@QuarkusTest
class AssessmentRowTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    GroupCommit commits;

    @Test
    void everyColumnOfTheEntityIsInsertedAndReadBack() throws Exception {
        AssessmentEntity written = new AssessmentEntity();
        written.id = UUID.randomUUID();
        written.assessedAt = OffsetDateTime.of(2026, 11, 30, 9, 15, 30, 123_000_000, ZoneOffset.ofHours(5)).truncatedTo(ChronoUnit.MILLIS);
        written.asOf = LocalDate.of(2026, 11, 30);
        written.externalId = "row-test-" + written.id;
        written.region = "NAMANGAN";
        written.district = "Chust";
        written.ruleSetId = UUID.randomUUID();
        written.ruleSetVersion = "2026.2.3";
        written.ruleSetHash = "sha256:" + "ab".repeat(32);
        written.language = "ru";
        written.riskLevel = "HIGH";
        written.casePath = "INTENSIVE";
        written.assessedBy = "row-test";
        written.durationMicros = 1_234;
        written.batchId = UUID.randomUUID();
        written.idempotencyKey = "key-" + written.id;
        written.serviceCodes = "CSH-001,SOC-007";
        written.monthlyCashUzs = 1_250_000L;
        written.engineBuild = "test";
        written.request = Households.POOR_FAMILY_WITH_DISABLED_CHILD;
        written.result = "{\"riskLevel\":\"HIGH\",  \"text\":\"Ёш «бола»\"}";

        commits.commitAudited(new AssessmentRow(written), 201, written.id.toString());
        AssessmentEntity read;
        try {
            read = QuarkusTransaction.requiringNew().call(() -> AssessmentEntity.<AssessmentEntity>findById(written.id));
        } finally {
            // its answer is no real one: no other test may meet it in the stored population
            QuarkusTransaction.requiringNew().run(() -> AssessmentEntity.deleteById(written.id));
        }
        assertNotNull(read);
        int columns = 0;
        for (Field field : AssessmentEntity.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())) {
                continue; // what Hibernate's enhancement adds
            }
            field.setAccessible(true);
            columns++;
            Object expected = field.get(written);
            Object actual = field.get(read);
            assertNotNull(expected, field.getName() + " is set in the test");
            if (expected instanceof OffsetDateTime at) {
                assertEquals(at.toInstant(), ((OffsetDateTime) actual).toInstant(), field.getName());
            } else if (field.getName().equals("request")) {
                assertEquals(JSON.readTree((String) expected), JSON.readTree((String) actual), "request (JSONB keeps the document, not its text)");
            } else {
                assertEquals(expected, actual, field.getName());
            }
        }
        String into = new AssessmentRow(written).into();
        assertEquals(columns, into.substring(into.indexOf('(') + 1, into.indexOf(')')).split(",").length,
                "the row inserts as many columns as the entity maps");
    }
}
