package uz.inson.assess.rulesets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import uz.inson.assess.assessment.AssessmentEngine;
import uz.inson.assess.assessment.AssessmentRequest;
import uz.inson.assess.assessment.Decision;
import uz.inson.assess.assessment.EngineBuild;
import uz.inson.assess.common.ChunkLeases;
import uz.inson.assess.common.HttpLimitsConfig;
import uz.inson.assess.common.Instance;
import uz.inson.assess.common.NdjsonLines;
import uz.inson.assess.common.ProblemException;
import uz.inson.assess.common.ProblemMappers;
import uz.inson.assess.common.ServiceClock;
import uz.inson.assess.common.Violation;
import uz.inson.assess.household.HouseholdChecks;
import uz.inson.assess.population.GeneratedPopulation;
import uz.inson.assess.population.PopulationGenerator;
import uz.inson.assess.rules.ActiveRuleSet;
import uz.inson.assess.rules.CompiledRuleSet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Collectors;

/**
 * Impact before publishing: runs a version beside another (by default the one in force) over a population — the
 * latest stored assessment of every household, or an uploaded NDJSON file of requests. A job and its chunks of
 * {@value #CHUNK} households are rows in PostgreSQL; every instance claims pending chunks (or chunks whose lease ran
 * out because their instance died) and writes each chunk's tally once, so a job survives and spreads over instances.
 */
@ApplicationScoped
public class ImpactService {
    private static final Logger LOG = Logger.getLogger(ImpactService.class);
    static final int CHUNK = 500;
    /** Analyses RECEIVING or RUNNING at a time, in the whole cluster. */
    private static final int MAX_RUNNING = 2;

    private final ActiveRuleSet active;
    private final AssessmentEngine engine;
    private final ObjectMapper json;
    private final ObjectReader requests;
    /** A line of a population is one assessment: it may be as large as the body of a single one. */
    private final int maxLineBytes;
    private final Clock clock;
    /** Households of a chunk compared at once; the rest of the machine keeps serving assessments. */
    private final ForkJoinPool parallel;
    /** Runs the second feeder of chunks (see {@link #work()}), and makes generated populations, which no request waits for. */
    private final ManagedExecutor feeder;
    private final Duration keepFinished;
    private final Validator validator;
    private volatile boolean stopping;

    /** Households this instance compared for impact jobs (chunks written), and chunks it finished too late to count. */
    private final Counter households;
    private final Counter lateChunks;
    /** Decisions of compared households read from their stored assessments rather than decided again. */
    private final Counter decisionsRead;
    private final ChunkLeases leases;

    ImpactService(ActiveRuleSet active, AssessmentEngine engine, ObjectMapper json, Clock clock, ImpactConfig config, MeterRegistry registry,
                  ManagedExecutor feeder, Validator validator, HttpLimitsConfig limits) {
        this.validator = validator;
        this.feeder = feeder;
        this.keepFinished = config.keepFinished();
        this.households = Counter.builder("inson.impact.households").description("Households compared for impact analyses on this instance")
                .register(registry);
        this.decisionsRead = Counter.builder("inson.impact.decisions.read")
                .description("Decisions of compared households read from their stored assessments (same version, same build), not decided again")
                .register(registry);
        this.lateChunks = Counter.builder("inson.impact.chunks.late")
                .description("Chunks finished after their lease had passed to another instance (not counted)").register(registry);
        this.leases = new ChunkLeases(ImpactService.class, "impact_job", "impact_chunk", "started_at", "households", List.of("finished_at"),
                config.lease(), clock, registry, "inson.impact.households.waiting",
                "Households of running impact analyses not compared yet, in the whole cluster, as this instance last looked");
        this.active = active;
        this.clock = clock;
        this.engine = engine;
        this.json = json;
        this.requests = json.readerFor(AssessmentRequest.class);
        this.maxLineBytes = (int) Math.min(Integer.MAX_VALUE - 8, limits.maxBodySize().asLongValue());
        this.parallel = new ForkJoinPool(config.parallelism().filter(n -> n > 0).orElse(Math.max(1, Runtime.getRuntime().availableProcessors() / 2)));
    }

    @PreDestroy
    void stop() {
        // a chunk cut short is not written; its lease runs out and another instance does it again
        parallel.shutdownNow();
    }

    /** The stored population: the latest stored assessment of every household, cut into chunks by PostgreSQL itself. */
    public ImpactJob.Progress start(UUID ruleSetId, UUID againstId) {
        compiles(ruleSetId, againstId);
        UUID id = UUID.randomUUID();
        transaction(() -> {
            insertJob(id, ruleSetId, againstId, "RUNNING");
            insertStoredChunks(id);
            // the job is visible to other instances only with its chunks, at this commit
            em().createNativeQuery("""
                    update impact_job set total = (select coalesce(sum(households), 0) from impact_chunk where job_id = ?1),
                        status = case when exists (select 1 from impact_chunk where job_id = ?1) then 'RUNNING' else 'DONE' end,
                        finished_at = case when exists (select 1 from impact_chunk where job_id = ?1) then null else cast(?2 as timestamptz) end
                    where id = ?1""").setParameter(1, id).setParameter(2, now()).executeUpdate();
        });
        return find(id).orElseThrow().progress();
    }

    /**
     * Households uploaded as NDJSON, one assessment request a line, read and stored a chunk at a time as they arrive
     * (one chunk in memory, whatever the size); a body with no line means the stored population. The job is RECEIVING
     * until the last line is in and RUNNING when this answers. A bad line is refused by its number, and the job and what
     * was stored of it are removed: nothing is compared until every line has been read.
     */
    public ImpactJob.Progress start(UUID ruleSetId, UUID againstId, InputStream ndjson) throws IOException {
        compiles(ruleSetId, againstId);
        NdjsonLines lines = new NdjsonLines(ndjson, maxLineBytes);
        NdjsonLines.Line first = lines.next();
        if (first == null) {
            return start(ruleSetId, againstId);
        }
        UUID id = open(ruleSetId, againstId);
        fill(id, lines, first, false);
        return find(id).orElseThrow().progress();
    }

    /**
     * Households made by the population generator on this instance: answered at once, RECEIVING while they are made and
     * stored (one household in memory at a time), then RUNNING on every instance like an upload. If this instance stops
     * before the last chunk is in, the sweep removes the job, as it does an upload cut off.
     */
    public ImpactJob.Progress start(UUID ruleSetId, UUID againstId, GeneratedPopulation population) {
        compiles(ruleSetId, againstId);
        UUID id = open(ruleSetId, againstId);
        PopulationGenerator generator = new PopulationGenerator(population.seedOrDefault(), population.asOfOr(ServiceClock.today(clock)));
        feeder.runAsync(() -> {
            try {
                fill(id, new NdjsonLines(generator.stream(population.households()), maxLineBytes), null, true);
            } catch (IOException | RuntimeException e) {
                LOG.errorf("Impact job %s: its generated population could not be stored (%s); the job was removed", id, e.getClass().getName());
            }
        });
        return find(id).orElseThrow().progress();
    }

    /** Both must compile before a job is promised (409 otherwise); each instance compiles them again on first use. */
    private void compiles(UUID ruleSetId, UUID againstId) {
        active.byId(ruleSetId);
        active.byId(againstId);
    }

    /** A job RECEIVING its population, committed at once: it holds its place among the analyses allowed at a time. */
    private UUID open(UUID ruleSetId, UUID againstId) {
        UUID id = UUID.randomUUID();
        transaction(() -> insertJob(id, ruleSetId, againstId, "RECEIVING"));
        return id;
    }

    private void insertJob(UUID id, UUID ruleSetId, UUID againstId, String status) {
        // one at a time decides whether there is room, whichever instance is asked
        em().createNativeQuery("select pg_advisory_xact_lock(hashtext('impact_job_start'))").getSingleResult();
        Number running = (Number) em().createNativeQuery("select count(*) from impact_job where status in ('RECEIVING', 'RUNNING')").getSingleResult();
        if (running.intValue() >= MAX_RUNNING) {
            throw new ProblemException(429, "too-many-jobs", "Two impact analyses are already running; wait for one to finish", List.of());
        }
        em().createNativeQuery("""
                        insert into impact_job (id, rule_set_id, against_id, total, status, started_at, updated_at) values (?1, ?2, ?3, 0, ?4, ?5, ?5)""")
                .setParameter(1, id).setParameter(2, ruleSetId).setParameter(3, againstId).setParameter(4, status).setParameter(5, now()).executeUpdate();
    }

    /**
     * Reads the lines (from {@code first}, or the first of {@code lines}) into the job's chunks, then opens it to every
     * instance; on failure removes the job and throws. Once the job is cancelled, an upload is still read to its end (the
     * client is sending it) but not kept; a generated population ({@code madeHere}) stops being made.
     */
    private void fill(UUID id, NdjsonLines lines, NdjsonLines.Line first, boolean madeHere) throws IOException {
        leases.receive(id, () -> {
            LocalDate today = ServiceClock.today(clock);
            List<AssessmentRequest> chunk = new ArrayList<>(CHUNK);
            int chunks = 0;
            int total = 0;
            boolean keeping = true;
            for (NdjsonLines.Line line = first != null ? first : lines.next(); line != null; line = lines.next()) {
                chunk.add(request(line, today));
                total++;
                if (chunk.size() == CHUNK) {
                    keeping = keeping && store(id, chunks++, chunk);
                    chunk.clear();
                    if (!keeping && madeHere) {
                        break;
                    }
                }
            }
            if (total == 0) {
                throw ProblemException.invalid("body", "the population has no households");
            }
            if (keeping && !chunk.isEmpty()) {
                store(id, chunks, chunk);
            }
            return total;
        });
    }

    /** Stores a chunk of the population while the job is RECEIVING; false (nothing stored) once it was cancelled. */
    private boolean store(UUID id, int number, List<AssessmentRequest> requests) {
        return QuarkusTransaction.requiringNew().call(() -> {
            boolean receiving = leases.stillReceiving(id);
            if (receiving) {
                em().createNativeQuery("insert into impact_chunk (job_id, chunk, households, population) values (?1, ?2, ?3, cast(?4 as jsonb))")
                        .setParameter(1, id).setParameter(2, number).setParameter(3, requests.size())
                        .setParameter(4, write(Map.of("requests", requests))).executeUpdate();
            }
            return receiving;
        });
    }

    /** One line of a population: a request a single assessment would take, or a 400 naming the line. */
    private AssessmentRequest request(NdjsonLines.Line line, LocalDate today) {
        try {
            if (line.tooLong()) {
                throw new IOException("is longer than " + maxLineBytes + " bytes");
            }
            AssessmentRequest request = requests.readValue(line.bytes(), 0, line.length());
            if (request == null || request.household() == null || request.household().members() == null || request.household().members().isEmpty()) {
                throw new IOException("household with members is required");
            }
            // checked as a single assessment's body is: a line the engine cannot decide would fail the job later
            Set<ConstraintViolation<AssessmentRequest>> violations = validator.validate(request);
            if (!violations.isEmpty()) {
                throw new ProblemException(400, "invalid-input", ProblemMappers.details(violations).violations().stream()
                        .map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")), List.of());
            }
            LocalDate asOf = request.asOf() == null ? today : request.asOf();
            HouseholdChecks.check(request.household(), asOf, today);
            return new AssessmentRequest(asOf, request.household());
        } catch (IOException | RuntimeException e) {
            // told as a single assessment's body would be ("household.region 'ATLANTIS' is not one of […]"), not in Jackson's words
            String reason = e instanceof ProblemException p ? p.getMessage()
                    : e instanceof JsonProcessingException unreadable ? ProblemMappers.of(unreadable).orElseThrow().detail().replaceFirst("^body ", "the line ")
                    : Objects.toString(e.getMessage(), "unreadable").lines().findFirst().orElse("unreadable");
            throw new ProblemException(400, "invalid-input", "Line " + line.number() + " of the population: " + reason,
                    List.of(new Violation("line " + line.number(), reason)));
        }
    }

    /**
     * The stored population's chunks in one statement: the ids never leave PostgreSQL (a million UUIDs held by the service
     * and 2,000 INSERTs before), and the population is read in the job's own transaction.
     */
    private void insertStoredChunks(UUID jobId) {
        // run once, this statement is not worth compiling: PostgreSQL's JIT took 0.7 s of 3.4 s over a million households
        em().createNativeQuery("set local jit = off").executeUpdate();
        em().createNativeQuery("""
                insert into impact_chunk (job_id, chunk, households, population)
                select ?1, n / %1$d, count(*), jsonb_build_object('assessments', jsonb_agg(id order by n))
                from (select id, row_number() over (order by household) - 1 as n
                      from (select distinct on (coalesce(external_id, id::text)) id, coalesce(external_id, id::text) as household
                            from assessment order by coalesce(external_id, id::text), assessed_at desc) latest) numbered
                group by n / %1$d""".formatted(CHUNK)).setParameter(1, jobId).executeUpdate();
    }

    /**
     * Claims and runs chunks until none is left to claim; on every instance, every second or so. Two feeders claim side by
     * side, so one chunk's households are read from the database, and its tally written, while the other's are decided:
     * the deciding pool does not wait for PostgreSQL. Neither this nor the sweep runs while the application starts or stops.
     */
    @Scheduled(every = "${inson.impact.poll-every}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void work() {
        CompletableFuture<Void> second = feeder.runAsync(this::drain);
        drain();
        second.join();
    }

    private void drain() {
        leases.drain(() -> stopping, row -> run(Claimed.of(row)), "c.job_id, c.chunk, j.rule_set_id, j.against_id, c.population::text");
    }

    /**
     * Removes uploads whose instance died while reading them, and analyses finished longer ago than
     * {@code inson.impact.keep-finished}, with their chunks and reports. Every instance sweeps; a second delete finds
     * nothing. A database away is the poller's to report.
     */
    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        try {
            transaction(() -> {
                leases.removeAbandoned();
                em().createNativeQuery("delete from impact_job where finished_at < ?1").setParameter(1, now().minus(keepFinished)).executeUpdate();
            });
        } catch (RuntimeException e) {
            // tried again in a minute
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    private record Claimed(UUID jobId, int chunk, UUID ruleSetId, UUID againstId, String population) {
        static Claimed of(Object[] row) {
            return new Claimed((UUID) row[0], ((Number) row[1]).intValue(), (UUID) row[2], (UUID) row[3], (String) row[4]);
        }
    }

    private void run(Claimed chunk) {
        ImpactJob.Tally tally;
        long read;
        try {
            CompiledRuleSet draft = active.byId(chunk.ruleSetId());
            CompiledRuleSet base = active.byId(chunk.againstId());
            List<Household> households = households(chunk.population());
            // a parallel stream runs in the pool it is started from: this instance's share of the machine; order kept.
            // Each request is read there too, by the thread that decides it.
            List<Comparison> compared = parallel.submit(() -> households.parallelStream().map(h -> {
                AssessmentRequest request = h.request(json);
                return new Comparison(request, outcome(base, h, request), outcome(draft, h, request));
            }).toList()).get();
            tally = new ImpactJob.Tally();
            compared.forEach(c -> count(tally, c));
            read = households.stream().mapToLong(h -> (h.decidedBy(base) ? 1 : 0) + (h.decidedBy(draft) ? 1 : 0)).sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (ExecutionException | IOException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            if (stopping) {
                return;
            }
            LOG.errorf("Impact job %s failed on chunk %d: %s", chunk.jobId(), chunk.chunk(), cause.getMessage());
            QuarkusTransaction.requiringNew().run(() -> {
                em().createNativeQuery("update impact_job set status = 'FAILED', error = ?2, finished_at = ?3 where id = ?1 and status = 'RUNNING'")
                        .setParameter(1, chunk.jobId()).setParameter(2, String.valueOf(cause.getMessage())).setParameter(3, now()).executeUpdate();
                forgetUploadedHouseholds(chunk.jobId());
            });
            return;
        }
        boolean counted = QuarkusTransaction.requiringNew().call(() -> {
            // written only while this instance still holds the chunk: a chunk taken over after a lost lease counts once
            int written = em().createNativeQuery("""
                    update impact_chunk set status = 'DONE', result = cast(?3 as jsonb), lease_until = null, population = population - 'requests'
                    where job_id = ?1 and chunk = ?2 and owner = ?4 and status = 'RUNNING'
                    """).setParameter(1, chunk.jobId()).setParameter(2, chunk.chunk()).setParameter(3, write(tally))
                    .setParameter(4, Instance.ID).executeUpdate();
            if (written == 1) {
                leases.closeIfLast(chunk.jobId(), now());
            }
            return written == 1;
        });
        if (counted) {
            households.increment(tally.households);
            decisionsRead.increment(read);
        } else {
            lateChunks.increment();
        }
    }

    /** What a comparison counts of a decision. */
    private record Outcome(Set<String> services, long monthlyCashUzs, String riskLevel, String casePath) {
        static Outcome of(Decision decision) {
            return new Outcome(decision.serviceCodes(), decision.monthlyCashUzs(), decision.riskLevel(), decision.casePathCode());
        }
    }

    /**
     * A household of a chunk — its request as JSON — and, when it comes from a stored assessment, what that assessment
     * decided, the version that decided it and the build of the code.
     */
    private record Household(String requestJson, UUID ruleSetId, String engineBuild, Outcome decided) {
        AssessmentRequest request(ObjectMapper json) {
            try {
                return json.readValue(requestJson, AssessmentRequest.class);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Whether the stored decision is what {@code ruleSet} decides now: the same version and the same code. */
        boolean decidedBy(CompiledRuleSet ruleSet) {
            return decided != null && ruleSet.id().equals(ruleSetId) && EngineBuild.ID.equals(engineBuild);
        }
    }

    private record Comparison(AssessmentRequest request, Outcome before, Outcome after) {
    }

    /** The household's outcome under a version: as its stored assessment decided it, if that was this version and code. */
    private Outcome outcome(CompiledRuleSet ruleSet, Household household, AssessmentRequest request) {
        return household.decidedBy(ruleSet) ? household.decided()
                : Outcome.of(engine.decideWithoutQuestions(ruleSet, request.household(), request.asOf()));
    }

    private List<Household> households(String population) throws JsonProcessingException {
        var node = json.readTree(population);
        if (node.has("requests")) {
            List<Household> uploaded = new ArrayList<>();
            node.get("requests").forEach(request -> uploaded.add(new Household(request.toString(), null, null, null)));
            return uploaded;
        }
        List<UUID> ids = new ArrayList<>();
        node.get("assessments").forEach(id -> ids.add(UUID.fromString(id.asText())));
        List<Object[]> stored = QuarkusTransaction.requiringNew().call(() -> em()
                .createNativeQuery("""
                        select id, request::text, rule_set_id, engine_build, service_codes, monthly_cash_uzs, risk_level, case_path
                        from assessment where id in (:ids)""")
                .setParameter("ids", ids).getResultList().stream().map(Object[].class::cast).toList());
        Map<UUID, Object[]> byId = new java.util.HashMap<>();
        stored.forEach(row -> byId.put((UUID) row[0], row));
        List<Household> households = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            Object[] row = byId.get(id);
            if (row != null) {
                String services = (String) row[4];
                Outcome decided = services == null || row[5] == null ? null : new Outcome(
                        services.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(services.split(","))),
                        ((Number) row[5]).longValue(), (String) row[6], (String) row[7]);
                households.add(new Household((String) row[1], (UUID) row[2], (String) row[3], decided));
            }
        }
        return households;
    }

    private static void count(ImpactJob.Tally tally, Comparison comparison) {
        Outcome before = comparison.before();
        Outcome after = comparison.after();
        Set<String> was = before.services();
        Set<String> now = after.services();
        List<String> gained = now.stream().filter(code -> !was.contains(code)).toList();
        List<String> lost = was.stream().filter(code -> !now.contains(code)).toList();
        long cash = after.monthlyCashUzs() - before.monthlyCashUzs();
        boolean affected = !gained.isEmpty() || !lost.isEmpty() || cash != 0 || !before.riskLevel().equals(after.riskLevel())
                || !before.casePath().equals(after.casePath());
        var household = comparison.request().household();
        String mahalla = household.region() + " / " + Objects.toString(household.district(), "?") + " / " + Objects.toString(household.mahalla(), "?");
        gained.forEach(code -> tally.services.computeIfAbsent(code, k -> new int[2])[0]++);
        lost.forEach(code -> tally.services.computeIfAbsent(code, k -> new int[2])[1]++);
        tally.riskTransitions.merge(before.riskLevel() + "→" + after.riskLevel(), 1, Integer::sum);
        tally.pathTransitions.merge(before.casePath() + "→" + after.casePath(), 1, Integer::sum);
        for (long[] area : List.of(tally.byRegion.computeIfAbsent(household.region().name(), k -> new long[3]),
                tally.byMahalla.computeIfAbsent(mahalla, k -> new long[3]))) {
            area[0]++;
            area[1] += affected ? 1 : 0;
            area[2] += cash;
        }
        tally.households++;
        tally.cashChangeUzs += cash;
        if (affected) {
            tally.affected.add(new ImpactJob.AffectedHousehold(household.externalId(), household.region().name(), household.district(),
                    household.mahalla(), gained, lost, before.riskLevel(), after.riskLevel(), before.casePath(),
                    after.casePath(), cash));
        }
    }

    /** A job as stored: its row and the tallies of its finished chunks, in chunk order. */
    public final class Stored {
        private final UUID id;
        private final UUID ruleSetId;
        private final UUID againstId;
        private final int total;
        private final String status;
        private final String error;
        /** When the job began to run (while RECEIVING, when its last chunk came in). */
        private final Instant updatedAt;
        private final Instant finishedAt;
        private final Instant startedAt;
        private final int processed;

        private Stored(Object[] row) {
            this.id = (UUID) row[0];
            this.ruleSetId = (UUID) row[1];
            this.againstId = (UUID) row[2];
            this.total = ((Number) row[3]).intValue();
            this.status = (String) row[4];
            this.error = (String) row[5];
            this.updatedAt = ChunkLeases.instant(row[6]);
            this.processed = ((Number) row[7]).intValue();
            this.finishedAt = row[8] == null ? null : ChunkLeases.instant(row[8]);
            this.startedAt = ChunkLeases.instant(row[9]);
        }

        ImpactJob.Progress progress() {
            Long eta = null;
            if ("RUNNING".equals(status) && processed > 0) {
                // the pace since the job began to run: a large upload, or a population being made, is not comparing
                long elapsed = Duration.between(updatedAt, clock.instant()).toMillis();
                eta = Math.round(elapsed / (double) processed * (total - processed) / 1000.0);
            }
            int percent = "RECEIVING".equals(status) ? 0 : total == 0 ? 100 : (int) (processed * 100L / total);
            return new ImpactJob.Progress(id, ruleSetId, againstId, status, processed, total, percent, eta, error, startedAt,
                    finishedAt == null ? null : finishedAt.plus(keepFinished));
        }

        /** The sum of the finished chunks: the whole tally once DONE, the part counted so far before. */
        ImpactJob.Tally tally() {
            ImpactJob.Tally sum = new ImpactJob.Tally();
            chunks("result").forEach(row -> sum.add(tally(row[0])));
            return sum;
        }

        /**
         * The report reads the chunks' counts without their affected households (nineteen twentieths of a tally), which
         * only the lists of households show, and counts those apart: polling a job over a million households stays cheap.
         */
        public ImpactJob.Report report() {
            ImpactJob.Tally sum = new ImpactJob.Tally();
            int affected = 0;
            for (Object[] row : chunks("result - 'affected'")) {
                sum.add(tally(row[0]));
                affected += ((Number) row[1]).intValue();
            }
            return sum.report(progress(), affected);
        }

        /** Each finished chunk, in order: {@code tally} (an expression over its result, a constant) as text, and its number of affected households. */
        private List<Object[]> chunks(String tally) {
            return QuarkusTransaction.requiringNew().call(() -> em()
                    .createNativeQuery("select (" + tally + ")::text, jsonb_array_length(result -> 'affected') from impact_chunk "
                            + "where job_id = ?1 and status = 'DONE' order by chunk")
                    .setParameter(1, id).getResultList().stream().map(Object[].class::cast).toList());
        }

        private ImpactJob.Tally tally(Object result) {
            try {
                return json.readValue((String) result, ImpactJob.Tally.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A stored impact tally is not readable", e);
            }
        }
    }

    /** A job's row and its households counted so far; the caller adds the condition. */
    private static final String SELECT_JOB = """
            select j.id, j.rule_set_id, j.against_id,
                   case when j.status = 'RECEIVING' then (select coalesce(sum(households), 0) from impact_chunk where job_id = j.id) else j.total end,
                   j.status, j.error, j.updated_at,
                   (select coalesce(sum(households), 0) from impact_chunk where job_id = j.id and status = 'DONE'), j.finished_at, j.started_at
            from impact_job j""";

    public Optional<Stored> find(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em().createNativeQuery(SELECT_JOB + " where j.id = ?1").setParameter(1, id).getResultList();
            return rows.isEmpty() ? Optional.<Stored>empty() : Optional.of(new Stored((Object[]) rows.get(0)));
        });
    }

    /** Every policy officer's analyses, newest first, a page at a time: what runs, what waits for its households, what finished. */
    public List<ImpactJob.Progress> list(int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> em().createNativeQuery(SELECT_JOB + " order by j.started_at desc, j.id")
                .setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(row -> new Stored((Object[]) row).progress()).toList());
    }

    public long count() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em().createNativeQuery("select count(*) from impact_job").getSingleResult()).longValue());
    }

    /** Stops a job: no chunk is claimed (or received) after this; chunks already running finish and count. */
    public ImpactJob.Progress cancel(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> {
            em().createNativeQuery("update impact_job set status = 'CANCELLED', finished_at = ?2 where id = ?1 and status in ('RECEIVING', 'RUNNING')")
                    .setParameter(1, id).setParameter(2, now()).executeUpdate();
            forgetUploadedHouseholds(id);
        });
        return find(id).orElseThrow(() -> ProblemException.notFound("Impact job " + id)).progress();
    }

    /**
     * Drops the uploaded households (PINFLs, names, addresses) of a job that will compare no more: a chunk keeps its
     * households only until it is counted — it drops its own as it writes its tally. A stored population's chunks list
     * assessment ids, which stay.
     */
    private static void forgetUploadedHouseholds(UUID jobId) {
        em().createNativeQuery("update impact_chunk set population = population - 'requests' where job_id = ?1 and population -> 'requests' is not null")
                .setParameter(1, jobId).executeUpdate();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void transaction(Runnable work) {
        QuarkusTransaction.requiringNew().run(work);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static EntityManager em() {
        return uz.inson.assess.assessment.AssessmentEntity.getEntityManager();
    }
}
