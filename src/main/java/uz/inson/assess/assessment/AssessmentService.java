package uz.inson.assess.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.annotation.Timed;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uz.inson.assess.audit.GroupCommit;
import uz.inson.assess.common.Language;
import uz.inson.assess.common.ProblemException;
import uz.inson.assess.common.ServiceClock;
import uz.inson.assess.common.Violation;
import uz.inson.assess.household.HouseholdChecks;
import uz.inson.assess.household.Region;
import uz.inson.assess.rules.ActiveRuleSet;
import uz.inson.assess.rules.CompiledRuleSet;
import uz.inson.assess.security.Caller;
import uz.inson.assess.security.Roles;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/** Assesses households and keeps every assessment with its input and the rule-set version that decided it. */
@ApplicationScoped
@Transactional
public class AssessmentService {
    private final ActiveRuleSet activeRuleSet;
    private final AssessmentEngine engine;
    private final AnswerWriter writer;
    private final GroupCommit commits;
    private final ObjectMapper json;
    private final Clock clock;
    /**
     * Single assessments decided and written out at once: as many as there are cores. The HTTP workers take more requests
     * than that at a time, and more runs than cores cost more CPU each (EngineBenchmark with 8 threads on 2 cores: 2.5
     * times a run's CPU, presumably a preempted run's caches lost), so the others wait their turn
     * (docs/performance-history.md).
     */
    private final Semaphore cores = new Semaphore(Runtime.getRuntime().availableProcessors());

    AssessmentService(ActiveRuleSet activeRuleSet, AssessmentEngine engine, AnswerWriter writer, GroupCommit commits, ObjectMapper json, Clock clock) {
        this.activeRuleSet = activeRuleSet;
        this.engine = engine;
        this.writer = writer;
        this.commits = commits;
        this.json = json;
        this.clock = clock;
    }

    /** The build's fingerprint reads the application's classes (up to a second in a cold JVM): at startup, not in the first stored assessment. */
    void fingerprintEarly(@Observes StartupEvent event) {
        CompletableFuture.runAsync(() -> EngineBuild.ID.length());
    }

    /** A stored assessment: the one this request stored, or the one stored earlier under its idempotency key. */
    public record Assessed(AssessmentResult result, boolean alreadyStored) {
    }

    /**
     * Stores the assessment and its audit entry together, in a transaction shared with concurrent requests ({@link GroupCommit}).
     * Under an idempotency key this caller stored an assessment with before, stores nothing and answers that one: a
     * caller who lost the first answer (a timeout, a 503 at the commit) retries without storing the household twice.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    @Timed(value = "inson.assessment", histogram = true, description = "One stored assessment: rules, answer and storage")
    public Assessed assess(AssessmentRequest request, Language language, boolean nearMisses, boolean openServices, Caller caller,
                           String idempotencyKey) {
        Optional<AssessmentResult> earlier = storedBefore(request, caller, idempotencyKey);
        if (earlier.isPresent()) {
            return new Assessed(earlier.get(), true);
        }
        // stored in full, whoever asks: an auditor or a case worker may read it later
        Answered answered = decideAndAnswer(request, language, nearMisses, openServices, caller, true);
        AssessmentEntity entity = entity(answered, caller, null, idempotencyKey);
        try {
            commits.commitAudited(new AssessmentRow(entity), 201, entity.id.toString());
        } catch (RuntimeException e) {
            // the same key sent twice at once: the other request stored first, and its assessment is the answer
            Optional<AssessmentResult> stored;
            try {
                stored = storedBefore(request, caller, idempotencyKey);
            } catch (ProblemException reused) {
                throw reused;
            } catch (RuntimeException lookup) {
                e.addSuppressed(lookup);
                throw e;
            }
            return new Assessed(stored.orElseThrow(() -> e), true);
        }
        return new Assessed(answered.result(), false);
    }

    /** What this caller stored under the key before, if anything; a key stored with another request is refused (422). */
    private Optional<AssessmentResult> storedBefore(AssessmentRequest request, Caller caller, String idempotencyKey) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        // one key, compared with =: Hibernate translates a query with an IN list again at every call, this one once
        // (docs/performance-history.md)
        Stored stored = AssessmentEntity.<AssessmentEntity>find("assessedBy = ?1 and idempotencyKey = ?2", caller.name(), idempotencyKey)
                .firstResultOptional().map(this::stored).orElse(null);
        if (stored != null && !stored.request().isRetriedBy(request)) {
            throw keyReused("Idempotency-Key", idempotencyKey);
        }
        return Optional.ofNullable(stored).map(Stored::result);
    }

    /** An idempotency key already used for another household or case date: answering the stored result would answer the wrong one. */
    public static ProblemException keyReused(String field, String key) {
        return new ProblemException(422, "idempotency-key-reused", "The idempotency key '" + key
                + "' was used before for another household or case date; nothing was assessed",
                List.of(new Violation(field, "was used before for another request")));
    }

    /**
     * A dry run: the same checks, decision and answer as {@link #assess}, nothing stored, so the answer has no id. The
     * request itself is audited as every POST is. No transaction of its own: nothing here writes, so one would only be
     * begun and ended for nothing (about 1 % of a dry run's CPU samples, docs/performance-history.md).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    @Timed(value = "inson.assessment.dry", histogram = true, description = "One assessment not stored: rules and answer")
    public AssessmentResult dryRun(AssessmentRequest request, Language language, boolean nearMisses, boolean openServices, Caller caller) {
        AssessmentResult result = decideAndAnswer(request, language, nearMisses, openServices, caller, seesCaseDetail(caller)).result();
        return result.identified(null, result.assessedAt());
    }

    private Answered decideAndAnswer(AssessmentRequest request, Language language, boolean nearMisses, boolean openServices, Caller caller,
                                     boolean caseDetail) {
        cores.acquireUninterruptibly();
        try {
            return answer(decide(request, caller), language, nearMisses, openServices, caseDetail);
        } finally {
            cores.release();
        }
    }

    /** A household checked, allowed and decided on its case date: the path single and batch assessments share. */
    public record Decided(AssessmentRequest request, Decision decision, long startedNanos) {
    }

    /** A decision in words under a new id and time, with how long the rules and the words took. */
    public record Answered(Decided decided, AssessmentResult result, long micros) {
    }

    /** Checks the household (400), the caller's territory (403) and decides it with the rule set in force on its asOf. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Decided decide(AssessmentRequest request, Caller caller) {
        return decide(request, caller, true);
    }

    /** As {@link #decide(AssessmentRequest, Caller)}, without the questions to ask when they will not be told (batch decisions). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Decided decide(AssessmentRequest request, Caller caller, boolean withQuestions) {
        // Case dates default to "today" where the case workers are.
        LocalDate today = ServiceClock.today(clock);
        LocalDate asOf = request.asOf() == null ? today : request.asOf();
        HouseholdChecks.check(request.household(), asOf, today);
        AssessmentAccess.checkMayAssess(caller, request.household());
        CompiledRuleSet ruleSet = activeRuleSet.forDate(asOf);
        long started = System.nanoTime();
        Decision decision = withQuestions ? engine.decide(ruleSet, request.household(), asOf)
                : engine.decideWithoutQuestions(ruleSet, request.household(), asOf);
        return new Decided(new AssessmentRequest(asOf, request.household()), decision, started);
    }

    /** The decision in words; without {@code caseDetail}, only what an integrating system is shown ({@link #shownTo}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Answered answer(Decided decided, Language language, boolean nearMisses, boolean openServices, boolean caseDetail) {
        AssessmentResult result = writer.write(decided.decision(), language, nearMisses, openServices, caseDetail)
                .identified(UUID.randomUUID(), OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS));
        return new Answered(decided, result, (System.nanoTime() - decided.startedNanos()) / 1_000);
    }

    /**
     * Stores an answered assessment in the caller's transaction, which also writes the audit entry. A batch line names
     * its batch and may carry the caller's idempotency key (unique per caller).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void store(Answered answered, Caller caller, UUID batchId, String idempotencyKey) {
        entity(answered, caller, batchId, idempotencyKey).persist();
    }

    private AssessmentEntity entity(Answered answered, Caller caller, UUID batchId, String idempotencyKey) {
        AssessmentRequest request = answered.decided().request();
        CompiledRuleSet ruleSet = answered.decided().decision().ruleSet();
        AssessmentResult result = answered.result();
        AssessmentEntity entity = new AssessmentEntity();
        entity.id = result.id();
        entity.assessedAt = result.assessedAt();
        entity.asOf = request.asOf();
        entity.externalId = request.household().externalId();
        entity.region = request.household().region().name();
        entity.district = request.household().district();
        entity.ruleSetId = ruleSet.id();
        entity.ruleSetVersion = ruleSet.version();
        entity.ruleSetHash = ruleSet.hash();
        entity.language = result.language();
        entity.riskLevel = result.riskLevel();
        entity.casePath = result.casePath().code();
        entity.serviceCodes = String.join(",", answered.decided().decision().serviceCodes());
        entity.monthlyCashUzs = answered.decided().decision().monthlyCashUzs();
        entity.engineBuild = EngineBuild.ID;
        entity.durationMicros = answered.micros();
        entity.assessedBy = caller.name();
        entity.batchId = batchId;
        entity.idempotencyKey = idempotencyKey;
        entity.request = write(request);
        entity.result = write(result);
        return entity;
    }

    /** An assessment stored under an idempotency key: the request as stored (asOf filled in) and its answer. */
    public record Stored(AssessmentRequest request, AssessmentResult result) {
    }

    /** What this caller already stored under any of these idempotency keys, by key. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Stored> storedUnder(Caller caller, Collection<String> idempotencyKeys) {
        if (idempotencyKeys.isEmpty()) {
            return Map.of();
        }
        Map<String, Stored> byKey = new HashMap<>();
        AssessmentEntity.<AssessmentEntity>find("assessedBy = ?1 and idempotencyKey in ?2", caller.name(), idempotencyKeys)
                .stream().forEach(e -> byKey.put(e.idempotencyKey, stored(e)));
        return byKey;
    }

    /** The answer as this caller may see it (integrating systems get the decision without the case detail). */
    public static AssessmentResult shownTo(Caller caller, AssessmentResult result) {
        return AssessmentAccess.shownTo(caller, result);
    }

    /** Whether the caller is shown the needs, risk factors, derived figures and near misses ({@link #shownTo}). */
    public static boolean seesCaseDetail(Caller caller) {
        return AssessmentAccess.seesCaseDetail(caller);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AssessmentResult find(UUID id, Caller caller) {
        return read(visible(id, caller).result);
    }

    /** Stored assessments the caller may see, newest first: a case worker's territory, an integrating system's own; of one household when {@code externalId} is given. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page list(Caller caller, Region region, String district, String externalId, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (!caller.has(Roles.AUDITOR)) {
            if (caller.has(Roles.CASE_WORKER)) {
                if (caller.region() == null) {
                    return new Page(List.of(), page, size, 0); // no territory: nothing to see
                }
                where.append(" and region = :ownRegion");
                parameters.and("ownRegion", caller.region());
                if (caller.district() != null) {
                    where.append(" and lower(district) = :ownDistrict");
                    parameters.and("ownDistrict", caller.district().toLowerCase(Locale.ROOT));
                }
            } else {
                where.append(" and assessedBy = :caller");
                parameters.and("caller", caller.name());
            }
        }
        if (region != null) {
            where.append(" and region = :region");
            parameters.and("region", region.name());
        }
        if (district != null) {
            where.append(" and lower(district) = :district");
            parameters.and("district", district.strip().toLowerCase(Locale.ROOT));
        }
        if (externalId != null) {
            where.append(" and externalId = :externalId");
            parameters.and("externalId", externalId);
        }
        var query = AssessmentEntity.<AssessmentEntity>find(where.toString(), Sort.descending("assessedAt"), parameters);
        List<Summary> items = query.page(page, size).list().stream().map(Summary::of).toList();
        return new Page(items, page, size, query.count());
    }

    /** One line of a list: enough to find an assessment, without the household's facts. */
    public record Summary(UUID id, OffsetDateTime assessedAt, LocalDate asOf, String externalId, String region, String district,
                          String riskLevel, String casePath, String ruleSetVersion) {
        static Summary of(AssessmentEntity e) {
            return new Summary(e.id, e.assessedAt, e.asOf, e.externalId, e.region, e.district, e.riskLevel, e.casePath, e.ruleSetVersion);
        }
    }

    @Schema(name = "AssessmentPage")
    public record Page(List<Summary> items, int page, int size, long total) {
    }

    /** Re-runs a stored assessment with the exact rule-set version it used; the answer must be the same. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Replay replay(UUID id, Caller caller) {
        AssessmentEntity entity = visible(id, caller);
        AssessmentRequest request = readRequest(entity.request);
        AssessmentResult original = read(entity.result);
        AssessmentResult replayed = writer.write(engine.decide(activeRuleSet.byId(entity.ruleSetId), request.household(), request.asOf()),
                Language.valueOf(entity.language), original.nearMisses() != null, original.openServices() != null)
                .identified(original.id(), original.assessedAt());
        boolean identical = json.valueToTree(original).equals(json.valueToTree(replayed));
        return new Replay(identical, original.ruleSet(), replayed);
    }

    /**
     * The assessment if this caller may see it: auditors all, case workers their territory's, integrating systems
     * their own. Anything else is answered exactly like a missing one, so ids of other territories leak nothing.
     */
    private static AssessmentEntity visible(UUID id, Caller caller) {
        AssessmentEntity entity = AssessmentEntity.<AssessmentEntity>findByIdOptional(id).orElseThrow(() -> notFound(id));
        if (!AssessmentAccess.maySee(caller, entity.region, entity.district, entity.assessedBy)) {
            throw notFound(id);
        }
        return entity;
    }

    /**
     * A stored assessment with the household it was made for, worded in {@code language} and with near misses when
     * asked: the stored answer itself when that is how it was answered, else the same decision re-worded by the exact
     * rule-set version that made it (the decision cannot change, only its words).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Worded worded(UUID id, Language language, boolean nearMisses, Caller caller) {
        AssessmentEntity entity = visible(id, caller);
        AssessmentRequest request = readRequest(entity.request);
        AssessmentResult stored = read(entity.result);
        if (Language.valueOf(entity.language) == language && (stored.nearMisses() != null) == nearMisses) {
            return new Worded(request, stored);
        }
        AssessmentResult worded = writer.write(engine.decide(activeRuleSet.byId(entity.ruleSetId), request.household(), request.asOf()),
                language, nearMisses, stored.openServices() != null).identified(stored.id(), stored.assessedAt());
        return new Worded(request, worded);
    }

    /** A stored assessment's request and its answer in the words asked for. */
    public record Worded(AssessmentRequest request, AssessmentResult result) {
    }

    /** The result of a replay: whether it is identical to what was answered, and the replayed answer. */
    public record Replay(boolean identical, AssessmentResult.RuleSetRef ruleSet, AssessmentResult result) {
    }

    private Stored stored(AssessmentEntity entity) {
        return new Stored(readRequest(entity.request), read(entity.result));
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
