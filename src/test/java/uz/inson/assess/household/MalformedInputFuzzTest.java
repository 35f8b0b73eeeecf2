package uz.inson.assess.household;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import uz.inson.assess.support.Households;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several hundred malformed requests, made by mutating a valid household at random (fixed seed, so a failure
 * reproduces): no 5xx, and every refusal is problem details.
 */
@QuarkusTest
class MalformedInputFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode[] ODD_VALUES = {
            JsonNodeFactory.instance.nullNode(), JsonNodeFactory.instance.textNode(""), JsonNodeFactory.instance.textNode("' OR 1=1 --"),
            JsonNodeFactory.instance.numberNode(-1), JsonNodeFactory.instance.numberNode(1e308), JsonNodeFactory.instance.numberNode(Long.MAX_VALUE),
            JsonNodeFactory.instance.booleanNode(true), JsonNodeFactory.instance.arrayNode(), JsonNodeFactory.instance.objectNode(),
            JsonNodeFactory.instance.textNode("9999-99-99"), JsonNodeFactory.instance.textNode("\u0000\uFFFF"), JsonNodeFactory.instance.numberNode(0.5)};

    @Test
    void shouldNeverAnswerMalformedInputWithAServerError() throws Exception {
        Random random = new Random(20261125);
        JsonNode valid = JSON.readTree(Households.POOR_FAMILY_WITH_DISABLED_CHILD);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            JsonNode mutated = valid.deepCopy();
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                mutate(mutated, random);
            }
            String text = JSON.writeValueAsString(mutated);
            if (random.nextInt(8) == 0) {
                text = text.substring(0, random.nextInt(text.length()));
            }
            bodies.add(text);
        }
        int refused = 0;
        for (String body : bodies) {
            Response response = given().contentType(ContentType.JSON).body(body).post("/api/v1/assessments");
            assertTrue(response.statusCode() < 500, "server error for " + body + ": " + response.asString());
            if (response.statusCode() >= 400) {
                refused++;
                assertEquals("application/problem+json", response.contentType(), body);
            }
        }
        assertTrue(refused > 300, "most mutations are invalid, refused " + refused);
    }

    /** Replaces, removes or retypes one value somewhere in the tree. */
    private static void mutate(JsonNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode container = containers.get(random.nextInt(containers.size()));
        if (container instanceof ObjectNode object && object.size() > 0) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            switch (random.nextInt(3)) {
                case 0 -> object.remove(name);
                case 1 -> object.set(name, ODD_VALUES[random.nextInt(ODD_VALUES.length)]);
                default -> object.put(name + "X", "unexpected");
            }
        } else if (container instanceof ArrayNode array) {
            if (array.size() > 0 && random.nextBoolean()) {
                array.set(random.nextInt(array.size()), ODD_VALUES[random.nextInt(ODD_VALUES.length)]);
            } else {
                array.add(ODD_VALUES[random.nextInt(ODD_VALUES.length)]);
            }
        }
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            node.forEach(child -> collect(child, containers));
        }
    }
}
