package uz.inson.assess.pages;

import io.quarkus.qute.TemplateData;
import uz.inson.assess.assessment.AssessmentResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The letter a family keeps, arranged the way they will use it: one visit per place, what to bring there once, and what
 * to ask for there with how much. What comes without applying is listed apart. That keeps it to one or two A4 pages.
 */
@TemplateData
public record FamilyLetter(List<Visit> visits, List<Line> automatic, String monthlyTotal, String oneOffTotal, int contactWithinDays) {

    @TemplateData
    public record Visit(String place, List<String> documents, List<Line> services) {
    }

    @TemplateData
    public record Line(String name, String amount) {
    }

    static FamilyLetter of(AssessmentResult result, PageText t) {
        Map<String, Set<String>> documents = new LinkedHashMap<>();
        Map<String, List<Line>> services = new LinkedHashMap<>();
        List<Line> automatic = new ArrayList<>();
        for (AssessmentResult.EligibleService s : result.eligibleServices()) {
            if (s.alreadyReceived()) {
                continue;
            }
            Line line = new Line(s.name(), s.amountUzs() == null ? null : t.money(s.amountUzs()) + " " + t.frequency(s.frequency()));
            if (s.howToApply() == null || s.howToApply().automatic()) {
                automatic.add(line);
                continue;
            }
            String place = t.place(s.howToApply().applyAt());
            services.computeIfAbsent(place, k -> new ArrayList<>()).add(line);
            s.howToApply().documents().forEach(d -> documents.computeIfAbsent(place, k -> new LinkedHashSet<>()).add(t.document(d)));
        }
        List<Visit> visits = services.entrySet().stream()
                .map(e -> new Visit(e.getKey(), List.copyOf(documents.getOrDefault(e.getKey(), Set.of())), List.copyOf(e.getValue()))).toList();
        var cash = result.cashPackage();
        return new FamilyLetter(visits, List.copyOf(automatic), cash == null || cash.monthlyCashUzs() == 0 ? null : t.money(cash.monthlyCashUzs()),
                cash == null || cash.oneOffCashUzs() == 0 ? null : t.money(cash.oneOffCashUzs()),
                result.casePath() == null ? 0 : result.casePath().firstContactWithinDays());
    }
}
