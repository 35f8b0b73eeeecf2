package uz.inson.assess.support;

import io.restassured.path.json.JsonPath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the service itself says about its versions, read through {@code /api/v1/rule-sets}: which one is in force now,
 * and a way to put the repository's imported version back, so a test that activates a version leaves nothing behind.
 */
public final class RuleSets {
    /** The version label of the repository's rule set ({@code rules/VERSION}), which a fresh database imports. */
    public static final String REPOSITORY_VERSION = repositoryVersion();

    private RuleSets() {
    }

    private static String repositoryVersion() {
        try {
            return Files.readString(Path.of("rules/VERSION")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored versions, once the service has one in force (at start it compiles the first in the background). */
    private static JsonPath versions() {
        for (int attempt = 0; ; attempt++) {
            JsonPath versions = Auth.as("policy").get("/api/v1/rule-sets?size=200").then().statusCode(200).extract().jsonPath();
            if (versions.get("items.find { it.status == 'ACTIVE' }") != null || attempt == 600) {
                return versions;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The version label in force now. */
    public static String activeVersion() {
        return versions().getString("items.find { it.status == 'ACTIVE' }.version");
    }

    /** The id of the version in force now. */
    public static String activeId() {
        return versions().getString("items.find { it.status == 'ACTIVE' }.id");
    }

    /** The id of the version imported from the repository at first start. */
    public static String importedId() {
        List<Map<String, Object>> items = versions().getList("items");
        return items.stream().filter(item -> "system".equals(item.get("author"))).map(item -> (String) item.get("id"))
                .findFirst().orElseThrow();
    }

    /** Rolls back until the imported version is in force again. */
    public static void restoreImportedVersion() {
        String imported = importedId();
        for (int i = 0; i < 10 && !imported.equals(activeId()); i++) {
            Auth.as("approver").post("/api/v1/rule-sets/rollback").then().statusCode(200);
        }
        if (!imported.equals(activeId())) {
            throw new IllegalStateException("the imported version could not be put back in force");
        }
    }
}
