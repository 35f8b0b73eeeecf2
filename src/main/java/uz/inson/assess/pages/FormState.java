package uz.inson.assess.pages;

import io.quarkus.qute.TemplateData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The intake form as the worker left it: every field as typed (so nothing is lost when it comes back with errors),
 * how many members it has, and the error of each field in the page's language.
 */
@TemplateData
public final class FormState {
    private final Map<String, List<String>> values;
    private final int members;
    private final Map<String, String> errors = new LinkedHashMap<>();

    FormState(Map<String, List<String>> values, int members) {
        this.values = values;
        this.members = Math.max(1, members);
    }

    /** The first value of a field, or "" (for inputs). */
    public String v(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() || list.get(0) == null ? "" : list.get(0);
    }

    public boolean is(String name, String value) {
        List<String> list = values.get(name);
        return list != null && list.contains(value);
    }

    java.util.Set<String> names() {
        return values.keySet();
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    public List<Integer> memberIndexes() {
        return IntStream.range(0, members).boxed().toList();
    }

    public int members() {
        return members;
    }

    /** The refs a guardian may be chosen from. */
    public List<String> refs() {
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            refs.add(v("members[" + i + "].ref").isBlank() ? "m" + (i + 1) : v("members[" + i + "].ref"));
        }
        return refs;
    }

    public String error(String name) {
        return errors.get(name);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The errors in the order of the form, for the summary at the top: field id and message. */
    public List<Map.Entry<String, String>> errorList() {
        return errors.entrySet().stream().map(e -> Map.entry(id(e.getKey()), e.getValue())).toList();
    }

    void addError(String name, String message) {
        errors.putIfAbsent(name, message);
    }

    /** An HTML id for a field name: members[1].birthDate → members-1-birthDate. */
    public static String id(String name) {
        return name.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
    }
}
