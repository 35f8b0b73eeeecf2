package uz.inson.assess.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import uz.inson.assess.assessment.AssessmentResult;
import uz.inson.assess.assessment.AssessmentService;
import uz.inson.assess.assessment.Decision;
import uz.inson.assess.audit.AuditTrail;
import uz.inson.assess.common.HttpLimitsConfig;
import uz.inson.assess.common.Language;
import uz.inson.assess.common.NdjsonLines;
import uz.inson.assess.common.Problem;
import uz.inson.assess.common.ProblemException;
import uz.inson.assess.common.ProblemMappers;
import uz.inson.assess.common.Violation;
import uz.inson.assess.security.Caller;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Assesses an NDJSON stream of households line by line and writes one answer line per input line as it goes, in
 * input order, a chunk at a time: memory holds one chunk whatever the size of the batch. Each line takes the path of
 * a single assessment (checks, territory, engine, words, storage); a bad line becomes a problem line and the batch
 * goes on. A stored chunk is one transaction with one audit entry, so no answer is acknowledged without its entry.
 */
@ApplicationScoped
public class BatchAssessor {
    private static final Logger LOG = Logger.getLogger(BatchAssessor.class);
    /** Lines per transaction and audit entry: large enough to make storage cheap, small enough to hold in memory. */
    static final int CHUNK = 200;
    static final String ACTION = "POST /api/v1/assessments/batch";

    /** What the caller asked of the whole batch. */
    public record Options(boolean persist, Detail detail, Language language) {
        /** The options from the query parameters {@code persist} (default true) and {@code detail} (default full). */
        static Options of(String persist, String detail, Language language) {
            boolean stored = switch (persist == null ? "true" : persist) {
                case "true" -> true;
                case "false" -> false;
                default -> throw ProblemException.invalid("persist", "must be true or false");
            };
            Detail shown = switch (detail == null ? "full" : detail) {
                case "full" -> Detail.FULL;
                case "decision" -> Detail.DECISION;
                default -> throw ProblemException.invalid("detail", "must be full or decision");
            };
            return new Options(stored, shown, language);
        }
    }

    public enum Detail {
        /** Service codes, package, risk level and case path: no sentences are built unless the line is stored. */
        DECISION,
        /** The same answer as a single assessment. */
        FULL
    }

    private final AssessmentService assessments;
    private final AuditTrail trail;
    private final Validator validator;
    private final ObjectMapper json;
    private final ObjectReader lines;
    private final Clock clock;
    private final int maxLineBytes;
    private final Counter results;
    private final Counter problems;
    private final ManagedExecutor executor;
    private final int parallelism;

    BatchAssessor(AssessmentService assessments, AuditTrail trail, Validator validator, ObjectMapper json, Clock clock, MeterRegistry registry,
                  ManagedExecutor executor, HttpLimitsConfig limits, BatchConfig config) {
        this.assessments = assessments;
        this.trail = trail;
        this.validator = validator;
        this.json = json;
        this.lines = json.readerFor(BatchLine.class);
        this.clock = clock;
        // a line is one assessment: it may be as large as the body of a single one
        this.maxLineBytes = (int) Math.min(Integer.MAX_VALUE - 8, limits.maxBodySize().asLongValue());
        this.executor = executor;
        // as impact analysis: half the cores by default, so the rest of the machine keeps serving case workers
        this.parallelism = config.parallelism().filter(n -> n > 0).orElse(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        this.results = Counter.builder("inson.batch.lines").tag("outcome", "result").description("Batch lines answered with a result").register(registry);
        this.problems = Counter.builder("inson.batch.lines").tag("outcome", "problem").description("Batch lines answered with a problem").register(registry);
    }

    /** Reads the batch from {@code in} and writes its answers to {@code out}; the audit entries name {@code clientAddress}. */
    public void run(InputStream in, OutputStream out, Options options, Caller caller, String clientAddress) throws IOException {
        UUID batch = UUID.randomUUID();
        read(in, chunk -> {
            List<BatchAnswer> answers = answer(chunk, options, caller, batch, clientAddress);
            write(out, answers);
            count(answers);
        });
    }

    /** Something done with each chunk of lines read. */
    interface ChunkSink {
        void accept(List<Item> chunk) throws IOException;
    }

    /** Reads NDJSON lines into chunks of {@value #CHUNK} items, handing each on before reading the next; returns the lines read. */
    int read(InputStream in, ChunkSink sink) throws IOException {
        NdjsonLines reader = new NdjsonLines(in, maxLineBytes);
        List<Item> chunk = new ArrayList<>(CHUNK);
        int lines = 0;
        NdjsonLines.Line line;
        while ((line = reader.next()) != null) {
            chunk.add(parse(line));
            lines++;
            if (chunk.size() == CHUNK) {
                sink.accept(List.copyOf(chunk));
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            sink.accept(List.copyOf(chunk));
        }
        return lines;
    }

    /** A line read: its request, or why it could not be read (a batch job keeps its chunks of items in the database). */
    record Item(int line, String id, String key, BatchLine request, Problem problem) {
    }

    private Item parse(NdjsonLines.Line line) {
        if (line.tooLong()) {
            return new Item(line.number(), null, null, null, ProblemMappers.of(invalidLine("is longer than " + maxLineBytes + " bytes")).orElseThrow());
        }
        BatchLine request;
        try {
            request = lines.readValue(line.bytes(), 0, line.length());
        } catch (IOException e) {
            return new Item(line.number(), null, null, null, onLine(problem(e)));
        }
        if (request == null) {
            return new Item(line.number(), null, null, null, ProblemMappers.of(invalidLine("must be a JSON object")).orElseThrow());
        }
        Set<ConstraintViolation<BatchLine>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            return new Item(line.number(), request.id(), null, null, ProblemMappers.details(violations));
        }
        return new Item(line.number(), request.id(), request.idempotencyKey(), request, null);
    }

    /** A line that cannot be read names the line, not the body: in a batch each line is a body of its own. */
    private static Problem onLine(Problem problem) {
        List<Violation> violations = problem.violations().stream()
                .map(v -> v.field().equals("body") ? new Violation("line", v.message()) : v).toList();
        return Problem.of(problem.status(), problem.code(), problem.title(), problem.detail().replaceFirst("^body ", "line "), violations);
    }

    private static ProblemException invalidLine(String message) {
        return new ProblemException(400, "invalid-input", "The line " + message, List.of(new Violation("line", message)));
    }

    /** Answers a chunk; a chunk whose storage lost a race for an idempotency key is answered again (then the key is found). */
    private List<BatchAnswer> answer(List<Item> chunk, Options options, Caller caller, UUID batch, String clientAddress) {
        try {
            return attempt(chunk, options, caller, batch, clientAddress);
        } catch (StorageFailed first) {
            try {
                return attempt(chunk, options, caller, batch, clientAddress);
            } catch (StorageFailed second) {
                return failed(chunk, second.getCause());
            }
        }
    }

    private List<BatchAnswer> attempt(List<Item> chunk, Options options, Caller caller, UUID batch, String clientAddress) {
        Decided decided = decide(chunk, options, caller);
        if (decided.needsStoring()) {
            try {
                QuarkusTransaction.requiringNew().run(() -> storeWithin(decided, chunk, caller, batch, clientAddress, ACTION));
            } catch (RuntimeException e) {
                throw new StorageFailed(e);
            }
        }
        return decided.answers();
    }

    /** Every line of a chunk that could not be stored answered with the reason (its own problem when it had one). */
    static List<BatchAnswer> failed(List<Item> chunk, Throwable cause) {
        Problem problem = problem(cause);
        return chunk.stream().map(item -> BatchAnswer.problem(item.line(), item.id(), item.problem() != null ? item.problem() : problem)).toList();
    }

    /** What became of one line in one attempt. */
    private static final class Outcome {
        AssessmentService.Answered answered;
        AssessmentResult earlier;
        Decision decision;
        Problem problem;
    }

    /** A chunk decided: its answer lines, and the new assessments to store before they are told (none in a dry run). */
    record Decided(List<BatchAnswer> answers, List<Pending> toStore) {
        boolean needsStoring() {
            return !toStore.isEmpty();
        }
    }

    /** Decides a chunk; the lookup of its idempotency keys reads the database (StorageFailed when that fails). */
    Decided decide(List<Item> chunk, Options options, Caller caller) {
        Map<String, AssessmentService.Stored> stored = options.persist() ? storedUnder(chunk, caller) : Map.of();
        Map<String, Integer> firstWithKey = new HashMap<>();
        Outcome[] outcomes = new Outcome[chunk.size()];
        int[] sameKeyAs = new int[chunk.size()];
        List<Integer> toDecide = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            Item item = chunk.get(i);
            Outcome outcome = outcomes[i] = new Outcome();
            sameKeyAs[i] = -1;
            String key = options.persist() ? item.key() : null;
            if (item.problem() != null) {
                outcome.problem = item.problem();
            } else if (key != null && stored.containsKey(key)) {
                AssessmentService.Stored earlier = stored.get(key);
                outcomes[i] = earlier.request().isRetriedBy(item.request().request()) ? earlier(earlier.result()) : reused(key);
            } else if (key != null && firstWithKey.containsKey(key)) {
                sameKeyAs[i] = firstWithKey.get(key);
            } else {
                if (key != null) {
                    firstWithKey.put(key, i);
                }
                toDecide.add(i);
            }
        }
        decideAll(toDecide, chunk, outcomes, options, caller);
        List<Pending> toStore = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            if (sameKeyAs[i] >= 0) {
                // the same key twice in one chunk: the second gets what the first got
                Outcome first = outcomes[sameKeyAs[i]];
                outcomes[i] = !chunk.get(sameKeyAs[i]).request().request().isRetriedBy(chunk.get(i).request().request()) ? reused(chunk.get(i).key())
                        : first.answered != null ? earlier(first.answered.result()) : first;
            } else if (outcomes[i].answered != null && options.persist()) {
                toStore.add(new Pending(outcomes[i].answered, chunk.get(i).key()));
            }
        }
        List<BatchAnswer> answers = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            answers.add(answerLine(chunk.get(i), outcomes[i], options, caller));
        }
        return new Decided(answers, toStore);
    }

    /**
     * Decides these lines of the chunk in {@code parallelism} slices, this thread taking the first: each decision is a
     * stateless session of its own, so lines do not wait for each other. The answers keep the input order.
     */
    private void decideAll(List<Integer> lines, List<Item> chunk, Outcome[] outcomes, Options options, Caller caller) {
        int slices = Math.max(1, Math.min(parallelism, lines.size()));
        CompletableFuture<?>[] others = new CompletableFuture<?>[slices - 1];
        for (int s = 1; s < slices; s++) {
            int slice = s;
            others[s - 1] = executor.runAsync(() -> decideSlice(slice, slices, lines, chunk, outcomes, options, caller));
        }
        decideSlice(0, slices, lines, chunk, outcomes, options, caller);
        CompletableFuture.allOf(others).join();
    }

    private void decideSlice(int slice, int slices, List<Integer> lines, List<Item> chunk, Outcome[] outcomes, Options options, Caller caller) {
        for (int j = slice; j < lines.size(); j += slices) {
            int i = lines.get(j);
            Outcome outcome = outcomes[i];
            try {
                boolean inWords = options.persist() || options.detail() == Detail.FULL;
                AssessmentService.Decided decided = assessments.decide(chunk.get(i).request().request(), caller, inWords);
                if (inWords) {
                    // a stored line is stored in full; a dry one is put into words only as far as the caller is shown it
                    outcome.answered = assessments.answer(decided, options.language(), false, false,
                            options.persist() || AssessmentService.seesCaseDetail(caller));
                } else {
                    outcome.decision = decided.decision();
                }
            } catch (RuntimeException e) {
                outcome.problem = problem(e);
            }
        }
    }

    private Map<String, AssessmentService.Stored> storedUnder(List<Item> chunk, Caller caller) {
        try {
            return assessments.storedUnder(caller, chunk.stream().filter(i -> i.key() != null).map(Item::key).distinct().toList());
        } catch (RuntimeException e) {
            throw new StorageFailed(e);
        }
    }

    /** A key already used for another household: answering the stored result would answer the wrong household. */
    private static Outcome reused(String key) {
        Outcome outcome = new Outcome();
        outcome.problem = ProblemMappers.of(AssessmentService.keyReused("idempotencyKey", key)).orElseThrow();
        return outcome;
    }

    private static Outcome earlier(AssessmentResult result) {
        Outcome outcome = new Outcome();
        outcome.earlier = result;
        return outcome;
    }

    /** A new assessment of the chunk, with the idempotency key of its line. */
    record Pending(AssessmentService.Answered answered, String key) {
    }

    /** Stores the chunk's new assessments and its audit entry in the caller's transaction: all of them or none. */
    void storeWithin(Decided decided, List<Item> chunk, Caller caller, UUID batch, String clientAddress, String action) {
        String lines = "batch " + batch + " lines " + chunk.get(0).line() + "-" + chunk.get(chunk.size() - 1).line() + ": "
                + decided.toStore().size() + " stored";
        decided.toStore().forEach(pending -> assessments.store(pending.answered(), caller, batch, pending.key()));
        trail.recordWithin(new AuditTrail.Event(OffsetDateTime.now(clock), caller.name(), String.join(",", new TreeSet<>(caller.roles())),
                action, lines, 201, clientAddress));
    }

    private BatchAnswer answerLine(Item item, Outcome outcome, Options options, Caller caller) {
        if (outcome.problem != null) {
            return BatchAnswer.problem(item.line(), item.id(), outcome.problem);
        }
        if (outcome.decision != null) {
            return BatchAnswer.result(item.line(), item.id(), BatchDecision.of(outcome.decision), false);
        }
        AssessmentResult result = outcome.earlier != null ? outcome.earlier : outcome.answered.result();
        if (!options.persist()) {
            result = result.identified(null, result.assessedAt()); // a dry run has no stored assessment to point at
        }
        Object shown = options.detail() == Detail.FULL ? AssessmentService.shownTo(caller, result) : BatchDecision.of(result);
        return BatchAnswer.result(item.line(), item.id(), shown, outcome.earlier != null);
    }

    /** The problem details a single assessment would have answered for this error; an unexpected one is logged, not told. */
    private static Problem problem(Throwable e) {
        return ProblemMappers.of(e).orElseGet(() -> {
            String incident = UUID.randomUUID().toString();
            LOG.errorf(e, "Unexpected error in a batch line, incident %s", incident);
            return Problem.of(500, "internal-error", "Internal error", "An unexpected error occurred; incident " + incident, List.of());
        });
    }

    /** Writes answer lines as NDJSON. */
    void write(OutputStream out, List<BatchAnswer> answers) throws IOException {
        for (BatchAnswer answer : answers) {
            out.write(json.writeValueAsBytes(answer));
            out.write('\n');
        }
        out.flush();
    }

    /** Counts answer lines told (streamed, or written with a job's chunk) in the batch-lines metric. */
    void count(List<BatchAnswer> answers) {
        answers.forEach(answer -> (answer.problem() == null ? results : problems).increment());
    }

    /** Storing a chunk, or looking up its keys, failed (a lost race for a key, or the database): the chunk is answered again once. */
    private static final class StorageFailed extends RuntimeException {
        StorageFailed(RuntimeException cause) {
            super(cause);
        }
    }
}
