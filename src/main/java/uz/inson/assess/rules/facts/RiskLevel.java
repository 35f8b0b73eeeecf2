package uz.inson.assess.rules.facts;

/** From light to heavy; the risk-levels table decides which applies (rules/risk.drl keeps the heaviest). */
public enum RiskLevel {
    LOW, MODERATE, HIGH, CRITICAL
}
