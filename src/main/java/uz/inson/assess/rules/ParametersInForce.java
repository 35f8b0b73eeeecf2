package uz.inson.assess.rules;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import uz.inson.assess.rules.facts.CaseDate;
import uz.inson.assess.rules.facts.Parameter;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rows of the parameters table, compiled apart from the other rules. Which values are in force depends on the case
 * date alone, so a version works each date out once and every assessment of that date starts with those
 * {@link Parameter} facts: firing the table's rows in every session was a fifth of the bare rule run
 * (docs/performance.md). The facts are shared between sessions and never changed once their row has fired.
 */
final class ParametersInForce {
    /** A year of case dates and more; past it the dates are worked out again (a batch or an analysis uses one date). */
    private static final int DATES_KEPT = 400;

    /** Null when the bundle has no parameters table: no values are in force on any date. */
    private final KieBase rows;
    private final Map<LocalDate, List<Parameter>> byDate = new ConcurrentHashMap<>();

    ParametersInForce(KieBase rows) {
        this.rows = rows;
    }

    /** The parameters in force on the date, in the order of their rows' names. */
    List<Parameter> on(LocalDate date) {
        List<Parameter> known = byDate.get(date);
        if (known != null) {
            return known;
        }
        if (byDate.size() >= DATES_KEPT) {
            byDate.clear();
        }
        List<Parameter> found = fire(date);
        byDate.putIfAbsent(date, found);
        return found;
    }

    private List<Parameter> fire(LocalDate date) {
        if (rows == null) {
            return List.of();
        }
        KieSession session = rows.newKieSession();
        try {
            session.insert(new CaseDate(date));
            session.fireAllRules();
            return session.getObjects(Parameter.class::isInstance).stream().map(Parameter.class::cast)
                    .sorted(Comparator.comparing(Parameter::getRule)).toList();
        } finally {
            session.dispose();
        }
    }
}
