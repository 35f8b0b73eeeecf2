package uz.inson.assess.rules.facts;

/** The household's settled risk level, from the row that set it, and its points; the case-paths table reads it. */
public record RiskAssessment(int score, RiskLevel riskLevel, String rule) {

    public int getScore() { return score; }
    public String getLevel() { return riskLevel.name(); }
}
