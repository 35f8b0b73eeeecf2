package uz.inson.assess.rules;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import uz.inson.assess.common.ProblemException;
import uz.inson.assess.common.ServiceClock;
import uz.inson.assess.household.Assets;
import uz.inson.assess.household.Disability;
import uz.inson.assess.household.DisabilityGroup;
import uz.inson.assess.household.Employment;
import uz.inson.assess.household.Household;
import uz.inson.assess.household.Housing;
import uz.inson.assess.household.HousingCondition;
import uz.inson.assess.household.HousingTenure;
import uz.inson.assess.household.Member;
import uz.inson.assess.household.MemberFlag;
import uz.inson.assess.household.MonthlyExpenses;
import uz.inson.assess.household.MonthlyIncome;
import uz.inson.assess.household.Region;
import uz.inson.assess.household.Registry;
import uz.inson.assess.household.Relation;
import uz.inson.assess.household.Sex;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Which compiled rule set decides an assessment. Holds the activation timeline (version → in force from an instant)
 * and the compiled versions; both are swapped atomically, so a request sees the old or the new timeline, never a
 * half-loaded one. Versions are compiled once and kept; where their files come from is the caller's business.
 */
@ApplicationScoped
public class ActiveRuleSet {
    private static final Logger LOG = Logger.getLogger(ActiveRuleSet.class);
    /** Case dates are Tashkent dates: a version in force at any moment of that day decides it. */
    private static final ZoneId TASHKENT = ServiceClock.TASHKENT;

    /** Version {@code ruleSetId} is in force from {@code effectiveFrom} until the next activation. */
    public record Activation(UUID ruleSetId, Instant effectiveFrom, long sequence) {
    }

    private record Timeline(List<Activation> activations, Function<UUID, RuleSetBundle> loader) {
    }

    private final AtomicReference<Timeline> timeline = new AtomicReference<>();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private volatile boolean nothingInForce;
    private final Map<UUID, CompletableFuture<CompiledRuleSet>> compiled = new ConcurrentHashMap<>();
    /** When each compiled version was last asked for; versions not needed now are dropped least recently used first. */
    private final Map<UUID, Long> lastUsed = new ConcurrentHashMap<>();
    /** Compiled versions kept beyond those in force now or scheduled: validated drafts, approved ones, old ones replayed. */
    static final int SPARE_VERSIONS = 8;
    private final CompletableFuture<Void> firstLoad = new CompletableFuture<>();
    private final RuleSetCompiler compiler;
    private final Duration startupWait;
    private final Clock clock;

    ActiveRuleSet(RuleSetCompiler compiler, Clock clock, RuleSetConfig config) {
        this.compiler = compiler;
        this.clock = clock;
        this.startupWait = config.startupWait();
    }

    /**
     * Puts a new activation timeline in force; the versions it needs now (and any scheduled later) are compiled
     * first, so the swap itself is instant.
     */
    public void install(List<Activation> activations, Function<UUID, RuleSetBundle> loader) throws RuleSetInvalidException {
        List<Activation> sorted = activations.stream()
                .sorted(Comparator.comparing(Activation::effectiveFrom).thenComparing(Activation::sequence)).toList();
        Timeline next = new Timeline(sorted, loader);
        Optional<Activation> current = inForceAt(sorted, clock.instant());
        for (Activation activation : sorted) {
            boolean needed = current.map(c -> c.equals(activation)).orElse(false) || activation.effectiveFrom().isAfter(clock.instant());
            if (needed) {
                compiled(activation.ruleSetId(), loader);
            }
        }
        timeline.set(next);
        nothingInForce = false;
        failure.set(null);
        firstLoad.complete(null);
    }

    /** Records why no rule set could be put in force (shown by readiness and by 503 answers). */
    public void failed(String reason) {
        nothingInForce = false;
        failure.set(reason);
        firstLoad.complete(null);
    }

    /** Records that there is no version to put in force at all (an empty database and no bundle to import). */
    public void nothingInForce(String reason) {
        nothingInForce = true;
        failure.set(reason);
        firstLoad.complete(null);
    }

    /** The compiled version {@code id}, compiling it (once) if needed. */
    public CompiledRuleSet byId(UUID id) {
        Timeline current = awaitTimeline();
        try {
            return compiled(id, current.loader());
        } catch (RuleSetInvalidException e) {
            throw new ProblemException(409, "rule-set-invalid", "Rule set " + id + " does not compile: " + e.getMessage(), List.of());
        }
    }

    /**
     * Takes in the compile, already under way, of a bundle expected to be needed soon: at start, the version the
     * database has in force or the repository's ({@link LaunchRuleSet}), begun before the container was up.
     */
    public void adopt(RuleSetBundle bundle, CompletableFuture<CompiledRuleSet> compiling) {
        compiled.putIfAbsent(bundle.id(), compiling);
        lastUsed.put(bundle.id(), System.nanoTime());
        compiling.whenComplete((ruleSet, failure) -> {
            if (ruleSet != null) {
                compiler.record(ruleSet);
            } else {
                Throwable cause = failure instanceof CompletionException wrapped ? wrapped.getCause() : failure;
                LOG.errorf("The bundle %s does not compile: %s", bundle.version(), cause.getMessage());
            }
        });
    }

    /** Keeps a version compiled during validation, so its impact analysis or putting it in force later needs no second compilation. */
    public void remember(CompiledRuleSet ruleSet) {
        compiled.putIfAbsent(ruleSet.id(), CompletableFuture.completedFuture(ruleSet));
        lastUsed.put(ruleSet.id(), System.nanoTime());
        dropSpares();
    }

    private CompiledRuleSet compiled(UUID id, Function<UUID, RuleSetBundle> loader) throws RuleSetInvalidException {
        CompletableFuture<CompiledRuleSet> future = compiled.computeIfAbsent(id, key -> CompletableFuture.supplyAsync(() -> {
            try {
                return compileAndWarmUp(compiler, loader.apply(key));
            } catch (RuleSetInvalidException e) {
                throw new CompletionException(e);
            }
        }));
        lastUsed.put(id, System.nanoTime());
        try {
            CompiledRuleSet ruleSet = future.join();
            if (compiled.size() > SPARE_VERSIONS) {
                dropSpares();
            }
            return ruleSet;
        } catch (CompletionException e) {
            compiled.remove(id, future);
            if (e.getCause() instanceof RuleSetInvalidException invalid) {
                throw invalid;
            }
            // e.g. a 404 from the loader for an unknown version: answer it as itself, not as a wrapped error
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Keeps memory bounded however many drafts are validated: beyond the versions in force now or scheduled, only the
     * {@value #SPARE_VERSIONS} most recently used compiled versions stay; a dropped one is compiled again if asked for.
     */
    private void dropSpares() {
        Timeline current = timeline.get();
        Set<UUID> pinned = new HashSet<>();
        if (current != null) {
            Instant now = clock.instant();
            inForceAt(current.activations(), now).ifPresent(a -> pinned.add(a.ruleSetId()));
            current.activations().stream().filter(a -> a.effectiveFrom().isAfter(now)).forEach(a -> pinned.add(a.ruleSetId()));
        }
        compiled.entrySet().stream()
                .filter(e -> !pinned.contains(e.getKey()) && e.getValue().isDone())
                .map(Map.Entry::getKey)
                .sorted(Comparator.comparing((UUID id) -> lastUsed.getOrDefault(id, 0L)).reversed())
                .skip(SPARE_VERSIONS)
                .forEach(id -> {
                    compiled.remove(id);
                    lastUsed.remove(id);
                });
    }

    /** The rule set in force now. */
    public CompiledRuleSet get() {
        return at(clock.instant());
    }

    /**
     * The rule set in force on the case date: for today, the one in force now; for another day, the last one put in
     * force by the end of that day (Tashkent time), so a later activation never changes how a past date is decided.
     */
    public CompiledRuleSet forDate(LocalDate asOf) {
        if (asOf.equals(ServiceClock.today(clock))) {
            return get();
        }
        return at(asOf.plusDays(1).atStartOfDay(TASHKENT).toInstant().minusNanos(1));
    }

    private CompiledRuleSet at(Instant instant) {
        Timeline current = awaitTimeline();
        if (current.activations().isEmpty() && failure.get() != null) {
            throw new ProblemException(503, "rule-set-unavailable", "No rule set is active: " + failure.get(), List.of());
        }
        Activation activation = inForceAt(current.activations(), instant).orElseThrow(() -> new ProblemException(422,
                "no-rule-set-in-force", "No rule set was in force on " + instant.atZone(TASHKENT).toLocalDate(),
                List.of(new uz.inson.assess.common.Violation("asOf", "no rule set in force on this date"))));
        try {
            return compiled(activation.ruleSetId(), current.loader());
        } catch (RuleSetInvalidException e) {
            throw new ProblemException(503, "rule-set-unavailable", "The rule set in force does not compile: " + e.getMessage(), List.of());
        }
    }

    private static Optional<Activation> inForceAt(List<Activation> sorted, Instant instant) {
        Activation found = null;
        for (Activation activation : sorted) {
            if (!activation.effectiveFrom().isAfter(instant)) {
                found = activation;
            }
        }
        return Optional.ofNullable(found);
    }

    private Timeline awaitTimeline() {
        Timeline current = timeline.get();
        if (current == null) {
            try {
                firstLoad.get(startupWait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // answered below as 503
            }
            current = timeline.get();
        }
        if (current == null) {
            String reason = failure.get();
            throw new ProblemException(503, "rule-set-unavailable", reason == null
                    ? "The rule set is still being compiled; try again in a few seconds"
                    : "No rule set is active: " + reason, List.of());
        }
        return current;
    }

    /** The version in force now, if it is compiled; never waits (used by readiness). */
    public Optional<CompiledRuleSet> ifLoaded() {
        Timeline current = timeline.get();
        if (current == null) {
            return Optional.empty();
        }
        return inForceAt(current.activations(), clock.instant())
                .map(a -> compiled.get(a.ruleSetId()))
                .filter(f -> f.isDone() && !f.isCompletedExceptionally())
                .map(CompletableFuture::join);
    }

    /** The activation in force now, if any. */
    public Optional<Activation> currentActivation() {
        Timeline current = timeline.get();
        return current == null ? Optional.empty() : inForceAt(current.activations(), clock.instant());
    }

    /** Why readiness is DOWN, in one word: still compiling, a version that does not compile, or nothing to run at all. */
    public String notReadyState() {
        return failure.get() == null ? "compiling" : nothingInForce ? "no-rule-set" : "failed";
    }

    static CompiledRuleSet compileAndWarmUp(RuleSetCompiler compiler, RuleSetBundle bundle) throws RuleSetInvalidException {
        CompiledRuleSet ruleSet = compiler.compile(bundle);
        warmUp(ruleSet);
        CompiledRuleSet.Compile compile = ruleSet.compile();
        LOG.infof("Rule set %s (%s) compiled in %d ms (%d of its %d spreadsheets as the build read them; its rules %s) and warmed up",
                ruleSet.version(), ruleSet.hash(), compile.millis(), compile.spreadsheetsReadByBuild(), compile.spreadsheets(),
                compile.compiledBefore() ? "as compiled before" : "compiled by Drools");
        return ruleSet;
    }

    /**
     * Runs a sample household through a new rule set before it serves: a rule set that fails on evaluation never
     * becomes active, and the first real request does not pay for the engine's just-in-time compilation.
     */
    private static void warmUp(CompiledRuleSet compiled) {
        Household sample = new Household("warm-up", Region.TASHKENT_CITY, null, null,
                new Housing(HousingTenure.RENTED, HousingCondition.POOR, true),
                new MonthlyIncome(900_000, 0, 0, 0, 0, 0), new MonthlyExpenses(300_000, 100_000, 50_000, 0, 0, 0),
                Assets.NONE, Set.of(Registry.IRON_NOTEBOOK),
                List.of(new Member("m1", null, LocalDate.of(1990, 1, 1), Sex.F, Relation.HEAD, Employment.UNEMPLOYED, null, false, Set.of()),
                        new Member("m2", null, LocalDate.of(2018, 1, 1), Sex.M, Relation.CHILD, Employment.CHILD,
                                new Disability(DisabilityGroup.CHILD_DISABILITY), false, Set.of(MemberFlag.NEEDS_CARE))));
        for (int i = 0; i < 30; i++) {
            compiled.evaluate(sample, LocalDate.of(2026, 6, 1));
        }
    }
}
