package uz.inson.assess.pages;

import uz.inson.assess.assessment.AssessmentRequest;
import uz.inson.assess.household.Assets;
import uz.inson.assess.household.CareNeed;
import uz.inson.assess.household.Disability;
import uz.inson.assess.household.DisabilityGroup;
import uz.inson.assess.household.Employment;
import uz.inson.assess.household.Household;
import uz.inson.assess.household.Housing;
import uz.inson.assess.household.HousingCondition;
import uz.inson.assess.household.HousingTenure;
import uz.inson.assess.household.Impairment;
import uz.inson.assess.household.Member;
import uz.inson.assess.household.MemberFlag;
import uz.inson.assess.household.MonthlyExpenses;
import uz.inson.assess.household.MonthlyIncome;
import uz.inson.assess.household.Region;
import uz.inson.assess.household.Registry;
import uz.inson.assess.household.Relation;
import uz.inson.assess.household.Sex;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Between the intake form and the API's household: field names are the request's own paths without "household."
 * ({@code members[1].birthDate}), so the service's violations land on the fields that caused them. Whatever cannot
 * be read (a word in a number field, a value no option has) is an error of that field; the rest is read as far as it goes.
 */
final class HouseholdForm {
    static final int MAX_MEMBERS = 30;
    static final String NONE = "NONE";
    static final List<String> INCOME = List.of("wages", "pensions", "benefits", "remittances", "agriculture", "other");
    static final List<String> EXPENSES = List.of("housing", "utilities", "medical", "education", "debt", "other");
    private static final Pattern MEMBER = Pattern.compile("members\\[(\\d+)](\\..*)");

    private final FormState form;
    private final PageText text;

    private HouseholdForm(FormState form, PageText text) {
        this.form = form;
        this.text = text;
    }

    /** The form as posted: its members are those the fields name, up to the limit. */
    static FormState posted(Map<String, List<String>> fields) {
        int members = 0;
        for (String name : fields.keySet()) {
            Matcher m = MEMBER.matcher(name);
            if (m.matches() && m.group(1).length() < 3) {
                members = Math.max(members, Integer.parseInt(m.group(1)) + 1);
            }
        }
        return new FormState(fields, Math.min(members, MAX_MEMBERS));
    }

    /** The same form with one more (empty) member. */
    static FormState withMember(FormState form) {
        return new FormState(copy(form, -1), Math.min(form.members() + 1, MAX_MEMBERS));
    }

    /** The same form without member {@code index}; those after it move up. */
    static FormState withoutMember(FormState form, int index) {
        if (form.members() <= 1 || index < 0 || index >= form.members()) {
            return form;
        }
        return new FormState(copy(form, index), form.members() - 1);
    }

    private static Map<String, List<String>> copy(FormState form, int removed) {
        Map<String, List<String>> values = new HashMap<>();
        for (String name : form.names()) {
            Matcher m = MEMBER.matcher(name);
            if (!m.matches()) {
                values.put(name, form.all(name));
                continue;
            }
            int index = Integer.parseInt(m.group(1));
            if (index == removed) {
                continue;
            }
            int moved = removed >= 0 && index > removed ? index - 1 : index;
            values.put("members[" + moved + "]" + m.group(2), form.all(name));
        }
        return values;
    }

    /** A new household of the worker's territory: one member, the head. */
    static FormState blank(String region, String district) {
        Map<String, List<String>> values = new HashMap<>();
        put(values, "region", region);
        put(values, "district", district);
        put(values, "housing.hasUtilities", "true");
        put(values, "members[0].ref", "m1");
        put(values, "members[0].relation", Relation.HEAD.name());
        return new FormState(values, 1);
    }

    /** The household of DESIGN §4, placed in the worker's own territory: a mother out of work and her disabled son. */
    static FormState example(String region, String district) {
        return of(new AssessmentRequest(null, new Household("SP-1703-000123", region == null ? Region.NAMANGAN : Region.valueOf(region),
                district == null ? "Chust" : district, "Bog'ishamol", new Housing(HousingTenure.RENTED, HousingCondition.POOR, true),
                new MonthlyIncome(1_200_000, 0, 0, 0, 0, 0), new MonthlyExpenses(500_000, 150_000, 300_000, 0, 0, 0), Assets.NONE,
                Set.of(Registry.IRON_NOTEBOOK), List.of(
                new Member("m1", null, LocalDate.of(1985, 3, 12), Sex.F, Relation.HEAD, Employment.UNEMPLOYED, null, false, Set.of()),
                new Member("m2", null, LocalDate.of(2016, 7, 1), Sex.M, Relation.CHILD, Employment.CHILD,
                        new Disability(DisabilityGroup.CHILD_DISABILITY), false, Set.of(MemberFlag.NEEDS_CARE))))));
    }

    /** A stored request back in the form, to look at the answer beside it and change a fact. */
    static FormState of(AssessmentRequest request) {
        Map<String, List<String>> values = new HashMap<>();
        Household h = request.household();
        put(values, "asOf", request.asOf() == null ? null : request.asOf().toString());
        put(values, "externalId", h.externalId());
        put(values, "region", h.region().name());
        put(values, "district", h.district());
        put(values, "mahalla", h.mahalla());
        put(values, "housing.tenure", h.housing().tenure().name());
        put(values, "housing.condition", h.housing().condition().name());
        put(values, "housing.hasUtilities", String.valueOf(h.housing().hasUtilities()));
        long[] income = {h.monthlyIncome().wages(), h.monthlyIncome().pensions(), h.monthlyIncome().benefits(),
                h.monthlyIncome().remittances(), h.monthlyIncome().agriculture(), h.monthlyIncome().other()};
        long[] expenses = {h.monthlyExpenses().housing(), h.monthlyExpenses().utilities(), h.monthlyExpenses().medical(),
                h.monthlyExpenses().education(), h.monthlyExpenses().debt(), h.monthlyExpenses().other()};
        for (int i = 0; i < INCOME.size(); i++) {
            put(values, "monthlyIncome." + INCOME.get(i), String.valueOf(income[i]));
            put(values, "monthlyExpenses." + EXPENSES.get(i), String.valueOf(expenses[i]));
        }
        if (h.assets() != null) {
            put(values, "assets.known", "true");
            put(values, "assets.car", String.valueOf(h.assets().car()));
            put(values, "assets.business", String.valueOf(h.assets().business()));
            put(values, "assets.landPlotSqm", String.valueOf(h.assets().landPlotSqm()));
            put(values, "assets.livestockHeads", String.valueOf(h.assets().livestockHeads()));
        }
        values.put("registries", h.registries().stream().map(Enum::name).sorted().toList());
        put(values, "receives", String.join(" ", h.receives().stream().sorted().toList()));
        if (h.incomeLast3Months() != null) {
            for (int i = 0; i < 3; i++) {
                put(values, "incomeLast3Months[" + i + "]", String.valueOf(h.incomeLast3Months().get(i)));
            }
        }
        for (int i = 0; i < h.members().size(); i++) {
            Member m = h.members().get(i);
            String p = "members[" + i + "].";
            put(values, p + "ref", m.ref());
            put(values, p + "pinfl", m.pinfl());
            put(values, p + "birthDate", m.birthDate().toString());
            put(values, p + "sex", m.sex().name());
            put(values, p + "relation", m.relation().name());
            put(values, p + "employment", m.employment().name());
            put(values, p + "disability.group", m.disability() == null ? null : m.disability().group().name());
            put(values, p + "disability.firstEstablishedOn", m.disability() == null || m.disability().firstEstablishedOn() == null ? null
                    : m.disability().firstEstablishedOn().toString());
            put(values, p + "pregnant", String.valueOf(m.pregnant()));
            values.put(p + "flags", m.flags().stream().map(Enum::name).sorted().toList());
            if (m.impairments() != null) {
                values.put(p + "impairments", m.impairments().isEmpty() ? List.of(NONE) : m.impairments().stream().map(Enum::name).sorted().toList());
            }
            if (m.careNeed() != null) {
                put(values, p + "careNeed.barthel", m.careNeed().barthel() == null ? null : m.careNeed().barthel().toString());
                put(values, p + "careNeed.lawton", m.careNeed().lawton() == null ? null : m.careNeed().lawton().toString());
            }
            put(values, p + "registeredJobSeeker", m.registeredJobSeeker() == null ? null : m.registeredJobSeeker().toString());
            put(values, p + "guardianRef", m.guardianRef());
        }
        return new FormState(values, h.members().size());
    }

    private static void put(Map<String, List<String>> values, String name, String value) {
        if (value != null) {
            values.put(name, List.of(value));
        }
    }

    /** The request the form describes, or null when a field cannot be read (its error is then on the form). */
    static AssessmentRequest read(FormState form, PageText text) {
        return new HouseholdForm(form, text).read();
    }

    private AssessmentRequest read() {
        LocalDate asOf = date("asOf");
        Region region = choice("region", Region.class, true);
        Housing housing = new Housing(choice("housing.tenure", HousingTenure.class, true), choice("housing.condition", HousingCondition.class, true),
                flag("housing.hasUtilities"));
        MonthlyIncome income = new MonthlyIncome(amount("monthlyIncome.wages"), amount("monthlyIncome.pensions"), amount("monthlyIncome.benefits"),
                amount("monthlyIncome.remittances"), amount("monthlyIncome.agriculture"), amount("monthlyIncome.other"));
        MonthlyExpenses expenses = new MonthlyExpenses(amount("monthlyExpenses.housing"), amount("monthlyExpenses.utilities"),
                amount("monthlyExpenses.medical"), amount("monthlyExpenses.education"), amount("monthlyExpenses.debt"), amount("monthlyExpenses.other"));
        Assets assets = flag("assets.known") ? new Assets(flag("assets.car"), amount("assets.landPlotSqm"), amount("assets.livestockHeads"),
                flag("assets.business")) : null;
        Set<Registry> registries = choices("registries", Registry.class);
        Set<String> receives = new LinkedHashSet<>();
        for (String code : form.v("receives").toUpperCase().split("[\\s,;]+")) {
            if (!code.isBlank()) {
                receives.add(code);
            }
        }
        List<Long> last3 = null;
        if (!(form.v("incomeLast3Months[0]") + form.v("incomeLast3Months[1]") + form.v("incomeLast3Months[2]")).isBlank()) {
            last3 = List.of(amount("incomeLast3Months[0]"), amount("incomeLast3Months[1]"), amount("incomeLast3Months[2]"));
        }
        List<Member> members = new ArrayList<>();
        for (int i : form.memberIndexes()) {
            members.add(member(i));
        }
        if (form.hasErrors()) {
            return null;
        }
        return new AssessmentRequest(asOf, new Household(blankToNull(form.v("externalId")), region, blankToNull(form.v("district")),
                blankToNull(form.v("mahalla")), housing, income, expenses, assets, registries, members, receives, last3));
    }

    private Member member(int i) {
        String p = "members[" + i + "].";
        String group = form.v(p + "disability.group");
        LocalDate since = date(p + "disability.firstEstablishedOn");
        Disability disability = group.isBlank() ? null : new Disability(choice(p + "disability.group", DisabilityGroup.class, false), since);
        Set<Impairment> impairments = null;
        if (!form.all(p + "impairments").isEmpty()) {
            impairments = form.is(p + "impairments", NONE) ? Set.of() : choices(p + "impairments", Impairment.class);
        }
        Integer barthel = number(p + "careNeed.barthel");
        Integer lawton = number(p + "careNeed.lawton");
        String seeker = form.v(p + "registeredJobSeeker");
        String ref = form.v(p + "ref").isBlank() ? "m" + (i + 1) : form.v(p + "ref");
        return new Member(ref, blankToNull(form.v(p + "pinfl")), required(date(p + "birthDate"), p + "birthDate"),
                choice(p + "sex", Sex.class, true), choice(p + "relation", Relation.class, true), choice(p + "employment", Employment.class, true),
                disability, flag(p + "pregnant"), choices(p + "flags", MemberFlag.class), impairments,
                barthel == null && lawton == null ? null : new CareNeed(barthel, lawton),
                seeker.isBlank() ? null : Boolean.valueOf(seeker), blankToNull(form.v(p + "guardianRef")));
    }

    private <T> T required(T value, String name) {
        if (value == null && form.error(name) == null) {
            form.addError(name, label(name) + ": " + text.get("error.required"));
        }
        return value;
    }

    private boolean flag(String name) {
        return form.is(name, "true");
    }

    private long amount(String name) {
        String value = form.v(name).replaceAll("[\\s\u00a0,']", "");
        if (value.isEmpty()) {
            return 0;
        }
        try {
            long amount = Long.parseLong(value);
            if (amount >= 0) {
                return amount;
            }
        } catch (NumberFormatException e) {
            // answered below, as for a negative amount
        }
        form.addError(name, label(name) + ": " + text.get("error.amount"));
        return 0;
    }

    private Integer number(String name) {
        String value = form.v(name).strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            form.addError(name, label(name) + ": " + text.get("error.number"));
            return null;
        }
    }

    private LocalDate date(String name) {
        String value = form.v(name).strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            form.addError(name, label(name) + ": " + text.get("error.date"));
            return null;
        }
    }

    private <E extends Enum<E>> E choice(String name, Class<E> type, boolean required) {
        String value = form.v(name);
        if (value.isBlank()) {
            return required ? required(null, name) : null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(value)).findFirst().orElseGet(() -> {
            form.addError(name, label(name) + ": " + text.get("error.choice"));
            return null;
        });
    }

    private <E extends Enum<E>> Set<E> choices(String name, Class<E> type) {
        Set<E> chosen = new LinkedHashSet<>();
        for (String value : form.all(name)) {
            Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(value)).findFirst().ifPresentOrElse(chosen::add,
                    () -> form.addError(name, label(name) + ": " + text.get("error.choice")));
        }
        return chosen;
    }

    /** The field's label in the page's language, with the member's number for member fields: "Member 2 — Date of birth". */
    static String label(PageText text, String name) {
        Matcher m = MEMBER.matcher(name);
        if (m.matches()) {
            return text.format("member.numbered", Integer.parseInt(m.group(1)) + 1) + " — " + text.get("field" + m.group(2).replace("[]", ""));
        }
        return text.get("field." + name.replace("[]", ""));
    }

    private String label(String name) {
        return label(text, name);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
