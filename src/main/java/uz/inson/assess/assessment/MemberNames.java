package uz.inson.assess.assessment;

import uz.inson.assess.common.Language;
import uz.inson.assess.common.Messages;
import uz.inson.assess.rules.facts.PersonProfile;

import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Members as a case worker names them to the family: by their place in it and their age ("the son, 10", "the mother,
 * 41"), never by a request's ref. The head and the spouse are named from the youngest generation living with them:
 * "the grandmother" where there are grandchildren (so an orphaned grandson "lives with his guardian, the grandmother",
 * not "the wife" or "the mother"), "the father" where there are children; the head's parent is then "the grandmother"
 * to the children, or "the mother of the head of the household" beside grandchildren. Without either, from the head.
 * The head's brother or sister is then "the uncle" or "the aunt" to the children (in Uzbek the father's side and the
 * mother's are different words), or "the sister of the head of the household" beside grandchildren; Uzbek also names an
 * elder and a younger brother or sister differently.
 * One per answer: a member is named in most of its sentences, and the name is worked out once.
 */
final class MemberNames {
    private final Collection<PersonProfile> household;
    private final Language language;
    private final boolean children;
    private final boolean spouse;
    private final boolean grandchildren;
    private final PersonProfile head;
    private final Map<PersonProfile, String> names = new IdentityHashMap<>();

    MemberNames(Collection<PersonProfile> household, Language language) {
        this.household = household;
        this.language = language;
        this.children = household.stream().anyMatch(p -> "CHILD".equals(p.getRelation()));
        this.spouse = household.stream().anyMatch(p -> "SPOUSE".equals(p.getRelation()));
        this.grandchildren = household.stream().anyMatch(p -> "GRANDCHILD".equals(p.getRelation()));
        this.head = household.stream().filter(p -> "HEAD".equals(p.getRelation())).findFirst().orElse(null);
    }

    Collection<PersonProfile> household() {
        return household;
    }

    Language language() {
        return language;
    }

    /** As the subject of a clause: "the son, 10," / "сын (10 лет)" / "o'g'il (10 yosh)". */
    String name(PersonProfile person) {
        String name = names.get(person);
        if (name == null) {
            name = Messages.format(language, "member.named", role(person), person.getAge());
            names.put(person, name);
        }
        return name;
    }

    /** At the end of a clause, where English drops the comma that closes the age: "the grandmother, 67". */
    String nameAtEnd(PersonProfile person) {
        String name = name(person);
        return name.endsWith(",") ? name.substring(0, name.length() - 1) : name;
    }

    /** "he" / "она" / "u": the member once already named in the sentence. */
    String pronoun(PersonProfile person) {
        return Messages.format(language, "member.pronoun." + person.getSex());
    }

    /** Whether the member's name tells a man from a woman: "the mother" does, "oila boshlig'i" (the head) does not. */
    boolean nameSaysSex(PersonProfile person) {
        String role = roleKey(person);
        return !Messages.format(language, role + ".M").equals(Messages.format(language, role + ".F"));
    }

    /** Whether the pronoun does: "she" does, the Uzbek "u" does not. */
    boolean pronounSaysSex() {
        return !Messages.format(language, "member.pronoun.M").equals(Messages.format(language, "member.pronoun.F"));
    }

    private String role(PersonProfile person) {
        return Messages.format(language, roleKey(person) + "." + person.getSex());
    }

    private String roleKey(PersonProfile person) {
        String role = switch (person.getRelation()) {
            case "HEAD" -> grandchildren ? "GRANDPARENT" : children ? "PARENT" : spouse ? "SPOUSE" : "HEAD";
            case "SPOUSE" -> grandchildren ? "GRANDPARENT" : children ? "PARENT" : "SPOUSE";
            case "PARENT" -> children && !grandchildren ? "GRANDPARENT" : "HEAD_PARENT";
            case "CHILD", "GRANDCHILD" -> person.getRelation();
            case "SIBLING" -> sibling(person);
            default -> "RELATIVE";
        };
        return "member.role." + role;
    }

    private String sibling(PersonProfile person) {
        if (head == null) {
            // no head to name the sibling from: neither the side of the family nor who is elder can be told
            return "SIBLING";
        }
        if (children && !grandchildren) {
            return "M".equals(head.getSex()) ? "PATERNAL_AUNT_UNCLE" : "MATERNAL_AUNT_UNCLE";
        }
        return (grandchildren ? "HEAD_SIBLING_" : "SIBLING_") + (person.getBirthDate().isBefore(head.getBirthDate()) ? "ELDER" : "YOUNGER");
    }
}
