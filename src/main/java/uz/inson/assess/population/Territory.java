package uz.inson.assess.population;

import uz.inson.assess.household.Region;

import java.util.List;
import java.util.Map;

/**
 * Where generated households live: the 14 regions weighted by resident population, a few real districts of each, and
 * mahalla names common across the country (which district really has which mahalla is not modelled).
 */
final class Territory {
    /** Resident population in millions, rounded (State Statistics Agency, stat.uz, 1 January 2024 — verify before relying on it). */
    static final Map<Region, Double> POPULATION_MILLIONS = Map.ofEntries(
            Map.entry(Region.KARAKALPAKSTAN, 2.0), Map.entry(Region.ANDIJAN, 3.3), Map.entry(Region.BUKHARA, 2.0),
            Map.entry(Region.FERGANA, 4.0), Map.entry(Region.JIZZAKH, 1.5), Map.entry(Region.KASHKADARYA, 3.5),
            Map.entry(Region.KHOREZM, 1.9), Map.entry(Region.NAMANGAN, 3.0), Map.entry(Region.NAVOI, 1.0),
            Map.entry(Region.SAMARKAND, 4.2), Map.entry(Region.SURKHANDARYA, 2.8), Map.entry(Region.SYRDARYA, 0.9),
            Map.entry(Region.TASHKENT_REGION, 3.0), Map.entry(Region.TASHKENT_CITY, 3.0));

    static final Map<Region, List<String>> DISTRICTS = Map.ofEntries(
            Map.entry(Region.KARAKALPAKSTAN, List.of("Nukus", "Chimboy", "Xo'jayli", "To'rtko'l")),
            Map.entry(Region.ANDIJAN, List.of("Asaka", "Shahrixon", "Xo'jaobod", "Andijon")),
            Map.entry(Region.BUKHARA, List.of("G'ijduvon", "Kogon", "Vobkent")),
            Map.entry(Region.FERGANA, List.of("Quva", "Rishton", "Oltiariq", "Farg'ona")),
            Map.entry(Region.JIZZAKH, List.of("Zomin", "G'allaorol", "Forish")),
            Map.entry(Region.KASHKADARYA, List.of("Shahrisabz", "Qarshi", "Kitob", "G'uzor")),
            Map.entry(Region.KHOREZM, List.of("Urganch", "Xiva", "Hazorasp")),
            Map.entry(Region.NAMANGAN, List.of("Chust", "Pop", "Kosonsoy", "To'raqo'rg'on")),
            Map.entry(Region.NAVOI, List.of("Karmana", "Nurota", "Qiziltepa")),
            Map.entry(Region.SAMARKAND, List.of("Urgut", "Kattaqo'rg'on", "Pastdarg'om", "Ishtixon")),
            Map.entry(Region.SURKHANDARYA, List.of("Denov", "Sherobod", "Sho'rchi", "Termiz")),
            Map.entry(Region.SYRDARYA, List.of("Guliston", "Boyovut", "Sirdaryo")),
            Map.entry(Region.TASHKENT_REGION, List.of("Bo'stonliq", "Zangiota", "Qibray", "Chinoz")),
            Map.entry(Region.TASHKENT_CITY, List.of("Yunusobod", "Chilonzor", "Mirzo Ulug'bek", "Yakkasaroy")));

    /** Mahalla names that recur all over Uzbekistan; each district gets {@value #MAHALLAS_PER_DISTRICT} of them. */
    private static final List<String> MAHALLA_NAMES = List.of("Bog'ishamol", "Navbahor", "Guliston", "Bodomzor", "Yangiobod", "Mustaqillik",
            "Do'stlik", "Obod", "Tinchlik", "Navro'z", "Bunyodkor", "Istiqlol", "Olmazor", "Ko'kterak", "Yangi hayot", "Bahor", "Oqtepa",
            "Mehribon", "Nurafshon", "Chinor");
    private static final int MAHALLAS_PER_DISTRICT = 4;

    private Territory() {
    }

    /** The mahallas of a district: a fixed slice of the common names, different from district to district. */
    static List<String> mahallas(Region region, int district) {
        int start = (region.ordinal() * 7 + district * 3) % MAHALLA_NAMES.size();
        return java.util.stream.IntStream.range(0, MAHALLAS_PER_DISTRICT)
                .mapToObj(i -> MAHALLA_NAMES.get((start + i * 5) % MAHALLA_NAMES.size())).toList();
    }

    /** Cities: no farm plots or livestock to speak of, more renters. */
    static boolean urban(Region region) {
        return region == Region.TASHKENT_CITY;
    }
}
