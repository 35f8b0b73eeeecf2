package uz.inson.assess.rulesets;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import uz.inson.assess.assessment.AssessmentEngine;
import uz.inson.assess.assessment.AssessmentRequest;
import uz.inson.assess.assessment.AssessmentResult;
import uz.inson.assess.common.Language;
import uz.inson.assess.common.ProblemException;
import uz.inson.assess.common.Violation;
import uz.inson.assess.household.HouseholdChecks;
import uz.inson.assess.rules.ActiveRuleSet;
import uz.inson.assess.rules.CompiledRuleSet;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Impact before publishing: runs a version beside another (by default the one in force) over a population — the
 * latest stored assessment of every household, or an uploaded NDJSON file of requests — in the background, with
 * progress and cancel. Jobs live in this instance's memory.
 */
@ApplicationScoped
public class ImpactService {
    private static final int MAX_JOBS = 20;
    private final ActiveRuleSet active;
    private final AssessmentEngine engine;
    private final ObjectMapper json;
    private final Map<UUID, ImpactJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "impact-analysis");
        thread.setDaemon(true);
        return thread;
    });

    ImpactService(ActiveRuleSet active, AssessmentEngine engine, ObjectMapper json) {
        this.active = active;
        this.engine = engine;
        this.json = json;
    }

    /** Reads an NDJSON population: one assessment request per line; a bad line is refused by its number. */
    public List<AssessmentRequest> parse(String ndjson) {
        List<AssessmentRequest> population = new ArrayList<>();
        String[] lines = ndjson.split("\\R");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tashkent"));
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                AssessmentRequest request = json.readValue(lines[i], AssessmentRequest.class);
                if (request.household() == null || request.household().members() == null || request.household().members().isEmpty()) {
                    throw new IOException("household with members is required");
                }
                LocalDate asOf = request.asOf() == null ? today : request.asOf();
                HouseholdChecks.check(request.household(), asOf, today);
                population.add(new AssessmentRequest(asOf, request.household()));
            } catch (IOException | RuntimeException e) {
                String reason = e instanceof ProblemException p ? p.getMessage() : e.getMessage().lines().findFirst().orElse("unreadable");
                throw new ProblemException(400, "invalid-input", "Line " + (i + 1) + " of the population: " + reason,
                        List.of(new Violation("line " + (i + 1), reason)));
            }
        }
        if (population.isEmpty()) {
            throw ProblemException.invalid("body", "the population has no households");
        }
        return population;
    }

    /** The latest stored assessment request of every household (by external id), as the default population. */
    public List<AssessmentRequest> storedPopulation() {
        List<String> stored = QuarkusTransaction.requiringNew().call(() -> uz.inson.assess.assessment.AssessmentEntity.getEntityManager()
                .createNativeQuery("select distinct on (coalesce(external_id, id::text)) request::text from assessment "
                        + "order by coalesce(external_id, id::text), assessed_at desc")
                .getResultList().stream().map(Object::toString).toList());
        List<AssessmentRequest> population = new ArrayList<>();
        for (String request : stored) {
            try {
                population.add(json.readValue(request, AssessmentRequest.class));
            } catch (IOException e) {
                throw new IllegalStateException("A stored request is not readable", e);
            }
        }
        return population;
    }

    public ImpactJob.Progress start(UUID ruleSetId, UUID againstId, List<AssessmentRequest> population) {
        if (jobs.values().stream().filter(j -> "RUNNING".equals(j.status)).count() >= 2) {
            throw new ProblemException(429, "too-many-jobs", "Two impact analyses are already running; wait for one to finish", List.of());
        }
        CompiledRuleSet draft = active.byId(ruleSetId);
        CompiledRuleSet base = active.byId(againstId);
        ImpactJob job = new ImpactJob(ruleSetId, againstId, population.size());
        if (jobs.size() >= MAX_JOBS) {
            jobs.values().stream().filter(j -> !"RUNNING".equals(j.status)).min((a, b) -> a.startedAt.compareTo(b.startedAt))
                    .ifPresent(oldest -> jobs.remove(oldest.id));
        }
        jobs.put(job.id, job);
        worker.submit(() -> run(job, draft, base, population));
        return job.progress();
    }

    public Optional<ImpactJob> find(UUID id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private void run(ImpactJob job, CompiledRuleSet draft, CompiledRuleSet base, List<AssessmentRequest> population) {
        try {
            for (AssessmentRequest request : population) {
                if (job.cancelled.get()) {
                    job.status = "CANCELLED";
                    break;
                }
                compare(job, engine.assess(base, request.household(), request.asOf(), Language.en, false),
                        engine.assess(draft, request.household(), request.asOf(), Language.en, false), request);
                job.processed.incrementAndGet();
            }
            if (!job.cancelled.get()) {
                job.status = "DONE";
            }
        } catch (RuntimeException e) {
            job.status = "FAILED";
            job.error = e.getMessage();
        } finally {
            job.finishedAt = Instant.now();
        }
    }

    private static void compare(ImpactJob job, AssessmentResult before, AssessmentResult after, AssessmentRequest request) {
        Set<String> was = before.eligibleServices().stream().map(AssessmentResult.EligibleService::code).collect(Collectors.toCollection(TreeSet::new));
        Set<String> now = after.eligibleServices().stream().map(AssessmentResult.EligibleService::code).collect(Collectors.toCollection(TreeSet::new));
        List<String> gained = now.stream().filter(code -> !was.contains(code)).toList();
        List<String> lost = was.stream().filter(code -> !now.contains(code)).toList();
        long cash = cash(after) - cash(before);
        boolean affected = !gained.isEmpty() || !lost.isEmpty() || cash != 0 || !before.riskLevel().equals(after.riskLevel())
                || !before.casePath().code().equals(after.casePath().code());
        var household = request.household();
        String mahalla = household.region() + " / " + Objects.toString(household.district(), "?") + " / " + Objects.toString(household.mahalla(), "?");
        synchronized (job) {
            gained.forEach(code -> job.services.computeIfAbsent(code, k -> new int[2])[0]++);
            lost.forEach(code -> job.services.computeIfAbsent(code, k -> new int[2])[1]++);
            job.riskTransitions.merge(before.riskLevel() + "→" + after.riskLevel(), 1, Integer::sum);
            job.pathTransitions.merge(before.casePath().code() + "→" + after.casePath().code(), 1, Integer::sum);
            for (long[] area : List.of(job.byRegion.computeIfAbsent(household.region().name(), k -> new long[3]),
                    job.byMahalla.computeIfAbsent(mahalla, k -> new long[3]))) {
                area[0]++;
                area[1] += affected ? 1 : 0;
                area[2] += cash;
            }
            job.cashChangeUzs += cash;
            if (affected) {
                job.affected.add(new ImpactJob.AffectedHousehold(household.externalId(), household.region().name(), household.district(),
                        household.mahalla(), gained, lost, before.riskLevel(), after.riskLevel(), before.casePath().code(),
                        after.casePath().code(), cash));
            }
        }
    }

    private static long cash(AssessmentResult result) {
        return result.eligibleServices().stream().map(AssessmentResult.EligibleService::amountUzs).filter(Objects::nonNull).mapToLong(Long::longValue).sum();
    }
}
