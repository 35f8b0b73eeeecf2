package uz.inson.assess.rulesets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** One impact analysis: a draft run beside another version over a population; progress is readable while it runs. */
public final class ImpactJob {
    final UUID id = UUID.randomUUID();
    final UUID ruleSetId;
    final UUID againstId;
    final int total;
    private final Clock clock;
    final Instant startedAt;
    final AtomicInteger processed = new AtomicInteger();
    final AtomicBoolean cancelled = new AtomicBoolean();
    volatile String status = "RUNNING";
    volatile String error;
    volatile Instant finishedAt;

    // aggregates, written by the one worker thread and read after it finishes (or as a snapshot while it runs)
    final Map<String, int[]> services = new TreeMap<>();           // code -> {gained, lost}
    final Map<String, Integer> riskTransitions = new TreeMap<>();    // "LOW→HIGH" -> households
    final Map<String, Integer> pathTransitions = new TreeMap<>();
    final Map<String, long[]> byRegion = new TreeMap<>();            // region -> {households, affected, cash change}
    final Map<String, long[]> byMahalla = new TreeMap<>();           // region / district / mahalla -> same
    final List<AffectedHousehold> affected = new ArrayList<>();
    long cashChangeUzs;

    ImpactJob(UUID ruleSetId, UUID againstId, int total, Clock clock) {
        this.clock = clock;
        this.startedAt = clock.instant();
        this.ruleSetId = ruleSetId;
        this.againstId = againstId;
        this.total = total;
    }

    /** A household whose services, risk level, case path or cash changed. */
    public record AffectedHousehold(String externalId, String region, String district, String mahalla, List<String> gained, List<String> lost,
                             String riskFrom, String riskTo, String pathFrom, String pathTo, long cashChangeUzs) {
    }

    public record Progress(UUID jobId, UUID ruleSetId, UUID against, String status, int processed, int total, int percent, Long etaSeconds,
                    String error) {
    }

    public record Report(Progress progress, long monthlyCashChangeUzs, int affectedHouseholds, List<ServiceChange> services,
                  Map<String, Integer> riskLevelTransitions, Map<String, Integer> casePathTransitions,
                  Map<String, Area> byRegion, Map<String, Area> byMahalla) {
    }

    public record ServiceChange(String code, int gained, int lost) {
    }

    public record Area(long households, long affected, long monthlyCashChangeUzs) {
    }

    Progress progress() {
        int done = processed.get();
        Long eta = null;
        if ("RUNNING".equals(status) && done > 0) {
            long elapsed = Duration.between(startedAt, clock.instant()).toMillis();
            eta = Math.round(elapsed / (double) done * (total - done) / 1000.0);
        }
        return new Progress(id, ruleSetId, againstId, status, done, total, total == 0 ? 100 : done * 100 / total, eta, error);
    }

    public synchronized Report report() {
        List<ServiceChange> changes = services.entrySet().stream()
                .map(e -> new ServiceChange(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        Map<String, Area> regions = new TreeMap<>();
        byRegion.forEach((k, v) -> regions.put(k, new Area(v[0], v[1], v[2])));
        Map<String, Area> mahallas = new TreeMap<>();
        byMahalla.forEach((k, v) -> mahallas.put(k, new Area(v[0], v[1], v[2])));
        return new Report(progress(), cashChangeUzs, affected.size(), changes, new TreeMap<>(riskTransitions),
                new TreeMap<>(pathTransitions), regions, mahallas);
    }
}
