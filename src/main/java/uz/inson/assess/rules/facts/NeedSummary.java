package uz.inson.assess.rules.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The household's needs once every needs row has fired: the areas of life with a problem, whether any red flag or
 * immediate danger was found, and the points of its problems, each counted once with its strongest row. The
 * risk-levels table reads it; eligibility rows ask it whether the household has the need a service answers.
 */
public final class NeedSummary {
    private final Set<String> areas;
    private final boolean redFlag;
    private final boolean immediateDanger;
    private final List<RiskFactor> factors;
    private final int points;

    private NeedSummary(Set<String> areas, boolean redFlag, boolean immediateDanger, List<RiskFactor> factors) {
        this.areas = areas;
        this.redFlag = redFlag;
        this.immediateDanger = immediateDanger;
        this.factors = factors;
        this.points = Math.min(100, factors.stream().mapToInt(RiskFactor::points).sum());
    }

    /** Called by rules/needs.drl with every needs row that held. */
    public static NeedSummary of(Collection<?> hits) {
        List<NeedHit> needs = hits.stream().map(NeedHit.class::cast).toList();
        Set<NeedArea> areas = EnumSet.noneOf(NeedArea.class);
        needs.forEach(n -> areas.add(n.getArea()));
        Map<String, NeedHit> strongest = new LinkedHashMap<>();
        needs.stream()
                .sorted(Comparator.comparing(NeedHit::getPoints).reversed().thenComparing(NeedHit::getRule)
                        .thenComparing(n -> n.getMemberRef() == null ? "" : n.getMemberRef()))
                .forEach(n -> strongest.putIfAbsent(n.getCode(), n));
        List<RiskFactor> factors = new ArrayList<>();
        strongest.values().forEach(n -> factors.add(new RiskFactor(n.getCode(), n.getPoints(), n.getArea(), n.getMemberRef(), n.getRule())));
        factors.sort(Comparator.comparing(RiskFactor::points).reversed().thenComparing(RiskFactor::code));
        return new NeedSummary(areas.stream().map(Enum::name).collect(Collectors.toUnmodifiableSet()),
                needs.stream().anyMatch(NeedHit::isRedFlag), needs.stream().anyMatch(NeedHit::isImmediateDanger), List.copyOf(factors));
    }

    /** The areas of life with a problem, by name (what the tables compare). */
    public Set<String> getAreas() { return areas; }
    public int getProblemAreas() { return areas.size(); }
    public boolean isRedFlag() { return redFlag; }
    public boolean isImmediateDanger() { return immediateDanger; }
    /** Orders households within a risk level. */
    public int getPoints() { return points; }
    public List<RiskFactor> factors() { return factors; }
}
