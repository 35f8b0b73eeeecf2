package uz.inson.assess.rulesets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import uz.inson.assess.assessment.ScenarioRunner;
import uz.inson.assess.audit.AuditedChange;
import uz.inson.assess.common.ProblemException;
import uz.inson.assess.common.ServiceClock;
import uz.inson.assess.common.Violation;
import uz.inson.assess.rules.ActiveRuleSet;
import uz.inson.assess.rules.CompiledRuleSet;
import uz.inson.assess.rules.RuleSetBundle;
import uz.inson.assess.rules.RuleSetCompiler;
import uz.inson.assess.rules.RuleSetInvalidException;
import uz.inson.assess.rules.RuleSetProblem;

import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The lifecycle of rule-set versions: DRAFT → VALIDATED (compiles, scenarios pass) → APPROVED (by someone other than
 * the author) → in force from an effective date; rollback puts the previous version back in force. Versions and their
 * files never change once stored; activations are only ever added.
 */
@ApplicationScoped
@Transactional
public class RuleSetService {
    /** Any constant other than the audit chain's: the advisory lock that serialises changes to the activation timeline. */
    private static final long TIMELINE_LOCK = 0x7131E1L;
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(RuleSetService.class);
    private final ActiveRuleSet active;
    private final RuleSetCompiler compiler;
    private final ScenarioRunner scenarios;
    private final ObjectMapper json;
    private final Clock clock;

    RuleSetService(ActiveRuleSet active, RuleSetCompiler compiler, ScenarioRunner scenarios, ObjectMapper json, Clock clock) {
        this.active = active;
        this.compiler = compiler;
        this.scenarios = scenarios;
        this.json = json;
        this.clock = clock;
    }

    /** At first start the repository's bundle becomes the first version, in force from the beginning of time. */
    public boolean importIfEmpty(RuleSetBundle bundle) {
        if (RuleSetEntity.count() > 0) {
            if (RuleSetEntity.findById(bundle.id()) == null) {
                LOG.warnf("The repository's rule set (%s) is not stored; the database's versions decide. Upload it as a new version to use it.",
                        bundle.hash());
            }
            return false;
        }
        RuleSetEntity entity = store(bundle, null, "system", "Imported from the repository at first start");
        entity.status = "APPROVED";
        entity.approvedBy = "system";
        entity.approvedAt = now();
        addActivation(entity.id, OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), "system", "IMPORT");
        return true;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ActiveRuleSet.Activation> timeline() {
        return ActivationEntity.<ActivationEntity>listAll(Sort.by("id")).stream()
                .map(a -> new ActiveRuleSet.Activation(a.ruleSetId, a.effectiveFrom.toInstant(), a.id)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long lastActivationId() {
        Long max = ActivationEntity.getEntityManager().createQuery("select max(a.id) from ActivationEntity a", Long.class).getSingleResult();
        return max == null ? 0 : max;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RuleSetBundle bundle(UUID id) {
        RuleSetEntity entity = require(id);
        SortedMap<String, byte[]> files = new TreeMap<>();
        RuleSetFileEntity.<RuleSetFileEntity>list("key.ruleSetId", id).forEach(f -> files.put(f.key.path(), f.content));
        return new RuleSetBundle(entity.version, files);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RuleSetView.Page list(int page, int size) {
        var query = RuleSetEntity.<RuleSetEntity>findAll(Sort.by("createdAt").descending());
        List<RuleSetEntity> versions = query.page(page, size).list();
        // the page's activations in one query, not one a version
        Map<UUID, List<ActivationEntity>> activations = versions.isEmpty() ? Map.of()
                : ActivationEntity.<ActivationEntity>list("ruleSetId in ?1", Sort.by("id"), versions.stream().map(e -> e.id).toList()).stream()
                        .collect(Collectors.groupingBy(a -> a.ruleSetId));
        List<RuleSetView> items = versions.stream().map(e -> view(e, activations.getOrDefault(e.id, List.of()), false)).toList();
        return new RuleSetView.Page(items, page, size, query.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count() {
        return RuleSetEntity.count();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RuleSetView find(UUID id) {
        return view(require(id), true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<byte[]> file(UUID id, String path) {
        require(id);
        return RuleSetFileEntity.<RuleSetFileEntity>findByIdOptional(new RuleSetFileEntity.Key(id, path)).map(f -> f.content);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RuleSetDiff.Diff diff(UUID id, UUID against) {
        return RuleSetDiff.between(bundle(against), bundle(id));
    }

    /**
     * Stores the uploaded files (over the parent's, or a whole zipped bundle) as a DRAFT and validates it at once. Only a
     * rule developer's upload may change DRL files and the code rows of tables: a table cell is code to Drools.
     */
    @AuditedChange(status = 201)
    public RuleSetView create(UUID parentId, List<BundleUpload.Part> parts, String version, String author, boolean mayChangeCode, String changeNote) {
        if (author == null || author.isBlank()) {
            throw ProblemException.invalid("author", "is required");
        }
        if (version == null || !version.matches("\\d{4}\\.\\d+\\.\\d+")) {
            throw ProblemException.invalid("version", "must look like 2026.1.1 (year.minor.patch)");
        }
        RuleSetBundle parent = bundle(parentId);
        SortedMap<String, byte[]> files = BundleUpload.overParent(parent.files(), parts);
        files.put(RuleSetBundle.VERSION_FILE, (version + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        RuleSetBundle bundle = new RuleSetBundle(version, files);
        if (RuleSetEntity.findById(bundle.id()) != null) {
            throw new ProblemException(409, "rule-set-exists", "A version with exactly these files already exists: " + bundle.id(),
                    List.of(new Violation("files", "are identical to version " + bundle.id())));
        }
        RuleSetEntity entity = store(bundle, parentId, author, changeNote);
        entity.codeChangesAllowed = mayChangeCode;
        validate(entity, bundle);
        return view(entity, true);
    }

    private List<RuleSetProblem> lockedCode(RuleSetEntity entity, RuleSetBundle bundle) {
        return entity.parentId == null ? List.of() : CodeRows.changedCode(bundle(entity.parentId), bundle);
    }

    /** Compiles the version and runs its scenarios; nothing here touches the version in force. */
    @AuditedChange
    public RuleSetView validate(UUID id) {
        RuleSetEntity entity = require(id);
        validate(entity, bundle(id));
        return view(entity, true);
    }

    private void validate(RuleSetEntity entity, RuleSetBundle bundle) {
        List<RuleSetProblem> changedCode = lockedCode(entity, bundle);
        List<RuleSetProblem> problems = new ArrayList<>(entity.codeChangesAllowed ? List.of() : changedCode);
        List<RuleSetView.ScenarioResult> results = new ArrayList<>();
        // A rule developer's code changes are allowed, and shown to the approver as warnings.
        List<RuleSetProblem> warnings = new ArrayList<>(entity.codeChangesAllowed ? changedCode : List.of());
        try {
            CompiledRuleSet compiled = compiler.compile(bundle);
            TableChecks.Findings findings = TableChecks.check(compiled.tables(), ServiceClock.today(clock));
            problems.addAll(findings.errors());
            warnings.addAll(findings.warnings());
            for (ScenarioRunner.Outcome outcome : scenarios.run(compiled)) {
                results.add(new RuleSetView.ScenarioResult(outcome.file(), outcome.index() + 1, outcome.scenario().name(),
                        outcome.passed(), outcome.mismatches()));
            }
            // kept whatever its findings: it compiles, so an impact analysis of it needs no second compilation either
            active.remember(compiled);
        } catch (RuleSetInvalidException e) {
            problems.addAll(e.problems());
        } catch (IOException | RuntimeException e) {
            problems.add(RuleSetProblem.inFile(ScenarioRunner.DIRECTORY, "scenarios-unreadable", e.getMessage()));
        }
        boolean scenariosPass = problems.isEmpty() && results.stream().allMatch(RuleSetView.ScenarioResult::passed);
        entity.validation = write(new RuleSetView.Validation(problems.isEmpty(), scenariosPass, problems, warnings, results));
        entity.validatedAt = now();
        if ("DRAFT".equals(entity.status) || "VALIDATED".equals(entity.status)) {
            entity.status = scenariosPass ? "VALIDATED" : "DRAFT";
        }
    }

    /** Four eyes: a validated version is approved by someone other than its author. */
    @AuditedChange
    public RuleSetView approve(UUID id, String approver) {
        RuleSetEntity entity = require(id);
        if (approver == null || approver.isBlank()) {
            throw ProblemException.invalid("approver", "is required");
        }
        if (!"VALIDATED".equals(entity.status)) {
            throw conflict("Only a VALIDATED version can be approved; this one is " + entity.status);
        }
        if (approver.equalsIgnoreCase(entity.author)) {
            throw conflict("The author cannot approve their own version; another approver must");
        }
        entity.status = "APPROVED";
        entity.approvedBy = approver;
        entity.approvedAt = now();
        // Every instance compiles an approved version ahead, so its activation later is an instant swap everywhere.
        notify("rule_set_approved", id);
        return view(entity, true);
    }

    /** Puts an approved version in force now or from {@code effectiveFrom}; the swap happens on every instance. */
    @AuditedChange
    public RuleSetView activate(UUID id, OffsetDateTime effectiveFrom, String by) {
        lockTimeline();
        RuleSetEntity entity = require(id);
        if (by == null || by.isBlank()) {
            throw ProblemException.invalid("activatedBy", "is required");
        }
        if (!"APPROVED".equals(entity.status)) {
            throw conflict("Only an APPROVED version can be put in force; this one is " + entity.status);
        }
        OffsetDateTime from = effectiveFrom == null ? now() : effectiveFrom;
        if (from.isBefore(now().minusMinutes(1))) {
            throw ProblemException.invalid("effectiveFrom", "cannot be in the past; past case dates keep the version that was in force then");
        }
        addActivation(id, from, by, "ACTIVATE");
        return view(entity, true);
    }

    /** Puts the version that was in force before the current one back in force, now. */
    @AuditedChange
    public RuleSetView rollback(String by) {
        if (by == null || by.isBlank()) {
            throw ProblemException.invalid("activatedBy", "is required");
        }
        lockTimeline();
        List<ActivationEntity> past = ActivationEntity.<ActivationEntity>list("effectiveFrom <= ?1", Sort.by("effectiveFrom").and("id"), now());
        if (past.isEmpty()) {
            throw conflict("Nothing is in force");
        }
        UUID current = past.get(past.size() - 1).ruleSetId;
        UUID previous = null;
        for (int i = past.size() - 2; i >= 0 && previous == null; i--) {
            if (!past.get(i).ruleSetId.equals(current)) {
                previous = past.get(i).ruleSetId;
            }
        }
        if (previous == null) {
            throw conflict("There is no earlier version to roll back to");
        }
        addActivation(previous, now(), by, "ROLLBACK");
        return view(require(previous), true);
    }

    private RuleSetEntity store(RuleSetBundle bundle, UUID parentId, String author, String changeNote) {
        RuleSetEntity entity = new RuleSetEntity();
        entity.id = bundle.id();
        entity.version = bundle.version();
        entity.hash = bundle.hash();
        entity.parentId = parentId;
        entity.author = author;
        entity.changeNote = changeNote;
        entity.status = "DRAFT";
        entity.createdAt = now();
        entity.persist();
        for (Map.Entry<String, byte[]> file : bundle.files().entrySet()) {
            RuleSetFileEntity stored = new RuleSetFileEntity();
            stored.key = new RuleSetFileEntity.Key(entity.id, file.getKey());
            stored.content = file.getValue();
            stored.persist();
        }
        return entity;
    }

    private void addActivation(UUID id, OffsetDateTime effectiveFrom, String by, String kind) {
        ActivationEntity activation = new ActivationEntity();
        activation.ruleSetId = id;
        activation.effectiveFrom = effectiveFrom;
        activation.activatedBy = by;
        activation.activatedAt = now();
        activation.kind = kind;
        activation.persist();
        // Other instances hear of it at once; polling is the fallback.
        notify("rule_set_activation", id);
    }

    /**
     * Activations and rollbacks read the timeline and then add to it; two at once (on one instance or two) would both
     * read the same "current" version. This lock, held to the commit, makes them take turns.
     */
    private static void lockTimeline() {
        ActivationEntity.getEntityManager().createNativeQuery("select count(*) from pg_advisory_xact_lock(?1)")
                .setParameter(1, TIMELINE_LOCK).getSingleResult();
    }

    private static void notify(String channel, UUID id) {
        ActivationEntity.getEntityManager().createNativeQuery("select pg_notify(?1, cast(?2 as text))")
                .setParameter(1, channel).setParameter(2, id.toString()).getSingleResult();
    }

    private RuleSetView view(RuleSetEntity entity, boolean details) {
        return view(entity, ActivationEntity.list("ruleSetId", Sort.by("id"), entity.id), details);
    }

    private RuleSetView view(RuleSetEntity entity, List<ActivationEntity> activationsOfIt, boolean details) {
        List<RuleSetView.ActivationView> activations = activationsOfIt.stream()
                .map(a -> new RuleSetView.ActivationView(a.effectiveFrom, a.activatedBy, a.activatedAt, a.kind)).toList();
        String status = active.currentActivation().filter(a -> a.ruleSetId().equals(entity.id)).isPresent() ? "ACTIVE"
                : activations.stream().anyMatch(a -> a.effectiveFrom().isAfter(now())) ? "SCHEDULED"
                : !activations.isEmpty() ? "SUPERSEDED" : entity.status;
        List<String> files = details
                ? RuleSetFileEntity.<RuleSetFileEntity>list("key.ruleSetId", Sort.by("key.path"), entity.id).stream().map(f -> f.key.path()).toList()
                : null;
        return new RuleSetView(entity.id, entity.version, entity.hash, entity.parentId, entity.author, entity.changeNote, status,
                entity.createdAt, entity.approvedAt, entity.approvedBy, activations, files,
                details && entity.validation != null ? read(entity.validation) : null);
    }

    private static RuleSetEntity require(UUID id) {
        RuleSetEntity entity = RuleSetEntity.findById(id);
        if (entity == null) {
            throw ProblemException.notFound("Rule set " + id);
        }
        return entity;
    }

    private static ProblemException conflict(String detail) {
        return new ProblemException(409, "rule-set-state", detail, List.of());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private RuleSetView.Validation read(String value) {
        try {
            return json.readValue(value, RuleSetView.Validation.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
