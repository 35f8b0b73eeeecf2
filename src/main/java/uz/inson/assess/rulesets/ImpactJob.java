package uz.inson.assess.rulesets;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** What an impact analysis reports: progress while it runs, and the tally of its finished chunks. */
public final class ImpactJob {
    private ImpactJob() {
    }

    /** A household whose services, risk level, case path or cash changed. */
    public record AffectedHousehold(String externalId, String region, String district, String mahalla, List<String> gained, List<String> lost,
                             String riskFrom, String riskTo, String pathFrom, String pathTo, long cashChangeUzs) {
    }

    /** {@code keptUntil}: when a finished analysis is deleted ({@code inson.impact.keep-finished} after it finished). */
    public record Progress(UUID jobId, UUID ruleSetId, UUID against, String status, int processed, int total, int percent, Long etaSeconds,
                    String error, Instant startedAt, Instant keptUntil) {
    }

    /** A page of analyses, newest first. */
    public record Page(List<Progress> items, int page, int size, long total) {
    }

    public record Report(Progress progress, long monthlyCashChangeUzs, int affectedHouseholds, List<ServiceChange> services,
                  Map<String, Integer> riskLevelTransitions, Map<String, Integer> casePathTransitions,
                  Map<String, Area> byRegion, Map<String, Area> byMahalla) {
    }

    public record ServiceChange(String code, int gained, int lost) {
    }

    public record Area(long households, long affected, long monthlyCashChangeUzs) {
    }

    /**
     * The counts of one chunk, stored as its result; a job's report is the sum of its chunks' tallies, so it is the same
     * whichever instances computed them and in whatever order.
     */
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
    static final class Tally {
        final Map<String, int[]> services = new TreeMap<>();           // code -> {gained, lost}
        final Map<String, Integer> riskTransitions = new TreeMap<>();    // "LOW→HIGH" -> households
        final Map<String, Integer> pathTransitions = new TreeMap<>();
        final Map<String, long[]> byRegion = new TreeMap<>();            // region -> {households, affected, cash change}
        final Map<String, long[]> byMahalla = new TreeMap<>();           // region / district / mahalla -> same
        final List<AffectedHousehold> affected = new ArrayList<>();
        long households;
        long cashChangeUzs;

        void add(Tally other) {
            other.services.forEach((code, n) -> {
                int[] mine = services.computeIfAbsent(code, k -> new int[2]);
                mine[0] += n[0];
                mine[1] += n[1];
            });
            other.riskTransitions.forEach((k, n) -> riskTransitions.merge(k, n, Integer::sum));
            other.pathTransitions.forEach((k, n) -> pathTransitions.merge(k, n, Integer::sum));
            addAreas(byRegion, other.byRegion);
            addAreas(byMahalla, other.byMahalla);
            affected.addAll(other.affected);
            households += other.households;
            cashChangeUzs += other.cashChangeUzs;
        }

        private static void addAreas(Map<String, long[]> into, Map<String, long[]> from) {
            from.forEach((area, n) -> {
                long[] mine = into.computeIfAbsent(area, k -> new long[3]);
                for (int i = 0; i < 3; i++) {
                    mine[i] += n[i];
                }
            });
        }

        /** {@code affectedHouseholds}: the report is summed without the households themselves (they are counted apart). */
        Report report(Progress progress, int affectedHouseholds) {
            List<ServiceChange> changes = services.entrySet().stream()
                    .map(e -> new ServiceChange(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
            Map<String, Area> regions = new TreeMap<>();
            byRegion.forEach((k, v) -> regions.put(k, new Area(v[0], v[1], v[2])));
            Map<String, Area> mahallas = new TreeMap<>();
            byMahalla.forEach((k, v) -> mahallas.put(k, new Area(v[0], v[1], v[2])));
            return new Report(progress, cashChangeUzs, affectedHouseholds, changes, new TreeMap<>(riskTransitions),
                    new TreeMap<>(pathTransitions), regions, mahallas);
        }
    }
}
