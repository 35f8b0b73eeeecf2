package uz.inson.assess.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import uz.inson.assess.common.Language;
import uz.inson.assess.common.ProblemException;
import uz.inson.assess.household.HouseholdChecks;
import uz.inson.assess.rules.ActiveRuleSet;
import uz.inson.assess.rules.CompiledRuleSet;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/** Assesses households and keeps every assessment with its input and the rule-set version that decided it. */
@ApplicationScoped
@Transactional
public class AssessmentService {
    /** Case dates default to "today" where the case workers are. */
    static final ZoneId TASHKENT = ZoneId.of("Asia/Tashkent");

    private final ActiveRuleSet activeRuleSet;
    private final AssessmentEngine engine;
    private final ObjectMapper json;
    private final Clock clock;

    AssessmentService(ActiveRuleSet activeRuleSet, AssessmentEngine engine, ObjectMapper json) {
        this.activeRuleSet = activeRuleSet;
        this.engine = engine;
        this.json = json;
        this.clock = Clock.system(TASHKENT);
    }

    public AssessmentResult assess(AssessmentRequest request, Language language, boolean nearMisses) {
        LocalDate today = LocalDate.now(clock);
        LocalDate asOf = request.asOf() == null ? today : request.asOf();
        HouseholdChecks.check(request.household(), asOf, today);
        CompiledRuleSet ruleSet = activeRuleSet.forDate(asOf);
        long started = System.nanoTime();
        AssessmentResult computed = engine.assess(ruleSet, request.household(), asOf, language, nearMisses);
        long micros = (System.nanoTime() - started) / 1_000;
        AssessmentResult result = new AssessmentResult(UUID.randomUUID(), OffsetDateTime.now(java.time.ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS),
                computed.asOf(), computed.language(), computed.ruleSet(), computed.derived(), computed.riskLevel(), computed.riskScore(),
                computed.riskFactors(), computed.casePath(), computed.eligibleServices(), computed.nearMisses());

        AssessmentEntity entity = new AssessmentEntity();
        entity.id = result.id();
        entity.assessedAt = result.assessedAt();
        entity.asOf = asOf;
        entity.externalId = request.household().externalId();
        entity.region = request.household().region().name();
        entity.district = request.household().district();
        entity.ruleSetId = ruleSet.id();
        entity.ruleSetVersion = ruleSet.version();
        entity.ruleSetHash = ruleSet.hash();
        entity.language = language.name();
        entity.riskLevel = result.riskLevel();
        entity.casePath = result.casePath().code();
        entity.durationMicros = micros;
        entity.request = write(new AssessmentRequest(asOf, request.household()));
        entity.result = write(result);
        entity.persist();
        return result;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AssessmentResult> find(UUID id) {
        return AssessmentEntity.<AssessmentEntity>findByIdOptional(id).map(entity -> read(entity.result));
    }

    /** Re-runs a stored assessment with the exact rule-set version it used; the answer must be the same. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Replay replay(UUID id) {
        AssessmentEntity entity = AssessmentEntity.<AssessmentEntity>findByIdOptional(id).orElseThrow(() -> notFound(id));
        AssessmentRequest request = readRequest(entity.request);
        AssessmentResult original = read(entity.result);
        AssessmentResult again = engine.assess(activeRuleSet.byId(entity.ruleSetId), request.household(), request.asOf(),
                Language.valueOf(entity.language), original.nearMisses() != null);
        AssessmentResult replayed = new AssessmentResult(original.id(), original.assessedAt(), again.asOf(), again.language(), again.ruleSet(),
                again.derived(), again.riskLevel(), again.riskScore(), again.riskFactors(), again.casePath(), again.eligibleServices(), again.nearMisses());
        boolean identical = json.valueToTree(original).equals(json.valueToTree(replayed));
        return new Replay(identical, original.ruleSet(), replayed);
    }

    /** The result of a replay: whether it is identical to what was answered, and the replayed answer. */
    public record Replay(boolean identical, AssessmentResult.RuleSetRef ruleSet, AssessmentResult result) {
    }

    private AssessmentRequest readRequest(String stored) {
        try {
            return json.readValue(stored, AssessmentRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored request is not readable", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise an assessment", e);
        }
    }

    private AssessmentResult read(String stored) {
        try {
            return json.readValue(stored, AssessmentResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored assessment is not readable", e);
        }
    }

    static ProblemException notFound(UUID id) {
        return ProblemException.notFound("Assessment " + id);
    }
}
