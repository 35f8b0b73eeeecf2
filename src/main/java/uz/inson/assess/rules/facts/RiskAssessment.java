package uz.inson.assess.rules.facts;

/** The household's settled risk score and level; the case-paths table reads it. */
public record RiskAssessment(int score, String level, String rule) {

    public int getScore() { return score; }
    public String getLevel() { return level; }
}
