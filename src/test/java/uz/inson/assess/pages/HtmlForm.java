package uz.inson.assess.pages;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fields a browser would send for a form of a page (inputs with their values, ticked boxes, selected options). */
final class HtmlForm {
    private static final Pattern INPUT = Pattern.compile("<input ([^>]*)>");
    private static final Pattern SELECT = Pattern.compile("<select [^>]*name=\"([^\"]+)\"[^>]*>(.*?)</select>", Pattern.DOTALL);
    private static final Pattern SELECTED = Pattern.compile("<option value=\"([^\"]*)\" selected>");

    private HtmlForm() {
    }

    static Map<String, Object> fields(String html, String formId) {
        int start = html.indexOf("id=\"" + formId + "\"");
        String form = html.substring(start, html.indexOf("</form>", start));
        Map<String, Object> fields = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(form);
        while (input.find()) {
            String attributes = input.group(1);
            String name = attribute(attributes, "name");
            String type = attribute(attributes, "type");
            if (name == null || ("checkbox".equals(type) && !attributes.contains(" checked"))) {
                continue;
            }
            fields.merge(name, unescape(attribute(attributes, "value")), (a, b) -> a + "\u0000" + b);
        }
        Matcher select = SELECT.matcher(form);
        while (select.find()) {
            Matcher selected = SELECTED.matcher(select.group(2));
            if (selected.find()) {
                fields.put(select.group(1), selected.group(1));
            }
        }
        return fields;
    }

    private static String attribute(String attributes, String name) {
        Matcher m = Pattern.compile("(?:^|\\s)" + name + "=\"([^\"]*)\"").matcher(attributes);
        return m.find() ? m.group(1) : null;
    }

    private static String unescape(String value) {
        return value == null ? "" : value.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
