package uz.inson.assess.pages;

import io.quarkus.qute.TemplateData;
import uz.inson.assess.assessment.AssessmentResult;

import java.util.List;

/** The letter a family keeps: each service once, with how much, where to go and what to bring, in plain words. */
@TemplateData
public record FamilyLetter(List<Item> items, String monthlyTotal, String oneOffTotal, int contactWithinDays) {

    @TemplateData
    public record Item(String name, String amount, String where, List<String> documents, boolean automatic) {
    }

    static FamilyLetter of(AssessmentResult result, PageText t) {
        List<Item> items = result.eligibleServices().stream().filter(s -> !s.alreadyReceived()).map(s -> new Item(s.name(),
                s.amountUzs() == null ? null : t.money(s.amountUzs()) + " " + t.frequency(s.frequency()),
                s.howToApply() == null ? null : t.place(s.howToApply().applyAt()),
                s.howToApply() == null ? List.of() : s.howToApply().documents().stream().map(t::document).toList(),
                s.howToApply() != null && s.howToApply().automatic())).toList();
        var cash = result.cashPackage();
        return new FamilyLetter(items, cash == null || cash.monthlyCashUzs() == 0 ? null : t.money(cash.monthlyCashUzs()),
                cash == null || cash.oneOffCashUzs() == 0 ? null : t.money(cash.oneOffCashUzs()),
                result.casePath() == null ? 0 : result.casePath().firstContactWithinDays());
    }
}
