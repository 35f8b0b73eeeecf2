package uz.inson.assess.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import uz.inson.assess.common.ProblemException;

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

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rule set assessments run against. Compiled in the background at start so the service answers health checks at
 * once; swapped atomically, so a request sees either the old or the new version, never a half-loaded one.
 */
@ApplicationScoped
public class ActiveRuleSet {
    private static final Logger LOG = Logger.getLogger(ActiveRuleSet.class);

    private final AtomicReference<CompiledRuleSet> current = new AtomicReference<>();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final CompletableFuture<Void> firstLoad = new CompletableFuture<>();
    private final RuleSetCompiler compiler;
    private final Path bundleDirectory;
    private final Duration startupWait;

    ActiveRuleSet(RuleSetCompiler compiler, @ConfigProperty(name = "inson.bundle.directory") Path bundleDirectory,
                  @ConfigProperty(name = "inson.rule-set.startup-wait", defaultValue = "30s") Duration startupWait) {
        this.compiler = compiler;
        this.bundleDirectory = bundleDirectory;
        this.startupWait = startupWait;
    }

    /** Fired as soon as the container is up, before the datasource and the HTTP server start: compiling runs beside them. */
    void onContainerUp(@Observes @Initialized(ApplicationScoped.class) Object event) {
        CompletableFuture.runAsync(this::loadBundle).whenComplete((done, error) -> firstLoad.complete(null));
    }

    private void loadBundle() {
        try {
            RuleSetBundle bundle = RuleSetBundle.fromDirectory(bundleDirectory);
            CompiledRuleSet compiled = compiler.compile(bundle);
            warmUp(compiled);
            current.set(compiled);
            LOG.infof("Rule set %s (%s) compiled in %d ms, warmed up and active", compiled.version(), compiled.hash(), compiled.compileMillis());
        } catch (RuleSetInvalidException e) {
            failure.set(e.getMessage());
            e.problems().forEach(p -> LOG.errorf("Rule set problem: %s", p));
        } catch (RuntimeException e) {
            failure.set(e.getMessage());
            LOG.error("Rule set could not be loaded", e);
        }
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

    /**
     * The active rule set. Right after start, waits up to {@code inson.rule-set.startup-wait} for the first compilation,
     * so early requests are slow rather than refused; 503 after that, or when no rule set could be compiled.
     */
    public CompiledRuleSet get() {
        CompiledRuleSet compiled = current.get();
        if (compiled == null) {
            try {
                firstLoad.get(startupWait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // answered below as 503
            }
            compiled = current.get();
        }
        if (compiled == null) {
            String reason = failure.get();
            throw new ProblemException(503, "rule-set-unavailable", reason == null
                    ? "The rule set is still being compiled; try again in a few seconds"
                    : "No rule set is active: " + reason, List.of());
        }
        return compiled;
    }

    public Optional<CompiledRuleSet> ifLoaded() {
        return Optional.ofNullable(current.get());
    }

    public Optional<String> failure() {
        return Optional.ofNullable(failure.get());
    }
}
