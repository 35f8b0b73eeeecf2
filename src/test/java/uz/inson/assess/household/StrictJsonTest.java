package uz.inson.assess.household;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uz.inson.assess.support.Auth;
import uz.inson.assess.support.Households;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A value of the wrong JSON type is refused, never converted: a benefits decision must not change because 0 was read as
 * 1970-01-01 or 2 as disability group III. Each case puts one wrongly typed value into the DESIGN household.
 */
@QuarkusTest
class StrictJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} = {1} is refused: must be {2}")
    @CsvSource(delimiter = '|', value = {
            "household.members[0].birthDate | 0 | a date (YYYY-MM-DD)",
            "household.members[0].birthDate | 19850312 | a date (YYYY-MM-DD)",
            "household.members[1].disability.group | 2 | one of",
            "household.members[0].relation | 0 | one of",
            "household.members[0].relation | \"0\" | one of",
            "household.members[0].sex | 1 | one of",
            "household.registries[0] | 0 | one of",
            "household.members[1].flags[0] | 0 | one of",
            "household.monthlyIncome.wages | 1200000.9 | a whole number",
            "household.monthlyIncome.wages | \"1200000\" | a whole number",
            "household.monthlyIncome.wages | true | a whole number",
            "household.externalId | false | text",
            "household.externalId | 12 | text",
            "household.housing.hasUtilities | \"true\" | true or false",
            "household.housing.hasUtilities | 1 | true or false",
            "household.members[0].pregnant | \"false\" | true or false",
            "household.assets.landPlotSqm | 2.5 | a whole number",
            "household.members | \"m1\" | a list",
            "asOf | 20261125 | a date (YYYY-MM-DD)",
    })
    void aValueOfTheWrongTypeIsRefusedNamingTheField(String field, String value, String expectedType) throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree(Households.POOR_FAMILY_WITH_DISABLED_CHILD);
        set(request, field, JSON.readTree(value));
        Auth.as("integration").contentType(ContentType.JSON).body(JSON.writeValueAsString(request)).post("/api/v1/assessments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo(field))
                .body("violations[0].message", containsString(expectedType));
    }

    /** Sets a dotted path such as {@code household.members[1].flags[0]} in the request. */
    private static void set(ObjectNode request, String path, JsonNode value) {
        JsonNode node = request;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            String name = part.contains("[") ? part.substring(0, part.indexOf('[')) : part;
            Integer index = part.contains("[") ? Integer.valueOf(part.substring(part.indexOf('[') + 1, part.indexOf(']'))) : null;
            boolean last = i == parts.length - 1;
            if (last && index == null) {
                ((ObjectNode) node).set(name, value);
            } else if (last) {
                ArrayNode array = (ArrayNode) node.get(name);
                if (array.size() > index) {
                    array.set(index, value);
                } else {
                    array.add(value);
                }
            } else {
                node = index == null ? node.get(name) : node.get(name).get(index);
            }
        }
    }
}
