package uz.inson.assess.rules.facts;

import java.util.List;

/** The risk score being worked out in rules/risk.drl; its level may still be raised. */
public final class RiskScore {
    private static final List<String> LEVELS = List.of("LOW", "MODERATE", "HIGH", "CRITICAL");

    private final int score;
    private final int areas;
    private String level;
    private String reason;

    public RiskScore(int score, int areas, String level, String reason) {
        this.score = score;
        this.areas = areas;
        this.level = level;
        this.reason = reason;
    }

    public int getScore() { return score; }
    /** How many distinct areas of life have a problem. */
    public int getAreas() { return areas; }
    public String getLevel() { return level; }
    public String getReason() { return reason; }

    public boolean isBelow(String other) {
        return LEVELS.indexOf(level) < LEVELS.indexOf(other);
    }

    /** Raises the level to {@code floor} when it is lower, recording which rule did it. */
    public void raiseTo(String floor, String rule) {
        if (isBelow(floor)) {
            level = floor;
            reason = rule;
        }
    }
}
