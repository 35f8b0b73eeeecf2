package uz.inson.assess.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import uz.inson.assess.assessment.AssessmentEntity;
import uz.inson.assess.common.ChunkLeases;
import uz.inson.assess.common.Instance;
import uz.inson.assess.common.Language;
import uz.inson.assess.common.ProblemException;
import uz.inson.assess.common.ServiceClock;
import uz.inson.assess.population.GeneratedPopulation;
import uz.inson.assess.population.PopulationGenerator;
import uz.inson.assess.security.Caller;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Batch jobs: an NDJSON upload too large to wait for is read into chunks of {@value BatchAssessor#CHUNK} checked lines
 * stored in PostgreSQL, then answered by whichever instances claim the chunks (FOR UPDATE SKIP LOCKED under a lease,
 * as impact chunks are). A chunk is decided exactly as a streamed batch's; its answer lines, its new assessments and
 * their audit entry are written in one transaction, and only while the instance still holds the chunk, so an instance
 * that dies mid-chunk leaves nothing behind and the chunk is done once, by another.
 */
@ApplicationScoped
public class BatchJobs {
    private static final Logger LOG = Logger.getLogger(BatchJobs.class);
    static final String ACTION = "POST /api/v1/batch-jobs";
    /** A chunk whose storage failed this often is answered with the reason on each line instead of being tried again. */
    private static final int MAX_ATTEMPTS = 3;
    private static final TypeReference<List<BatchAssessor.Item>> ITEMS = new TypeReference<>() {
    };

    private final BatchAssessor assessor;
    /** Stores generated populations, which no request waits for; Quarkus owns its threads and stops them. */
    private final ManagedExecutor receiver;
    private final ObjectMapper json;
    private final Clock clock;
    private final ChunkLeases leases;
    private final Duration keepFinished;
    private final Counter lines;
    private volatile boolean stopping;

    BatchJobs(BatchAssessor assessor, ObjectMapper json, Clock clock, BatchConfig config, MeterRegistry registry, ManagedExecutor receiver) {
        this.assessor = assessor;
        this.receiver = receiver;
        this.json = json;
        this.clock = clock;
        this.keepFinished = config.keepFinished();
        this.lines = Counter.builder("inson.batch.job.lines").description("Lines of batch jobs answered on this instance (chunks written)")
                .register(registry);
        this.leases = new ChunkLeases(BatchJobs.class, "batch_job", "batch_chunk", "created_at", "lines", List.of("finished_at", "updated_at"),
                config.lease(), clock, registry, "inson.batch.job.lines.waiting",
                "Lines of running batch jobs not answered yet, in the whole cluster, as this instance last looked");
    }

    /**
     * Reads the upload into stored chunks and opens the job to every instance once the last line is in. An upload that
     * fails part-way (a broken connection, a body over the limit) leaves no job behind.
     */
    public BatchJob receive(InputStream in, BatchAssessor.Options options, Caller caller, String clientAddress) throws IOException {
        UUID id = open(options, caller, clientAddress);
        fill(id, in, false);
        return find(id, caller).orElseThrow();
    }

    /**
     * Starts a dry job over a population generated on this instance: answered at once, RECEIVING while the households
     * are made and stored in chunks (one household in memory at a time), then RUNNING on every instance like an upload.
     * If this instance stops before the last chunk is in, the sweep removes the job, as it does a broken upload.
     */
    public BatchJob generate(GeneratedPopulation population, BatchAssessor.Options options, Caller caller, String clientAddress) {
        UUID id = open(options, caller, clientAddress);
        PopulationGenerator generator = new PopulationGenerator(population.seedOrDefault(), population.asOfOr(ServiceClock.today(clock)));
        receiver.runAsync(() -> {
            try {
                fill(id, generator.stream(population.households()), true);
            } catch (IOException | RuntimeException e) {
                LOG.errorf("Batch job %s: its generated population could not be stored (%s); the job was removed", id, e.getClass().getName());
            }
        });
        return find(id, caller).orElseThrow();
    }

    private UUID open(BatchAssessor.Options options, Caller caller, String clientAddress) {
        UUID id = UUID.randomUUID();
        transaction(() -> em().createNativeQuery("""
                        insert into batch_job (id, owner, caller, client_address, persist, detail, language, status, created_at, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'RECEIVING', ?8, ?8)""")
                .setParameter(1, id).setParameter(2, caller.name()).setParameter(3, write(caller)).setParameter(4, clientAddress)
                .setParameter(5, options.persist()).setParameter(6, options.detail().name()).setParameter(7, options.language().name())
                .setParameter(8, now()).executeUpdate());
        return id;
    }

    /**
     * Reads the lines into the job's chunks, then opens it to every instance; on failure removes the job and throws. Once
     * the job is cancelled, an upload is still read to its end (the client is sending it) but not kept; a generated
     * population ({@code madeHere}) stops being made.
     */
    private void fill(UUID id, InputStream in, boolean madeHere) throws IOException {
        leases.receive(id, () -> {
            int total = storeChunks(id, in, madeHere);
            if (total == 0) {
                throw ProblemException.invalid("body", "has no lines: send one assessment request a line");
            }
            return total;
        });
    }

    /** Stores the lines read as the job's chunks while it is RECEIVING; returns how many lines were read (or made). */
    private int storeChunks(UUID id, InputStream in, boolean madeHere) throws IOException {
        int[] chunks = {0};
        int[] received = {0};
        try {
            return assessor.read(in, chunk -> {
                int number = chunks[0]++;
                received[0] += chunk.size();
                transaction(() -> {
                    if (leases.stillReceiving(id)) {
                        em().createNativeQuery("insert into batch_chunk (job_id, chunk, lines, items) values (?1, ?2, ?3, ?4)")
                                .setParameter(1, id).setParameter(2, number).setParameter(3, chunk.size()).setParameter(4, write(chunk)).executeUpdate();
                    } else if (madeHere) {
                        throw new CancelledWhileMade();
                    }
                });
            });
        } catch (CancelledWhileMade e) {
            return received[0];
        }
    }

    /** Stops making a generated population whose job was cancelled; its lines so far are counted. */
    private static final class CancelledWhileMade extends RuntimeException {
        CancelledWhileMade() {
            super(null, null, false, false);
        }
    }

    /**
     * Claims and answers chunks until none is left; on every instance, every second or so. Neither this nor the sweep runs
     * while the application starts or stops: a poll after shutdown met a container already gone (an ERROR in the log).
     */
    @Scheduled(every = "${inson.batch.poll-every}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void work() {
        leases.drain(() -> stopping, row -> run(Claimed.of(row)),
                "c.job_id, c.chunk, c.attempts, j.caller, j.client_address, j.persist, j.detail, j.language, c.items");
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /**
     * Removes uploads whose instance died while reading them, and jobs finished longer ago than {@code inson.batch.keep-finished}
     * with their lines and answers (the chunks go with the job). Every instance sweeps; a second delete finds nothing.
     * A database away is the poller's to report.
     */
    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        try {
            transaction(() -> {
                leases.removeAbandoned();
                em().createNativeQuery("delete from batch_job where finished_at < ?1").setParameter(1, now().minus(keepFinished)).executeUpdate();
            });
        } catch (RuntimeException e) {
            // tried again in a minute
        }
    }

    private record Claimed(UUID jobId, int chunk, int attempts, String caller, String clientAddress, BatchAssessor.Options options, String items) {
        static Claimed of(Object[] row) {
            BatchAssessor.Options options = new BatchAssessor.Options((Boolean) row[5], BatchAssessor.Detail.valueOf((String) row[6]),
                    Language.valueOf((String) row[7]));
            return new Claimed((UUID) row[0], ((Number) row[1]).intValue(), ((Number) row[2]).intValue(), (String) row[3], (String) row[4],
                    options, (String) row[8]);
        }
    }

    private void run(Claimed chunk) {
        Caller caller;
        List<BatchAssessor.Item> items;
        try {
            caller = json.readValue(chunk.caller(), Caller.class);
            items = json.readValue(chunk.items(), ITEMS);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        try {
            BatchAssessor.Decided decided = assessor.decide(items, chunk.options(), caller);
            finish(chunk, decided.answers(), () -> {
                if (decided.needsStoring()) {
                    assessor.storeWithin(decided, items, caller, chunk.jobId(), chunk.clientAddress(), ACTION);
                }
            });
        } catch (RuntimeException e) {
            if (stopping) {
                return; // cut short by a shutdown: the lease runs out and another instance answers the chunk
            }
            if (chunk.attempts() >= MAX_ATTEMPTS) {
                LOG.warnf("Batch job %s chunk %d could not be stored after %d attempts: %s", chunk.jobId(), chunk.chunk(), chunk.attempts(), e.getMessage());
                finish(chunk, BatchAssessor.failed(items, e), () -> {
                });
            } else {
                // a lost race for an idempotency key or the database away: the chunk is answered again, the key then found
                transaction(() -> em().createNativeQuery("""
                                update batch_chunk set status = 'PENDING', owner = null, lease_until = null
                                where job_id = ?1 and chunk = ?2 and owner = ?3 and status = 'RUNNING'""")
                        .setParameter(1, chunk.jobId()).setParameter(2, chunk.chunk()).setParameter(3, Instance.ID).executeUpdate());
            }
        }
    }

    /** Writes the chunk's answers (and what {@code alsoWithin} stores) if this instance still holds it; nothing otherwise. */
    private void finish(Claimed chunk, List<BatchAnswer> answers, Runnable alsoWithin) {
        ByteArrayOutputStream ndjson = new ByteArrayOutputStream();
        try {
            assessor.write(ndjson, answers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int problems = (int) answers.stream().filter(a -> a.problem() != null).count();
        boolean written = QuarkusTransaction.requiringNew().call(() -> {
            // the row lock is taken first: an instance taking the chunk over after a lost lease waits or skips it
            int mine = em().createNativeQuery("""
                            update batch_chunk set status = 'DONE', answers = ?4, results = ?5, problems = ?6, lease_until = null, items = '[]'
                            where job_id = ?1 and chunk = ?2 and owner = ?3 and status = 'RUNNING'""")
                    .setParameter(1, chunk.jobId()).setParameter(2, chunk.chunk()).setParameter(3, Instance.ID)
                    .setParameter(4, ndjson.toString(StandardCharsets.UTF_8)).setParameter(5, answers.size() - problems).setParameter(6, problems)
                    .executeUpdate();
            if (mine == 0) {
                return false;
            }
            alsoWithin.run();
            leases.closeIfLast(chunk.jobId(), now());
            return true;
        });
        if (written) {
            lines.increment(answers.size());
            assessor.count(answers);
        }
    }

    /** The caller's job, or empty: another caller's job is not theirs to see. */
    public Optional<BatchJob> find(UUID id, Caller caller) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em().createNativeQuery(SELECT + " where j.id = ?1 and j.owner = ?2 group by j.id").setParameter(1, id).setParameter(2, caller.name())
                    .getResultList();
            return rows.stream().findFirst().map(row -> job((Object[]) row));
        });
    }

    /** The caller's jobs, newest first. */
    public List<BatchJob> list(Caller caller, int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> em().createNativeQuery(SELECT + " where j.owner = ?1 group by j.id order by j.created_at desc, j.id")
                .setParameter(1, caller.name()).setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(row -> job((Object[]) row)).toList());
    }

    public long count(Caller caller) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em().createNativeQuery("select count(*) from batch_job where owner = ?1")
                .setParameter(1, caller.name()).getSingleResult()).longValue());
    }

    /** A job and its chunks' counts; the caller adds the condition and {@code group by j.id}. */
    private static final String SELECT = """
            select j.id, j.status, j.persist, j.detail, j.language, j.total, j.created_at, j.finished_at,
                   coalesce(sum(c.lines) filter (where c.status = 'DONE'), 0), coalesce(sum(c.results), 0), coalesce(sum(c.problems), 0),
                   coalesce(sum(c.lines), 0), j.updated_at
            from batch_job j left join batch_chunk c on c.job_id = j.id""";

    private BatchJob job(Object[] row) {
        UUID id = (UUID) row[0];
        String status = (String) row[1];
        // while an upload (or a generated population) is received, the lines so far; then all of them
        int total = "RECEIVING".equals(status) ? ((Number) row[11]).intValue() : ((Number) row[5]).intValue();
        Instant createdAt = ChunkLeases.instant(row[6]);
        int processed = ((Number) row[8]).intValue();
        Long eta = null;
        if ("RUNNING".equals(status) && processed > 0) {
            // the pace since the job began to run (its updated_at while RUNNING), not since the upload began: a large upload,
            // or a generated population being made, would otherwise stretch the first estimates many times over
            long elapsed = Duration.between(ChunkLeases.instant(row[12]), clock.instant()).toMillis();
            eta = Math.round(elapsed / (double) processed * (total - processed) / 1000.0);
        }
        int percent = "RECEIVING".equals(status) ? 0 : total == 0 ? 100 : (int) (processed * 100L / total);
        Instant finishedAt = row[7] == null ? null : ChunkLeases.instant(row[7]);
        return new BatchJob(id, status, (Boolean) row[2], ((String) row[3]).toLowerCase(), (String) row[4], total, processed,
                ((Number) row[9]).intValue(), ((Number) row[10]).intValue(), percent, eta, createdAt, finishedAt,
                finishedAt == null ? null : finishedAt.plus(keepFinished));
    }

    /**
     * Writes the answer lines of the job's finished chunks in input order, one chunk read at a time: memory holds one
     * chunk whatever the size of the job. The whole answer once DONE; what was answered before a cancellation after it.
     */
    public void answers(UUID id, OutputStream out) throws IOException {
        List<Integer> done = QuarkusTransaction.requiringNew().call(() -> em()
                .createNativeQuery("select chunk from batch_chunk where job_id = ?1 and status = 'DONE' order by chunk", Integer.class)
                .setParameter(1, id).getResultList().stream().map(Integer.class::cast).toList());
        for (int chunk : done) {
            String answers = QuarkusTransaction.requiringNew().call(() -> (String) em()
                    .createNativeQuery("select answers from batch_chunk where job_id = ?1 and chunk = ?2", String.class)
                    .setParameter(1, id).setParameter(2, chunk).getSingleResult());
            out.write(answers.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    /**
     * Stops the job: no chunk is claimed after this; chunks being answered finish and count (their instance has read
     * their lines already), and the lines of the rest are dropped.
     */
    public void cancel(UUID id) {
        transaction(() -> {
            int cancelled = em().createNativeQuery("""
                            update batch_job set status = 'CANCELLED', finished_at = ?2, updated_at = ?2
                            where id = ?1 and status in ('RECEIVING', 'RUNNING')""")
                    .setParameter(1, id).setParameter(2, now()).executeUpdate();
            if (cancelled == 1) {
                forgetLines(id);
            }
        });
    }

    /**
     * Drops the uploaded lines (households with PINFLs, names and addresses) of a job's chunks: they are kept only until
     * the chunk is answered — a finished chunk drops its own as it writes its answers — or the job is cancelled.
     */
    private static void forgetLines(UUID id) {
        em().createNativeQuery("update batch_chunk set items = '[]' where job_id = ?1 and items <> '[]'").setParameter(1, id).executeUpdate();
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
        return AssessmentEntity.getEntityManager();
    }
}
