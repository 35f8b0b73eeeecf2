package uz.inson.assess.population;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import uz.inson.assess.assessment.AssessmentRequest;
import uz.inson.assess.common.StrictJson;
import uz.inson.assess.household.Employment;
import uz.inson.assess.household.HouseholdChecks;
import uz.inson.assess.household.Member;
import uz.inson.assess.household.Region;
import uz.inson.assess.household.Relation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generator is deterministic and writes requests in the API's own format; BatchResourceTest sends them through the service. */
class PopulationGeneratorTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 25);

    static byte[] generate(int households, long seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PopulationGenerator(seed, AS_OF).write(households, out);
        return out.toByteArray();
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOtherHouseholds() {
        assertArrayEquals(generate(500, 42), generate(500, 42));
        assertFalse(java.util.Arrays.equals(generate(500, 42), generate(500, 43)));
    }

    @Test
    void theStreamGivesTheWrittenBytesHoweverItIsRead() throws Exception {
        byte[] written = generate(200, 9);
        assertArrayEquals(written, new PopulationGenerator(9, AS_OF).stream(200).readAllBytes());
        ByteArrayOutputStream byteByByte = new ByteArrayOutputStream();
        java.io.InputStream stream = new PopulationGenerator(9, AS_OF).stream(200);
        for (int b = stream.read(); b != -1; b = stream.read()) {
            byteByByte.write(b);
        }
        assertArrayEquals(written, byteByByte.toByteArray());
        assertEquals(-1, stream.read(new byte[10], 0, 10), "and then ends");
    }

    @Test
    void everyLineIsAnAssessmentRequestOfOneToTwelveMembersAcrossAllRegions() throws Exception {
        ObjectMapper json = StrictJson.configure(new ObjectMapper().registerModule(new JavaTimeModule()));
        String[] lines = new String(generate(3_000, 7), StandardCharsets.UTF_8).split("\n");
        assertEquals(3_000, lines.length);
        Set<Region> regions = EnumSet.noneOf(Region.class);
        Set<Integer> sizes = new TreeSet<>();
        long belowMsl = 0;
        for (String line : lines) {
            AssessmentRequest request = json.readValue(line, AssessmentRequest.class);
            HouseholdChecks.check(request.household(), request.asOf(), AS_OF);
            regions.add(request.household().region());
            sizes.add(request.household().members().size());
            assertTrue(request.household().members().stream().map(Member::ref).distinct().count() == request.household().members().size());
            int headAge = Period.between(request.household().members().get(0).birthDate(), request.asOf()).getYears();
            for (Member member : request.household().members()) {
                if (member.relation() == Relation.CHILD) {
                    int age = Period.between(member.birthDate(), request.asOf()).getYears();
                    assertTrue(headAge - age >= 18 && headAge - age <= 45, "a child born when the head was under 18 or over 45: " + line);
                }
                Integer barthel = member.careNeed() == null ? null : member.careNeed().barthel();
                int age = Period.between(member.birthDate(), request.asOf()).getYears();
                assertTrue(barthel == null || age >= 3, "an infant scored on the Barthel index: " + line);
                assertTrue(barthel == null || barthel > 60 || !EnumSet.of(Employment.EMPLOYED_FORMAL, Employment.EMPLOYED_INFORMAL,
                        Employment.SELF_EMPLOYED).contains(member.employment()), "at work while needing help with most daily activities: " + line);
            }
            if (request.household().monthlyIncome().total() < PopulationGenerator.MSL * request.household().members().size()) {
                belowMsl++;
            }
        }
        assertEquals(EnumSet.allOf(Region.class), regions);
        assertEquals(1, sizes.stream().mapToInt(Integer::intValue).min().orElseThrow());
        assertEquals(12, sizes.stream().mapToInt(Integer::intValue).max().orElseThrow());
        assertTrue(belowMsl > 300 && belowMsl < 2_000, "a share of households below the subsistence level, not all or none: " + belowMsl);
    }
}
