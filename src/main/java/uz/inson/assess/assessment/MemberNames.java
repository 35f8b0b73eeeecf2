package uz.inson.assess.assessment;

import uz.inson.assess.common.Language;
import uz.inson.assess.common.Messages;
import uz.inson.assess.rules.facts.PersonProfile;

import java.util.Collection;

/**
 * Members as a case worker names them to the family: by their place in it and their age ("the son, 10", "the mother,
 * 41"), never by a request's ref. The place is seen from the children where there are any (the head's spouse is "the
 * father", the head's parent "the grandmother"), otherwise from the head.
 */
final class MemberNames {
    private MemberNames() {
    }

    /** As the subject of a clause: "the son, 10," / "сын (10 лет)" / "o'g'il (10 yosh)". */
    static String name(PersonProfile person, Collection<PersonProfile> household, Language language) {
        return Messages.format(language, "member.named", role(person, household, language), person.getAge());
    }

    /** At the end of a clause, where English drops the comma that closes the age: "the grandmother, 67". */
    static String nameAtEnd(PersonProfile person, Collection<PersonProfile> household, Language language) {
        String name = name(person, household, language);
        return name.endsWith(",") ? name.substring(0, name.length() - 1) : name;
    }

    /** "he" / "она" / "u": the member once already named in the sentence. */
    static String pronoun(PersonProfile person, Language language) {
        return Messages.format(language, "member.pronoun." + person.getSex());
    }

    private static String role(PersonProfile person, Collection<PersonProfile> household, Language language) {
        boolean children = household.stream().anyMatch(p -> "CHILD".equals(p.getRelation()));
        boolean spouse = household.stream().anyMatch(p -> "SPOUSE".equals(p.getRelation()));
        boolean grandchildren = household.stream().anyMatch(p -> "GRANDCHILD".equals(p.getRelation()));
        String role = switch (person.getRelation()) {
            case "HEAD" -> children ? "PARENT" : spouse ? "SPOUSE" : grandchildren ? "GRANDPARENT" : "HEAD";
            case "SPOUSE" -> children ? "PARENT" : "SPOUSE";
            case "PARENT" -> children || grandchildren ? "GRANDPARENT" : "HEAD_PARENT";
            case "CHILD", "GRANDCHILD", "SIBLING" -> person.getRelation();
            default -> "RELATIVE";
        };
        return Messages.format(language, "member.role." + role + "." + person.getSex());
    }
}
