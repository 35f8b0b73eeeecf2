package uz.inson.assess.pages;

import io.quarkus.qute.TemplateData;
import uz.inson.assess.assessment.AssessmentResult;
import uz.inson.assess.assessment.AssessmentService;
import uz.inson.assess.household.DisabilityGroup;
import uz.inson.assess.household.Employment;
import uz.inson.assess.household.HousingCondition;
import uz.inson.assess.household.HousingTenure;
import uz.inson.assess.household.Impairment;
import uz.inson.assess.household.MemberFlag;
import uz.inson.assess.household.Region;
import uz.inson.assess.household.Registry;
import uz.inson.assess.household.Relation;
import uz.inson.assess.household.Sex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the intake page shows: the form, and once assessed the answer beside it and the household's earlier assessments. */
@TemplateData
public record AssessPage(PageText t, PageShell shell, FormState form, String notice, AssessmentResult result, List<ServiceGroup> groups,
                         List<AssessmentService.Summary> earlier, boolean nearMisses) {
    public static final Options OPTIONS = new Options(names(Region.values()), names(HousingTenure.values()), names(HousingCondition.values()),
            names(Sex.values()), names(Relation.values()), names(Employment.values()), names(DisabilityGroup.values()), names(MemberFlag.values()),
            withNone(names(Impairment.values())), names(Registry.values()), HouseholdForm.INCOME, HouseholdForm.EXPENSES);

    static AssessPage form(PageText t, PageShell shell, FormState form, String notice) {
        return new AssessPage(t, shell, form, notice, null, List.of(), List.of(), false);
    }

    static AssessPage answered(PageText t, PageShell shell, FormState form, AssessmentResult result, List<AssessmentService.Summary> earlier,
                               boolean nearMisses) {
        return new AssessPage(t, shell, form, null, result, ServiceGroup.of(result, t), earlier, nearMisses);
    }

    public Options options() {
        return OPTIONS;
    }

    /** The form name of a member's field: members[1].birthDate. */
    public String m(int index, String field) {
        return "members[" + index + "]." + field;
    }

    public String join(String prefix, String field) {
        return prefix + "." + field;
    }

    /** The three months of income, oldest first. */
    public List<Integer> three() {
        return List.of(0, 1, 2);
    }

    public String last3(int month) {
        return "incomeLast3Months[" + month + "]";
    }

    public String label(String name) {
        return HouseholdForm.label(t, name);
    }

    /** The field's own label without the member's number (inside the member's fieldset the legend says whose it is). */
    public String shortLabel(String name) {
        return t.get("field." + name.replaceAll("^members\\[\\d+]\\.", ""));
    }

    /** A hint under the label, where the field needs one. */
    public String hint(String name) {
        String key = "hint." + name.replaceAll("^members\\[\\d+]\\.", "").replaceAll("\\[\\d+]", "");
        String hint = t.get(key);
        return hint.equals(key) ? null : hint;
    }

    public String id(String name) {
        return FormState.id(name);
    }

    /** The id of the field a question asks about, for a link that takes the worker there. */
    public String anchor(String fact) {
        return FormState.id(fact);
    }

    @TemplateData
    public record Options(List<String> regions, List<String> tenures, List<String> conditions, List<String> sexes, List<String> relations,
                          List<String> employments, List<String> disabilityGroups, List<String> flags, List<String> impairments,
                          List<String> registries, List<String> income, List<String> expenses) {
    }

    /** The services answering one area of need (or due by law), cash first as the answer lists them. */
    @TemplateData
    public record ServiceGroup(String label, List<AssessmentResult.EligibleService> services) {
        static List<ServiceGroup> of(AssessmentResult result, PageText t) {
            Map<String, List<AssessmentResult.EligibleService>> byArea = new LinkedHashMap<>();
            for (AssessmentResult.EligibleService service : result.eligibleServices()) {
                String label = service.answersNeeds() == null || service.answersNeeds().isEmpty() ? t.get("group.entitlements")
                        : t.area(service.answersNeeds().get(0));
                byArea.computeIfAbsent(label, k -> new ArrayList<>()).add(service);
            }
            return byArea.entrySet().stream().map(e -> new ServiceGroup(e.getKey(), List.copyOf(e.getValue()))).toList();
        }
    }

    /** "None" first: asked, and there is none (an unticked list means not asked yet). */
    private static List<String> withNone(List<String> codes) {
        List<String> all = new ArrayList<>(List.of(HouseholdForm.NONE));
        all.addAll(codes);
        return List.copyOf(all);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
