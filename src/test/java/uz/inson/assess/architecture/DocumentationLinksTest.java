package uz.inson.assess.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every link between the README and the pages in docs/ leads somewhere: the file exists and, for a link to a section,
 * the page has a heading with that anchor (GitHub's rule: lower case, punctuation dropped, spaces made hyphens). A
 * reader who follows "see section 8" lands on section 8, not on the top of a page that has none.
 */
class DocumentationLinksTest {
    private static final Path REPOSITORY = Path.of("").toAbsolutePath();
    private static final Pattern FENCED = Pattern.compile("^```.*?^```", Pattern.MULTILINE | Pattern.DOTALL);
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`\n]*`");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} +(.+?) *#*$", Pattern.MULTILINE);
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?: \"[^\"]*\")?\\)");

    @Test
    void everyLinkBetweenTheReadmeAndTheDocsLeadsToAFileAndASectionThatExist() throws IOException {
        Map<Path, String> pages = new LinkedHashMap<>();
        for (Path page : pages()) {
            pages.put(page.toAbsolutePath().normalize(), Files.readString(page, StandardCharsets.UTF_8));
        }
        assertTrue(pages.size() > 5, "the README and the pages in docs/ are found");
        Map<Path, Set<String>> anchors = new HashMap<>();
        pages.forEach((page, text) -> anchors.put(page, anchors(text)));
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<Path, String> entry : pages.entrySet()) {
            Path page = entry.getKey();
            Matcher link = LINK.matcher(INLINE_CODE.matcher(FENCED.matcher(entry.getValue()).replaceAll("")).replaceAll(""));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue; // http:, https:, mailto: — outside the repository
                }
                checked++;
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path linked = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                if (!Files.exists(linked)) {
                    broken.add(REPOSITORY.relativize(page) + ": " + target + " (no such file)");
                } else if (hash >= 0 && anchors.containsKey(linked) && !anchors.get(linked).contains(target.substring(hash + 1))) {
                    broken.add(REPOSITORY.relativize(page) + ": " + target + " (no such section)");
                }
            }
        }
        assertTrue(checked > 50, "the links are found: " + checked);
        assertEquals(List.of(), broken);
    }

    @Test
    void anAnchorIsMadeAsGitHubMakesIt() {
        assertEquals(Set.of("41-which-rows-not-to-touch", "where-the-services-cpu-goes", "the-engine-jmh", "the-engine-jmh-1",
                        "inson_batch_parallelism-and-decide"),
                anchors("### 4.1 Which rows not to touch\n## Where the service's CPU goes\n## The engine (JMH)\n## The engine (JMH)\n"
                        + "## `INSON_BATCH_PARALLELISM` and [decide](api.md#decide)\n```\n# not a heading\n```\n"));
    }

    private static List<Path> pages() throws IOException {
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            return Stream.concat(Stream.of(Path.of("README.md")), docs.filter(p -> p.toString().endsWith(".md")).sorted()).toList();
        }
    }

    /** The anchors of a page's headings; a repeated heading gets -1, -2, … as on GitHub. */
    private static Set<String> anchors(String text) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        Matcher heading = HEADING.matcher(FENCED.matcher(text).replaceAll(""));
        while (heading.find()) {
            String slug = heading.group(1).replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1")
                    .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
            int times = seen.merge(slug, 1, Integer::sum);
            anchors.add(times == 1 ? slug : slug + "-" + (times - 1));
        }
        return anchors;
    }
}
