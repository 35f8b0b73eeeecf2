package uz.inson.assess.rules;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import uz.inson.assess.rules.facts.CaseDate;
import uz.inson.assess.rules.facts.Parameter;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rows of the parameters table, compiled apart from the other rules. Which values are in force depends on the case
 * date alone, so a version works each date out once and every assessment of that date starts with those
 * {@link Parameter} facts: firing the table's rows in every session was a fifth of the bare rule run
 * (docs/performance-history.md). Only the parameters the rules read go into a session (the others were inserted,
 * propagated and reset for nothing in every assessment); the answer reads every parameter from
 * {@link InForce#byName()}, or from the session when the rules read parameters in ways their names do not tell. The
 * facts are shared between sessions and never changed once their row has fired.
 */
final class ParametersInForce {
    /** A year of case dates and more; past it the dates are worked out again (a batch or an analysis uses one date). */
    private static final int DATES_KEPT = 400;

    /** Null when the bundle has no parameters table: no values are in force on any date. */
    private final KieBase rows;
    /** The names the rules' patterns read, or null when a pattern reads parameters by anything but a literal name. */
    private final Set<String> readByRules;
    private final Map<LocalDate, InForce> byDate = new ConcurrentHashMap<>();

    /**
     * The parameters in force on a date: those a session needs, in the order of their rows' names, and all of them by
     * name (two rows in force for one name: the rule named first wins) — null when the rules may read or insert
     * parameters in ways the names do not tell: then every one goes in and the outcome gathers them from the session.
     */
    record InForce(List<Parameter> forSession, Map<String, Parameter> byName) {
    }

    ParametersInForce(KieBase rows, Set<String> readByRules) {
        this.rows = rows;
        this.readByRules = readByRules;
    }

    InForce on(LocalDate date) {
        InForce known = byDate.get(date);
        if (known != null) {
            return known;
        }
        if (byDate.size() >= DATES_KEPT) {
            byDate.clear();
        }
        List<Parameter> all = fire(date);
        InForce found = readByRules == null ? new InForce(all, null)
                : new InForce(all.stream().filter(p -> readByRules.contains(p.getName())).toList(), Map.copyOf(RuleOutcome.byName(all)));
        byDate.putIfAbsent(date, found);
        return found;
    }

    /**
     * The parameter names these DRL sources read, each as a pattern that names one, {@code Parameter( name == "MSL", ... )};
     * null (read them all) when the word {@code Parameter} stands anywhere else but an import, e.g.
     * {@code Parameter( $name : name )}, {@code Parameter( name == "A" || name == "B" )} or a lookup in a consequence.
     */
    static Set<String> readBy(Collection<String> drls) {
        Set<String> names = new HashSet<>();
        for (String drl : drls) {
            Matcher word = WORD.matcher(drl);
            while (word.find()) {
                if (drl.substring(drl.lastIndexOf('\n', word.start()) + 1, word.start()).strip().startsWith("import ")) {
                    continue;
                }
                Matcher pattern = ONE_NAME.matcher(constraints(drl, word.end()));
                if (!pattern.matches() || pattern.group(2) != null && NAME.matcher(pattern.group(2)).find()) {
                    return null;
                }
                names.add(pattern.group(1));
            }
        }
        return Set.copyOf(names);
    }

    /** What stands between the parentheses opening at {@code from} (after blanks) and the one closing them; "" if none opens there. */
    private static String constraints(String drl, int from) {
        int open = from;
        while (open < drl.length() && Character.isWhitespace(drl.charAt(open))) {
            open++;
        }
        if (open == drl.length() || drl.charAt(open) != '(') {
            return "";
        }
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < drl.length(); i++) {
            char c = drl.charAt(i);
            if (c == '"' && drl.charAt(i - 1) != '\\') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return drl.substring(open + 1, i);
            }
        }
        return "";
    }

    private static final Pattern WORD = Pattern.compile("\\bParameter\\b");
    /** {@code name == "X"} alone, or followed by a comma and further constraints (group 2), which must not read the name again. */
    private static final Pattern ONE_NAME = Pattern.compile("\\s*name\\s*==\\s*\"([^\"]+)\"\\s*(?:,(.*))?", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("\\bname\\b");

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
