package uz.inson.assess.population;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import uz.inson.assess.household.DisabilityGroup;
import uz.inson.assess.household.Employment;
import uz.inson.assess.household.HousingCondition;
import uz.inson.assess.household.HousingTenure;
import uz.inson.assess.household.Impairment;
import uz.inson.assess.household.MemberFlag;
import uz.inson.assess.household.Region;
import uz.inson.assess.household.Registry;
import uz.inson.assess.household.Relation;
import uz.inson.assess.household.Sex;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Writes a synthetic population as NDJSON: one {@code POST /api/v1/assessments} request a line, for benchmarks, demos,
 * impact analysis and tests. The same seed always gives the same bytes. Distributions and their sources:
 * docs/population.md. Nobody in it exists; PINFLs are made up in the format only.
 * <p>
 * {@code java -cp 'target/quarkus-app/app/*:target/quarkus-app/lib/main/*' uz.inson.assess.population.PopulationGenerator
 * --households 1000 --seed 42 --out pop.ndjson}
 */
public final class PopulationGenerator {
    /** The minimum subsistence level the incomes are spread around (parameters.drl.xlsx, MSL from 2026-02-01). */
    static final long MSL = 720_000;
    /** Household sizes 1…12 (index 0 = one member), in per cent. */
    private static final double[] SIZE_WEIGHTS = {5, 8, 12, 17, 18, 14, 10, 7, 4, 2.5, 1.5, 1};
    private static final Region[] REGIONS = Region.values();

    private final SplittableRandom random;
    private final LocalDate asOf;
    private long sequence;

    public PopulationGenerator(long seed, LocalDate asOf) {
        this.random = new SplittableRandom(seed);
        this.asOf = asOf;
    }

    public static void main(String[] args) throws IOException {
        int households = 1_000;
        long seed = 42;
        LocalDate asOf = LocalDate.of(2026, 11, 25);
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--households" -> households = Integer.parseInt(require(args[i], value));
                case "--seed" -> seed = Long.parseLong(require(args[i], value));
                case "--as-of" -> asOf = LocalDate.parse(require(args[i], value));
                case "--out" -> out = Path.of(require(args[i], value));
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + "; options: --households N --seed S --as-of YYYY-MM-DD --out FILE (default: standard output)");
            }
            i++;
        }
        PopulationGenerator generator = new PopulationGenerator(seed, asOf);
        if (out == null) {
            generator.write(households, System.out);
            System.out.flush();
        } else {
            try (OutputStream file = Files.newOutputStream(out)) {
                generator.write(households, file);
            }
        }
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    /** Writes {@code households} lines; the stream is flushed, not closed. */
    public void write(int households, OutputStream out) {
        try {
            BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
            stream(households).transferTo(buffered);
            buffered.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The same lines as {@link #write} as a stream read on demand: each household is made when the one before it has
     * been read, so a million of them take the memory of one (a batch job's generated population reads it).
     */
    public InputStream stream(int households) {
        return new InputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
            private final JsonFactory factory = new JsonFactory();
            private byte[] bytes = new byte[0];
            private int position;
            private int made;

            @Override
            public int read() throws IOException {
                return next() ? bytes[position++] & 0xff : -1;
            }

            @Override
            public int read(byte[] into, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                if (!next()) {
                    return -1;
                }
                int n = Math.min(length, bytes.length - position);
                System.arraycopy(bytes, position, into, offset, n);
                position += n;
                return n;
            }

            /** Whether a byte is left to read, making the next household when the last one has been read. */
            private boolean next() throws IOException {
                if (position < bytes.length) {
                    return true;
                }
                if (made == households) {
                    return false;
                }
                line.reset();
                try (JsonGenerator json = factory.createGenerator(line, JsonEncoding.UTF8)) {
                    household(json);
                }
                line.write('\n');
                bytes = line.toByteArray();
                position = 0;
                made++;
                return true;
            }
        };
    }

    /** One person as the generator builds them; written in the order of {@code Member}. */
    private static final class Person {
        String ref;
        String pinfl;
        LocalDate birthDate;
        Sex sex;
        Relation relation;
        Employment employment;
        DisabilityGroup disability;
        LocalDate disabilitySince;
        boolean pregnant;
        final Set<MemberFlag> flags = EnumSet.noneOf(MemberFlag.class);
        Set<Impairment> impairments;
        Integer barthel;
        Integer lawton;
        Boolean registeredJobSeeker;
        String guardianRef;
        long wages;
        long pension;

        int age(LocalDate asOf) {
            return java.time.Period.between(birthDate, asOf).getYears();
        }
    }

    private void household(JsonGenerator json) throws IOException {
        Region region = REGIONS[weighted(REGIONS.length, r -> Territory.POPULATION_MILLIONS.get(REGIONS[r]))];
        List<String> districts = Territory.DISTRICTS.get(region);
        int districtIndex = random.nextInt(districts.size());
        List<String> mahallas = Territory.mahallas(region, districtIndex);
        boolean urban = Territory.urban(region);
        List<Person> people = members(weighted(SIZE_WEIGHTS.length, i -> SIZE_WEIGHTS[i]) + 1);

        HousingTenure tenure = pick(new HousingTenure[] {HousingTenure.OWNED, HousingTenure.RENTED, HousingTenure.LIVING_WITH_RELATIVES,
                HousingTenure.SOCIAL_HOUSING, HousingTenure.NO_HOUSING}, urban ? new double[] {70, 20, 7, 2.5, 0.5} : new double[] {84, 5, 8, 2.5, 0.5});
        if (tenure == HousingTenure.NO_HOUSING) {
            people.get(0).flags.add(MemberFlag.HOMELESS);
        }
        HousingCondition condition = pick(HousingCondition.values(), new double[] {35, 45, 17, 3});

        long wages = people.stream().mapToLong(p -> p.wages).sum();
        long pensions = people.stream().mapToLong(p -> p.pension).sum();
        long remittances = chance(0.15) ? round(amount(2_500_000, 0.6)) : 0;
        long agriculture = !urban && chance(0.35) ? round(amount(500_000, 0.7)) : 0;
        long other = chance(0.1) ? round(amount(300_000, 0.8)) : 0;
        long beforeBenefits = wages + pensions + remittances + agriculture + other;
        boolean poor = beforeBenefits < MSL * people.size();
        Set<Registry> registries = EnumSet.noneOf(Registry.class);
        if (poor && chance(0.5)) {
            registries.add(Registry.IRON_NOTEBOOK);
        }
        if (people.stream().anyMatch(p -> p.sex == Sex.F && p.age(asOf) >= 18 && (poor || p.flags.contains(MemberFlag.DOMESTIC_VIOLENCE_VICTIM)))
                && chance(0.3)) {
            registries.add(Registry.WOMEN_NOTEBOOK);
        }
        if (people.stream().anyMatch(p -> p.age(asOf) >= 14 && p.age(asOf) <= 30
                && (p.employment == Employment.UNEMPLOYED || p.flags.contains(MemberFlag.NEET))) && chance(0.4)) {
            registries.add(Registry.YOUTH_NOTEBOOK);
        }
        boolean childUnder18 = people.stream().anyMatch(p -> p.age(asOf) < 18);
        boolean receivesChildAllowance = registries.contains(Registry.IRON_NOTEBOOK) && childUnder18 && chance(0.3);
        long benefits = registries.contains(Registry.IRON_NOTEBOOK) && chance(0.5) ? 350_000 : 0;

        json.writeStartObject();
        json.writeStringField("asOf", asOf.toString());
        json.writeObjectFieldStart("household");
        json.writeStringField("externalId", String.format("SP-%02d%02d-%07d", region.ordinal() + 1, districtIndex + 1, ++sequence));
        json.writeStringField("region", region.name());
        json.writeStringField("district", districts.get(districtIndex));
        json.writeStringField("mahalla", mahallas.get(random.nextInt(mahallas.size())));
        json.writeObjectFieldStart("housing");
        json.writeStringField("tenure", tenure.name());
        json.writeStringField("condition", condition.name());
        json.writeBooleanField("hasUtilities", tenure != HousingTenure.NO_HOUSING && chance(condition == HousingCondition.EMERGENCY ? 0.6 : 0.93));
        json.writeEndObject();

        json.writeObjectFieldStart("monthlyIncome");
        json.writeNumberField("wages", wages);
        json.writeNumberField("pensions", pensions);
        json.writeNumberField("benefits", benefits);
        json.writeNumberField("remittances", remittances);
        json.writeNumberField("agriculture", agriculture);
        json.writeNumberField("other", other);
        json.writeEndObject();

        long total = beforeBenefits + benefits;
        boolean studying = people.stream().anyMatch(p -> p.employment == Employment.STUDENT);
        boolean ill = people.stream().anyMatch(p -> p.disability != null || p.flags.contains(MemberFlag.CHRONIC_ILLNESS));
        json.writeObjectFieldStart("monthlyExpenses");
        json.writeNumberField("housing", tenure == HousingTenure.RENTED ? round(amount(urban ? 2_000_000 : 800_000, 0.4)) : 0);
        json.writeNumberField("utilities", tenure == HousingTenure.NO_HOUSING ? 0 : round(amount(120_000 + 40_000L * people.size(), 0.3)));
        json.writeNumberField("medical", round(ill ? amount(400_000, 0.6) : chance(0.4) ? amount(100_000, 0.6) : 0));
        json.writeNumberField("education", studying ? round(amount(600_000, 0.5)) : 0);
        json.writeNumberField("debt", chance(0.2) ? round(amount(700_000, 0.6)) : 0);
        json.writeNumberField("other", round(Math.min(total / 4, amount(300_000, 0.8))));
        json.writeEndObject();

        // A tenth of passports have no asset section yet: means-tested cash then waits for it
        if (chance(0.9)) {
            boolean better = total > 1.5 * MSL * people.size();
            json.writeObjectFieldStart("assets");
            json.writeBooleanField("car", chance(better ? 0.45 : 0.1));
            json.writeNumberField("landPlotSqm", !urban && chance(0.6) ? round(amount(800, 0.6)) : 0);
            json.writeNumberField("livestockHeads", !urban && chance(0.4) ? 1 + random.nextInt(better ? 20 : 6) : 0);
            json.writeBooleanField("business", chance(better ? 0.15 : 0.03));
            json.writeEndObject();
        }
        json.writeArrayFieldStart("registries");
        for (Registry registry : registries) {
            json.writeString(registry.name());
        }
        json.writeEndArray();
        json.writeArrayFieldStart("members");
        for (Person person : people) {
            member(json, person);
        }
        json.writeEndArray();
        if (receivesChildAllowance) {
            json.writeArrayFieldStart("receives");
            json.writeString("CSH-001");
            json.writeEndArray();
        }
        // Some passports carry the last three months' income, as the unified registry asks (oldest first)
        if (chance(0.3)) {
            json.writeArrayFieldStart("incomeLast3Months");
            for (int month = 0; month < 3; month++) {
                json.writeNumber(round(total * (0.85 + 0.3 * random.nextDouble())));
            }
            json.writeEndArray();
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    /** A head, perhaps a spouse, perhaps a parent of the head or a married son with his family, and children. */
    private List<Person> members(int size) {
        List<Person> people = new ArrayList<>();
        int headAge = 20 + weighted(66, a -> a < 10 ? 1.0 : a < 45 ? 2.0 : 1.0);
        Sex headSex = chance(0.78) ? Sex.M : Sex.F;
        Person head = person(Relation.HEAD, headSex, headAge);
        people.add(head);
        if (size >= 2 && chance(headAge < 70 ? 0.85 : 0.55)) {
            people.add(person(Relation.SPOUSE, headSex == Sex.M ? Sex.F : Sex.M, clamp(headAge + (headSex == Sex.M ? -3 : 3) + random.nextInt(-3, 4), 18, 100)));
        }
        if (people.size() < size && headAge < 55 && chance(0.2)) {
            people.add(person(Relation.PARENT, chance(0.6) ? Sex.F : Sex.M, Math.min(headAge + 22 + random.nextInt(10), 100)));
        }
        if (people.size() + 1 < size && headAge >= 50 && chance(0.4)) {
            // a married son living with his parents, with his wife and their children, as is common
            int sonAge = clamp(headAge - 22 - random.nextInt(8), 18, 60);
            people.add(person(Relation.CHILD, Sex.M, sonAge));
            people.add(person(Relation.OTHER_RELATIVE, Sex.F, clamp(sonAge - 2, 18, 60)));
            while (people.size() < size && sonAge > 20) {
                people.add(person(Relation.GRANDCHILD, chance(0.5) ? Sex.M : Sex.F, random.nextInt(Math.min(sonAge - 19, 15))));
            }
        }
        // Born when the head was 18 to 45: an old head lives with grown-up children, not with a baby
        int youngestChild = Math.max(0, headAge - 45);
        int oldestChild = Math.min(headAge - 18, Math.max(30, youngestChild + 10));
        while (people.size() < size) {
            // now and then a brother or sister of the head instead of a child
            Relation relation = chance(0.05) ? Relation.SIBLING : Relation.CHILD;
            int age = relation == Relation.SIBLING ? clamp(headAge + random.nextInt(-8, 9), 0, 100)
                    : youngestChild + random.nextInt(oldestChild - youngestChild + 1);
            people.add(person(relation, chance(0.51) ? Sex.M : Sex.F, age));
        }
        for (int i = 0; i < people.size(); i++) {
            Person person = people.get(i);
            person.ref = "m" + (i + 1);
            if (person.age(asOf) < 18 && person.flags.contains(MemberFlag.ORPHAN)) {
                person.guardianRef = head.age(asOf) >= 18 ? head.ref : null;
            }
        }
        if (people.size() == 1 && headAge >= 70 && chance(0.6)) {
            head.flags.add(MemberFlag.LONELY_ELDERLY);
        }
        if (head.sex == Sex.F && people.stream().noneMatch(p -> p.relation == Relation.SPOUSE)
                && people.stream().anyMatch(p -> p.relation == Relation.CHILD && p.age(asOf) < 18) && chance(0.2)) {
            head.flags.add(MemberFlag.ALIMONY_UNPAID);
        }
        return people;
    }

    private Person person(Relation relation, Sex sex, int age) {
        Person p = new Person();
        p.relation = relation;
        p.sex = sex;
        p.birthDate = asOf.minusYears(age).minusDays(1 + random.nextInt(364));
        boolean pensionAge = age >= (sex == Sex.M ? 60 : 55);
        disability(p, age);
        p.employment = employment(p, age, pensionAge);
        if (p.employment == Employment.UNEMPLOYED) {
            p.registeredJobSeeker = chance(0.2) ? null : chance(0.5);
        }
        p.pregnant = sex == Sex.F && age >= 18 && age <= 42 && chance(0.04);
        flags(p, age);
        if (age >= 18 && chance(0.5)) {
            // synthetic: sex-and-century digit, birth date, then random digits — the format of a PINFL, nobody's number
            int century = p.birthDate.getYear() >= 2000 ? 5 : 3;
            p.pinfl = String.format("%d%02d%02d%02d%07d", century + (sex == Sex.F ? 1 : 0), p.birthDate.getDayOfMonth(),
                    p.birthDate.getMonthValue(), p.birthDate.getYear() % 100, random.nextInt(10_000_000));
        }
        p.wages = switch (p.employment) {
            case EMPLOYED_FORMAL -> round(amount(3_500_000, 0.5));
            case EMPLOYED_INFORMAL -> round(amount(2_000_000, 0.6));
            case SELF_EMPLOYED -> round(amount(2_500_000, 0.7));
            default -> 0;
        };
        p.pension = p.employment == Employment.PENSIONER || p.disability != null && age >= 18 && chance(0.7)
                ? round(amount(1_300_000, 0.3)) : 0;
        return p;
    }

    private void disability(Person p, int age) {
        double prevalence = age < 18 ? 0.02 : age < 40 ? 0.025 : age < 60 ? 0.04 : 0.08;
        if (chance(prevalence)) {
            p.disability = age < 18 ? DisabilityGroup.CHILD_DISABILITY
                    : pick(new DisabilityGroup[] {DisabilityGroup.I, DisabilityGroup.II, DisabilityGroup.III}, new double[] {15, 55, 30});
            // illustrative: one in ten first recognised within the past year, most years ago, one in seven not recorded
            long lived = ChronoUnit.DAYS.between(p.birthDate, asOf);
            if (chance(0.85)) {
                p.disabilitySince = asOf.minusDays(chance(0.1) ? random.nextLong(Math.min(365, lived + 1)) : random.nextLong(lived + 1));
            }
            if (chance(0.8)) {
                p.impairments = EnumSet.noneOf(Impairment.class);
                p.impairments.add(pick(Impairment.values(), new double[] {35, 12, 10, 5, 15, 13, 10}));
                if (chance(0.15)) {
                    p.impairments.add(pick(Impairment.values(), new double[] {35, 12, 10, 5, 15, 13, 10}));
                }
            }
            if (chance(0.7)) {
                int barthel = clamp((p.disability == DisabilityGroup.I ? 25 : p.disability == DisabilityGroup.III ? 85 : 60)
                        + random.nextInt(-20, 21), 0, 100) / 5 * 5;
                // the Barthel index is not scored for infants, who need help with everything at that age (drawn all the
                // same, so that a seed's other households stay as they were)
                p.barthel = age >= 3 ? barthel : null;
            }
        } else if (chance(0.3)) {
            p.impairments = EnumSet.noneOf(Impairment.class); // asked: none
        }
        if (age >= 80 && chance(0.7)) {
            p.barthel = p.barthel != null ? p.barthel : clamp(70 + random.nextInt(-40, 31), 0, 100) / 5 * 5;
            p.lawton = random.nextInt(9);
        }
    }

    private Employment employment(Person p, int age, boolean pensionAge) {
        if (age < 16) {
            return Employment.CHILD;
        }
        if (p.disability == DisabilityGroup.I || p.disability == DisabilityGroup.II && chance(0.5)) {
            return age < 18 ? Employment.CHILD : Employment.UNABLE_TO_WORK;
        }
        if (age < 18) {
            return chance(0.8) ? Employment.STUDENT : Employment.CHILD;
        }
        // someone who needs help with most daily activities (Barthel 60 or less) does not go out to work; the draws are
        // made all the same, so that a seed's other households stay as they were
        boolean dependent = p.barthel != null && p.barthel <= 60;
        if (pensionAge) {
            Employment pensioner = chance(0.88) ? Employment.PENSIONER : Employment.EMPLOYED_INFORMAL;
            return dependent ? Employment.PENSIONER : pensioner;
        }
        Employment[] kinds = {Employment.EMPLOYED_FORMAL, Employment.EMPLOYED_INFORMAL, Employment.SELF_EMPLOYED, Employment.UNEMPLOYED,
                Employment.STUDENT, Employment.HOMEMAKER};
        double[] weights = age <= 22 ? new double[] {12, 18, 3, 15, 45, p.sex == Sex.F ? 7 : 0}
                : new double[] {35, 25, 8, 10, 1, p.sex == Sex.F ? 25 : 1};
        Employment employment = pick(kinds, weights);
        return dependent ? Employment.UNABLE_TO_WORK : employment;
    }

    private void flags(Person p, int age) {
        if (p.disability == DisabilityGroup.I || p.barthel != null && p.barthel < 60) {
            p.flags.add(MemberFlag.NEEDS_CARE);
        }
        maybe(p, MemberFlag.CHRONIC_ILLNESS, age >= 40 ? 0.08 : 0.02);
        maybe(p, MemberFlag.DIABETES, age >= 40 ? 0.04 : 0.005);
        maybe(p, MemberFlag.TUBERCULOSIS, 0.002);
        maybe(p, MemberFlag.DIALYSIS_OR_CHEMOTHERAPY, age >= 30 ? 0.004 : 0.001);
        maybe(p, MemberFlag.NO_DOCUMENTS, 0.004);
        if (age >= 18) {
            maybe(p, MemberFlag.RETURNED_MIGRANT, p.sex == Sex.M && age <= 45 ? 0.05 : 0.005);
            maybe(p, MemberFlag.DOMESTIC_VIOLENCE_VICTIM, p.sex == Sex.F ? 0.01 : 0.001);
            maybe(p, MemberFlag.FORMER_PRISONER, p.sex == Sex.M ? 0.006 : 0.001);
            maybe(p, MemberFlag.ADDICTION, p.sex == Sex.M ? 0.006 : 0.001);
            maybe(p, MemberFlag.FAMILY_CONFLICT, 0.01);
            maybe(p, MemberFlag.TRAFFICKING_VICTIM, 0.001);
        } else {
            maybe(p, MemberFlag.CHILD_ABUSE_VICTIM, 0.003);
            maybe(p, MemberFlag.OUT_OF_SCHOOL, age >= 7 && age <= 15 ? 0.01 : 0);
            maybe(p, MemberFlag.ORPHAN, p.relation == Relation.GRANDCHILD || p.relation == Relation.SIBLING ? 0.05 : 0.002);
        }
        maybe(p, MemberFlag.NEET, age >= 15 && age <= 24 && p.employment == Employment.UNEMPLOYED ? 0.5 : 0);
        maybe(p, MemberFlag.VETERAN, age >= 75 && p.sex == Sex.M ? 0.03 : 0);
    }

    private void member(JsonGenerator json, Person p) throws IOException {
        json.writeStartObject();
        json.writeStringField("ref", p.ref);
        if (p.pinfl != null) {
            json.writeStringField("pinfl", p.pinfl);
        }
        json.writeStringField("birthDate", p.birthDate.toString());
        json.writeStringField("sex", p.sex.name());
        json.writeStringField("relation", p.relation.name());
        json.writeStringField("employment", p.employment.name());
        if (p.disability != null) {
            json.writeObjectFieldStart("disability");
            json.writeStringField("group", p.disability.name());
            if (p.disabilitySince != null) {
                json.writeStringField("firstEstablishedOn", p.disabilitySince.toString());
            }
            json.writeEndObject();
        }
        json.writeBooleanField("pregnant", p.pregnant);
        json.writeArrayFieldStart("flags");
        for (MemberFlag flag : p.flags) {
            json.writeString(flag.name());
        }
        json.writeEndArray();
        if (p.impairments != null) {
            json.writeArrayFieldStart("impairments");
            for (Impairment impairment : new TreeSet<>(p.impairments)) {
                json.writeString(impairment.name());
            }
            json.writeEndArray();
        }
        if (p.barthel != null || p.lawton != null) {
            json.writeObjectFieldStart("careNeed");
            if (p.barthel != null) {
                json.writeNumberField("barthel", p.barthel);
            }
            if (p.lawton != null) {
                json.writeNumberField("lawton", p.lawton);
            }
            json.writeEndObject();
        }
        if (p.registeredJobSeeker != null) {
            json.writeBooleanField("registeredJobSeeker", p.registeredJobSeeker);
        }
        if (p.guardianRef != null) {
            json.writeStringField("guardianRef", p.guardianRef);
        }
        json.writeEndObject();
    }

    private void maybe(Person p, MemberFlag flag, double probability) {
        if (chance(probability)) {
            p.flags.add(flag);
        }
    }

    private boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** A log-normal amount with this median: incomes are skewed, a few earn many times the typical. */
    private long amount(long median, double sigma) {
        return Math.round(median * Math.exp(sigma * gaussian()));
    }

    private double gaussian() {
        // Box–Muller on the seeded generator (SplittableRandom has no nextGaussian on Java 17)
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** To the thousand UZS, as people state amounts. */
    private static long round(double amount) {
        return Math.max(0, Math.round(amount / 1_000) * 1_000);
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    private <T> T pick(T[] values, double[] weights) {
        return values[weighted(values.length, i -> weights[i])];
    }

    private int weighted(int n, java.util.function.IntToDoubleFunction weight) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += weight.applyAsDouble(i);
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < n; i++) {
            r -= weight.applyAsDouble(i);
            if (r < 0) {
                return i;
            }
        }
        return n - 1;
    }
}
