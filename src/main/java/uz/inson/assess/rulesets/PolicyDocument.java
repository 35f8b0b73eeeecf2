package uz.inson.assess.rulesets;

import uz.inson.assess.catalog.CatalogService;
import uz.inson.assess.catalog.ServiceCategory;
import uz.inson.assess.common.Language;
import uz.inson.assess.common.Messages;
import uz.inson.assess.rules.CompiledRuleSet;
import uz.inson.assess.rules.Criterion;
import uz.inson.assess.rules.DecisionTable;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The policy of a rule-set version in plain words, one section per service: who gets it (each table row that grants
 * it, in the words of the table's headers), how much and how often, what it is paid instead of, where to apply and on
 * which legal basis. Generated from the bundle itself, so it can never drift from the tables (docs/services.md is one).
 */
public final class PolicyDocument {
    private PolicyDocument() {
    }

    public static String render(CompiledRuleSet ruleSet) {
        Map<String, List<String>> rowsByService = new LinkedHashMap<>();
        for (DecisionTable table : ruleSet.tables()) {
            DecisionTable.Column service = table.column(DecisionTable.SERVICE_ACTION);
            if (service == null) {
                continue;
            }
            for (DecisionTable.Row row : table.rows()) {
                rowsByService.computeIfAbsent(row.cell(service), code -> new ArrayList<>()).add(describe(table, row));
            }
        }
        Map<String, List<String>> amounts = amounts(ruleSet);
        StringBuilder out = new StringBuilder();
        out.append("# The services in plain words — rule set ").append(ruleSet.version()).append("\n\n")
                .append("Generated from the rule set's tables (`PolicyDocument`); do not edit by hand: `PolicyDocumentTest` fails when this file\n")
                .append("no longer matches the tables, and `./mvnw test -Dtest=PolicyDocumentTest -Dinson.write-docs=true` writes it again.\n")
                .append("A service is granted when all the conditions of one of its rows hold; an empty condition is no condition.\n")
                .append("Help open to everyone is listed with no rows: the answer names it only when asked (`?include=open-services`).\n");
        for (ServiceCategory category : ServiceCategory.values()) {
            List<CatalogService> services = ruleSet.catalog().all().stream().filter(s -> s.category() == category).toList();
            out.append("\n## ").append(category.name()).append(" (").append(services.size()).append(" services)\n");
            for (CatalogService s : services) {
                out.append("\n### ").append(s.code()).append(" ").append(s.name(Language.en)).append("\n\n");
                out.append("- **Kind:** ").append(s.kind()).append(", for ").append(s.unit() == uz.inson.assess.catalog.BeneficiaryUnit.MEMBER
                        ? "each member who qualifies" : "the household").append("; ").append(frequency(s)).append(s.meansTested() ? "; means-tested" : "").append('\n');
                if (s.amountParameter() != null) {
                    out.append("- **Amount:** ").append(String.join("; ", amounts.getOrDefault(s.amountParameter(), List.of("—"))))
                            .append(" (`").append(s.amountParameter()).append("`)").append('\n');
                }
                if (s.exclusiveGroup() != null) {
                    out.append("- **Not paid together with** the rest of `").append(s.exclusiveGroup()).append("` (rank ").append(s.exclusiveRank())
                            .append("; rank 1 wins): ").append(ruleSet.catalog().all().stream()
                                    .filter(o -> s.exclusiveGroup().equals(o.exclusiveGroup()) && o != s).map(CatalogService::code)
                                    .collect(Collectors.joining(", "))).append('\n');
                }
                if (s.placement()) {
                    out.append("- **Placement:** only with a safety need; needs a decision of the guardianship and trusteeship body\n");
                }
                List<String> rows = rowsByService.getOrDefault(s.code(), List.of());
                if (s.openToAll()) {
                    out.append("- **Open to everyone**").append(rows.isEmpty() ? "" : "; recommended to a household on these rows:").append('\n');
                } else {
                    out.append("- **Who gets it:**\n");
                }
                rows.forEach(row -> out.append("  - ").append(row).append('\n'));
                out.append("- **How to apply:** ").append(uz.inson.assess.assessment.AnswerWriter.howToApply(s, Language.en).text()).append('\n');
                out.append("- **Legal basis:** ").append(s.legalBasis(Language.en)).append("; **provider:** ").append(s.provider(Language.en)).append('\n');
            }
        }
        return out.toString();
    }

    /** A row in the words of its table's headers: "Registry category is one of: state-supported, low-income". */
    private static String describe(DecisionTable table, DecisionTable.Row row) {
        List<String> parts = new ArrayList<>();
        for (DecisionTable.Column column : table.columns()) {
            String cell = row.cell(column).trim();
            if (cell.isEmpty() || !("CONDITION".equals(column.type()) || DecisionTable.ENTITLEMENT.equals(column.template()))) {
                continue;
            }
            String criterion = Criterion.forTemplate(column.template()).map(Enum::name).orElse("");
            String value = DecisionTable.ENTITLEMENT.equals(column.template()) ? "yes"
                    : List.of(cell.split(",")).stream().map(String::trim).map(v -> Messages.value(Language.en, criterion, v))
                    .collect(Collectors.joining(", "));
            parts.add(column.header() + ": " + value);
        }
        return "`" + table.source(row) + "` — " + (parts.isEmpty() ? "every household" : String.join("; ", parts));
    }

    private static String frequency(CatalogService s) {
        return switch (s.frequency()) {
            case MONTHLY -> "monthly";
            case ONE_OFF -> "once";
            case YEARLY -> "yearly";
            case SEASONAL -> "monthly in " + season(s.seasonMonths());
        };
    }

    /** "November to March" for a season that runs over the new year; month names when it has gaps. */
    private static String season(Set<Integer> months) {
        int start = months.stream().filter(m -> !months.contains(m == 1 ? 12 : m - 1)).findFirst().orElse(1);
        List<Month> ordered = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Month month = Month.of(start).plus(i);
            if (months.contains(month.getValue())) {
                ordered.add(month);
            }
        }
        boolean contiguous = ordered.get(ordered.size() - 1) == Month.of(start).plus(ordered.size() - 1);
        Function<Month, String> name = m -> m.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        return contiguous && ordered.size() > 1 ? name.apply(ordered.get(0)) + " to " + name.apply(ordered.get(ordered.size() - 1))
                : ordered.stream().map(name).collect(Collectors.joining(", "));
    }

    /** Every dated value of each parameter: "350,000 UZS/month from 2023-06-01". */
    private static Map<String, List<String>> amounts(CompiledRuleSet ruleSet) {
        Map<String, List<String>> amounts = new LinkedHashMap<>();
        for (DecisionTable table : ruleSet.tables()) {
            DecisionTable.Column name = table.column(DecisionTable.PARAMETER_NAME);
            if (name == null) {
                continue;
            }
            DecisionTable.Column value = table.column(DecisionTable.PARAMETER_VALUE);
            DecisionTable.Column unit = table.column(DecisionTable.PARAMETER_UNIT);
            DecisionTable.Column from = table.column(DecisionTable.VALID_FROM);
            DecisionTable.Column until = table.column(DecisionTable.VALID_UNTIL);
            for (DecisionTable.Row row : table.rows()) {
                String text = Messages.number(Language.en, Double.parseDouble(row.cell(value))) + " " + row.cell(unit) + " from " + row.cell(from)
                        + (row.cell(until).isEmpty() ? "" : " until " + row.cell(until));
                amounts.computeIfAbsent(row.cell(name), n -> new ArrayList<>()).add(text);
            }
        }
        return amounts;
    }
}
