package uz.inson.assess.rulesets;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uz.inson.assess.assessment.AssessmentEngine;
import uz.inson.assess.assessment.AssessmentEntity;
import uz.inson.assess.assessment.AssessmentRequest;
import uz.inson.assess.assessment.Decision;
import uz.inson.assess.common.ProblemException;
import uz.inson.assess.common.ServiceClock;
import uz.inson.assess.common.Violation;
import uz.inson.assess.household.HouseholdChecks;
import uz.inson.assess.rules.ActiveRuleSet;
import uz.inson.assess.rules.CompiledRuleSet;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;

/**
 * Impact before publishing: runs a version beside another (by default the one in force) over a population — the
 * latest stored assessment of every household, or an uploaded NDJSON file of requests — in the background, with
 * progress and cancel. Jobs live in this instance's memory.
 */
@ApplicationScoped
public class ImpactService {
    private static final int MAX_JOBS = 20;
    private static final int BATCH = 2_000;
    private final ActiveRuleSet active;
    private final AssessmentEngine engine;
    private final ObjectMapper json;
    private final Map<UUID, ImpactJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "impact-analysis");
        thread.setDaemon(true);
        return thread;
    });

    /** Households compared at once within a job; the rest of the machine keeps serving assessments. */
    private final ForkJoinPool parallel;

    private final Clock clock;

    ImpactService(ActiveRuleSet active, AssessmentEngine engine, ObjectMapper json, Clock clock,
                  @ConfigProperty(name = "inson.impact.parallelism") Optional<Integer> parallelism) {
        this.active = active;
        this.clock = clock;
        this.engine = engine;
        this.json = json;
        this.parallel = new ForkJoinPool(parallelism.filter(n -> n > 0).orElse(Math.max(1, Runtime.getRuntime().availableProcessors() / 2)));
    }

    /** Reads an NDJSON population: one assessment request per line; a bad line is refused by its number. */
    public List<AssessmentRequest> parse(String ndjson) {
        List<AssessmentRequest> population = new ArrayList<>();
        String[] lines = ndjson.split("\\R");
        LocalDate today = ServiceClock.today(clock);
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

    /** Who an analysis runs over: a number of households, read a batch at a time so a million never sit in memory at once. */
    public interface Population {
        int size();

        /** The households of batch {@code index} (0, 1, …); empty after the last. */
        List<AssessmentRequest> batch(int index);
    }

    /** An uploaded population: already in memory, one batch. */
    public static Population of(List<AssessmentRequest> households) {
        return new Population() {
            public int size() {
                return households.size();
            }

            public List<AssessmentRequest> batch(int index) {
                return index == 0 ? households : List.of();
            }
        };
    }

    /**
     * The latest stored assessment request of every household (by external id), as the default population: the ids
     * are read at once (16 bytes a household), the requests in batches of {@value #BATCH}.
     */
    public Population storedPopulation() {
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> AssessmentEntity.getEntityManager()
                .createNativeQuery("select distinct on (coalesce(external_id, id::text)) id from assessment "
                        + "order by coalesce(external_id, id::text), assessed_at desc", UUID.class)
                .getResultList().stream().map(UUID.class::cast).toList());
        return new Population() {
            public int size() {
                return ids.size();
            }

            public List<AssessmentRequest> batch(int index) {
                List<UUID> slice = ids.subList(Math.min(ids.size(), index * BATCH), Math.min(ids.size(), (index + 1) * BATCH));
                if (slice.isEmpty()) {
                    return List.of();
                }
                List<String> stored = QuarkusTransaction.requiringNew().call(() -> AssessmentEntity.getEntityManager()
                        .createNativeQuery("select request::text from assessment where id in (:ids)", String.class)
                        .setParameter("ids", slice).getResultList().stream().map(String.class::cast).toList());
                List<AssessmentRequest> households = new ArrayList<>(stored.size());
                for (String request : stored) {
                    try {
                        households.add(json.readValue(request, AssessmentRequest.class));
                    } catch (IOException e) {
                        throw new IllegalStateException("A stored request is not readable", e);
                    }
                }
                return households;
            }
        };
    }

    public ImpactJob.Progress start(UUID ruleSetId, UUID againstId, Population population) {
        if (jobs.values().stream().filter(j -> "RUNNING".equals(j.status)).count() >= 2) {
            throw new ProblemException(429, "too-many-jobs", "Two impact analyses are already running; wait for one to finish", List.of());
        }
        CompiledRuleSet draft = active.byId(ruleSetId);
        CompiledRuleSet base = active.byId(againstId);
        ImpactJob job = new ImpactJob(ruleSetId, againstId, population.size(), clock);
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

    private void run(ImpactJob job, CompiledRuleSet draft, CompiledRuleSet base, Population population) {
        try {
            List<AssessmentRequest> batch;
            for (int b = 0; !job.cancelled.get() && !(batch = population.batch(b)).isEmpty(); b++) {
                List<AssessmentRequest> households = batch;
                // a parallel stream runs in the pool it is started from: this job's share of the machine
                parallel.submit(() -> households.parallelStream().forEach(request -> {
                    if (!job.cancelled.get()) {
                        compare(job, engine.decide(base, request.household(), request.asOf()),
                                engine.decide(draft, request.household(), request.asOf()), request);
                        job.processed.incrementAndGet();
                    }
                })).get();
            }
            job.status = job.cancelled.get() ? "CANCELLED" : "DONE";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.status = "CANCELLED";
        } catch (ExecutionException | RuntimeException e) {
            job.status = "FAILED";
            job.error = (e instanceof ExecutionException ? e.getCause() : e).getMessage();
        } finally {
            job.finishedAt = clock.instant();
        }
    }

    private static void compare(ImpactJob job, Decision before, Decision after, AssessmentRequest request) {
        Set<String> was = before.serviceCodes();
        Set<String> now = after.serviceCodes();
        List<String> gained = now.stream().filter(code -> !was.contains(code)).toList();
        List<String> lost = was.stream().filter(code -> !now.contains(code)).toList();
        long cash = after.monthlyCashUzs() - before.monthlyCashUzs();
        boolean affected = !gained.isEmpty() || !lost.isEmpty() || cash != 0 || !before.riskLevel().equals(after.riskLevel())
                || !before.casePathCode().equals(after.casePathCode());
        var household = request.household();
        String mahalla = household.region() + " / " + Objects.toString(household.district(), "?") + " / " + Objects.toString(household.mahalla(), "?");
        synchronized (job) {
            gained.forEach(code -> job.services.computeIfAbsent(code, k -> new int[2])[0]++);
            lost.forEach(code -> job.services.computeIfAbsent(code, k -> new int[2])[1]++);
            job.riskTransitions.merge(before.riskLevel() + "→" + after.riskLevel(), 1, Integer::sum);
            job.pathTransitions.merge(before.casePathCode() + "→" + after.casePathCode(), 1, Integer::sum);
            for (long[] area : List.of(job.byRegion.computeIfAbsent(household.region().name(), k -> new long[3]),
                    job.byMahalla.computeIfAbsent(mahalla, k -> new long[3]))) {
                area[0]++;
                area[1] += affected ? 1 : 0;
                area[2] += cash;
            }
            job.cashChangeUzs += cash;
            if (affected) {
                job.affected.add(new ImpactJob.AffectedHousehold(household.externalId(), household.region().name(), household.district(),
                        household.mahalla(), gained, lost, before.riskLevel(), after.riskLevel(), before.casePathCode(),
                        after.casePathCode(), cash));
            }
        }
    }
}
