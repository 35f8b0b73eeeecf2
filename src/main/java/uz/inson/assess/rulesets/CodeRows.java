package uz.inson.assess.rulesets;

import uz.inson.assess.rules.DecisionTable;
import uz.inson.assess.rules.DecisionTableReader;
import uz.inson.assess.rules.RuleSetBundle;
import uz.inson.assess.rules.RuleSetProblem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Officers edit data rows, not code. In Drools a spreadsheet's keyword cells and column templates are code that runs in
 * the service, and DRL files are code outright; a version whose code differs from its parent's is refused (until
 * authentication brings the rule-developer role, code changes come only from the repository).
 */
final class CodeRows {
    private CodeRows() {
    }

    static List<RuleSetProblem> changedCode(RuleSetBundle parent, RuleSetBundle child) {
        List<RuleSetProblem> problems = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : child.files().entrySet()) {
            String path = file.getKey();
            byte[] before = parent.files().get(path);
            if (path.endsWith(".drl") && (before == null || !Arrays.equals(before, file.getValue()))) {
                problems.add(RuleSetProblem.inFile(path, "drl-locked"));
            } else if (path.endsWith(".drl.xlsx")) {
                problems.addAll(before == null
                        ? List.of(RuleSetProblem.inFile(path, "new-table-locked"))
                        : compareTables(path, before, file.getValue()));
            }
        }
        return problems;
    }

    private static List<RuleSetProblem> compareTables(String path, byte[] before, byte[] after) {
        List<RuleSetProblem> problems = new ArrayList<>();
        try {
            List<DecisionTable> old = DecisionTableReader.read(path, before);
            List<DecisionTable> now = DecisionTableReader.read(path, after);
            String file = path.substring(path.lastIndexOf('/') + 1);
            if (old.size() != now.size()) {
                problems.add(RuleSetProblem.inFile(file, "table-count-changed"));
                return problems;
            }
            for (int t = 0; t < old.size(); t++) {
                DecisionTable was = old.get(t);
                DecisionTable is = now.get(t);
                if (!was.name().equals(is.name()) || !Objects.equals(was.header(), is.header())) {
                    problems.add(RuleSetProblem.at(file, is.sheet(), null, null, "header-changed"));
                }
                int columns = Math.max(was.columns().size(), is.columns().size());
                for (int c = 0; c < columns; c++) {
                    DecisionTable.Column a = c < was.columns().size() ? was.columns().get(c) : null;
                    DecisionTable.Column b = c < is.columns().size() ? is.columns().get(c) : null;
                    if (a == null || b == null || !a.type().equals(b.type()) || !a.pattern().equals(b.pattern()) || !a.template().equals(b.template())) {
                        String letter = b != null ? b.letter() : a.letter();
                        problems.add(RuleSetProblem.at(file, is.sheet(), null, letter, "column-code-changed",
                                a == null ? "—" : a.template(), b == null ? "—" : b.template()));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add(RuleSetProblem.inFile(path, "unreadable", e.getMessage()));
        }
        return problems;
    }
}
