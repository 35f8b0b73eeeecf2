package uz.inson.assess.support;

/** Realistic households used across the REST tests, as the JSON a calling system sends. */
public final class Households {
    /** The case date the households below are written for. */
    public static final String AS_OF = "2026-11-25";

    private Households() {
    }

    /**
     * The household as of another case date. A case date is decided by the version in force on it, so a test that puts
     * a version in force now must assess as of the service's today, not as of a fixed date that time leaves behind.
     */
    public static String onDate(String household, java.time.LocalDate asOf) {
        return household.replace("\"asOf\": \"" + AS_OF + "\"", "\"asOf\": \"" + asOf + "\"");
    }

    /** DESIGN §4: a poor family renting in Chust, unemployed mother, son with a childhood disability who needs care. */
    public static final String POOR_FAMILY_WITH_DISABLED_CHILD = """
            {
              "asOf": "2026-11-25",
              "household": {
                "externalId": "SP-1703-000123",
                "region": "NAMANGAN", "district": "Chust", "mahalla": "Bog'ishamol",
                "housing": { "tenure": "RENTED", "condition": "POOR", "hasUtilities": true },
                "monthlyIncome":   { "wages": 1200000, "pensions": 0, "benefits": 0, "remittances": 0, "agriculture": 0, "other": 0 },
                "monthlyExpenses": { "housing": 500000, "utilities": 150000, "medical": 300000, "education": 0, "debt": 0, "other": 0 },
                "assets": { "car": false, "landPlotSqm": 0, "livestockHeads": 0 },
                "registries": ["IRON_NOTEBOOK"],
                "members": [
                  { "ref": "m1", "pinfl": "31203857000010", "birthDate": "1985-03-12", "sex": "F", "relation": "HEAD",
                    "employment": "UNEMPLOYED", "disability": null, "pregnant": false, "flags": [] },
                  { "ref": "m2", "birthDate": "2016-07-01", "sex": "M", "relation": "CHILD",
                    "employment": "CHILD", "disability": { "group": "CHILD_DISABILITY" }, "flags": ["NEEDS_CARE"] }
                ]
              }
            }""";

    /** Two doctors and a schoolboy in Tashkent, owning a good flat and a car: nothing means-tested applies. */
    public static final String WELL_OFF_FAMILY = """
            {
              "asOf": "2026-11-25",
              "household": {
                "externalId": "SP-2601-004411",
                "region": "TASHKENT_CITY", "district": "Yunusobod", "mahalla": "Bodomzor",
                "housing": { "tenure": "OWNED", "condition": "GOOD", "hasUtilities": true },
                "monthlyIncome":   { "wages": 14000000, "pensions": 0, "benefits": 0, "remittances": 0, "agriculture": 0, "other": 500000 },
                "monthlyExpenses": { "housing": 0, "utilities": 600000, "medical": 200000, "education": 1500000, "debt": 0, "other": 3000000 },
                "assets": { "car": true, "landPlotSqm": 0, "livestockHeads": 0 },
                "registries": [],
                "members": [
                  { "ref": "a", "birthDate": "1982-05-20", "sex": "M", "relation": "HEAD", "employment": "EMPLOYED_FORMAL" },
                  { "ref": "b", "birthDate": "1985-09-02", "sex": "F", "relation": "SPOUSE", "employment": "EMPLOYED_FORMAL" },
                  { "ref": "c", "birthDate": "2013-01-15", "sex": "M", "relation": "CHILD", "employment": "CHILD" }
                ]
              }
            }""";

    /** Grandparents in Urgut bringing up their orphaned grandson, 12, beside their grown son; the grandmother is his guardian. */
    public static final String ORPHANED_GRANDSON_WITH_GRANDPARENTS = """
            {
              "asOf": "2026-11-25",
              "household": {
                "externalId": "SP-1414-000777",
                "region": "SAMARKAND", "district": "Urgut", "mahalla": "Qorasuv",
                "housing": { "tenure": "OWNED", "condition": "FAIR", "hasUtilities": true },
                "monthlyIncome":   { "wages": 2500000, "pensions": 1400000, "benefits": 0, "remittances": 0, "agriculture": 0, "other": 0 },
                "monthlyExpenses": { "housing": 0, "utilities": 250000, "medical": 100000, "education": 50000, "debt": 0, "other": 0 },
                "assets": { "car": false, "landPlotSqm": 400, "livestockHeads": 1 },
                "registries": [],
                "members": [
                  { "ref": "g", "birthDate": "1960-02-20", "sex": "F", "relation": "HEAD", "employment": "PENSIONER" },
                  { "ref": "h", "birthDate": "1957-06-11", "sex": "M", "relation": "SPOUSE", "employment": "PENSIONER" },
                  { "ref": "s", "birthDate": "1990-04-02", "sex": "M", "relation": "CHILD", "employment": "EMPLOYED_FORMAL" },
                  { "ref": "o", "birthDate": "2014-09-03", "sex": "M", "relation": "GRANDCHILD", "employment": "CHILD",
                    "flags": ["ORPHAN"], "guardianRef": "g" }
                ]
              }
            }""";

    /** A woman of 38 in Bukhara who lost most of her sight in the spring (group II since 2026-04-14), and her working husband. */
    public static final String NEWLY_DISABLED_WOMAN = """
            {
              "asOf": "2026-11-25",
              "household": {
                "externalId": "SP-0610-000412",
                "region": "BUKHARA", "district": "G'ijduvon", "mahalla": "Navbahor",
                "housing": { "tenure": "OWNED", "condition": "FAIR", "hasUtilities": true },
                "monthlyIncome":   { "wages": 3200000, "pensions": 900000, "benefits": 0, "remittances": 0, "agriculture": 0, "other": 0 },
                "monthlyExpenses": { "housing": 0, "utilities": 250000, "medical": 400000, "education": 0, "debt": 0, "other": 0 },
                "assets": { "car": false, "landPlotSqm": 500, "livestockHeads": 0, "business": false },
                "registries": [],
                "members": [
                  { "ref": "w", "birthDate": "1988-01-20", "sex": "F", "relation": "HEAD", "employment": "UNABLE_TO_WORK",
                    "disability": { "group": "II", "firstEstablishedOn": "2026-04-14" }, "impairments": ["VISION"], "careNeed": { "barthel": 85 } },
                  { "ref": "h", "birthDate": "1985-06-30", "sex": "M", "relation": "SPOUSE", "employment": "EMPLOYED_FORMAL" }
                ]
              }
            }""";

    /** An elderly couple in Andijan and their grown son; the wife, 73, has suffered domestic violence. */
    public static final String ELDERLY_WOMAN_WHO_SUFFERED_VIOLENCE = """
            {
              "asOf": "2026-11-25",
              "household": {
                "externalId": "SP-0201-000008",
                "region": "ANDIJAN", "district": "Asaka", "mahalla": "Olmazor",
                "housing": { "tenure": "OWNED", "condition": "FAIR", "hasUtilities": true },
                "monthlyIncome":   { "wages": 2600000, "pensions": 2900000, "benefits": 0, "remittances": 0, "agriculture": 0, "other": 0 },
                "monthlyExpenses": { "housing": 0, "utilities": 250000, "medical": 90000, "education": 0, "debt": 0, "other": 85000 },
                "assets": { "car": false, "landPlotSqm": 300, "livestockHeads": 0, "business": false },
                "registries": [],
                "members": [
                  { "ref": "m1", "birthDate": "1948-03-04", "sex": "M", "relation": "HEAD", "employment": "PENSIONER" },
                  { "ref": "m2", "birthDate": "1953-09-23", "sex": "F", "relation": "SPOUSE", "employment": "PENSIONER",
                    "flags": ["DOMESTIC_VIOLENCE_VICTIM"] },
                  { "ref": "m3", "birthDate": "1998-03-13", "sex": "M", "relation": "CHILD", "employment": "EMPLOYED_INFORMAL" }
                ]
              }
            }""";

    /** A couple in their fifties in Andijan without children, just above the poverty line; the wife is out of work. */
    public static final String CHILDLESS_COUPLE_AT_RISK_OF_POVERTY = """
            {
              "asOf": "2026-11-25",
              "household": {
                "externalId": "SP-0204-000022",
                "region": "ANDIJAN", "district": "Andijon", "mahalla": "Navbahor",
                "housing": { "tenure": "OWNED", "condition": "FAIR", "hasUtilities": true },
                "monthlyIncome":   { "wages": 1793000, "pensions": 0, "benefits": 0, "remittances": 0, "agriculture": 332000, "other": 0 },
                "monthlyExpenses": { "housing": 0, "utilities": 159000, "medical": 100000, "education": 0, "debt": 0, "other": 116000 },
                "assets": { "car": false, "landPlotSqm": 0, "livestockHeads": 2, "business": false },
                "registries": [],
                "members": [
                  { "ref": "m1", "birthDate": "1971-05-28", "sex": "M", "relation": "HEAD", "employment": "EMPLOYED_INFORMAL" },
                  { "ref": "m2", "birthDate": "1972-01-21", "sex": "F", "relation": "SPOUSE", "employment": "UNEMPLOYED", "registeredJobSeeker": true }
                ]
              }
            }""";

    /**
     * A family in Chust whose utilities and the son's college fees (999,000 a month) cost more than the father's informal
     * wages bring in (893,000): nothing is left per person after essential costs.
     */
    public static final String FAMILY_WHOSE_COSTS_EXCEED_ITS_INCOME = """
            {
              "asOf": "2026-11-25",
              "household": {
                "externalId": "SP-1703-000645",
                "region": "NAMANGAN", "district": "Chust", "mahalla": "Varzik",
                "housing": { "tenure": "OWNED", "condition": "POOR", "hasUtilities": true },
                "monthlyIncome":   { "wages": 893000, "pensions": 0, "benefits": 0, "remittances": 0, "agriculture": 0, "other": 0 },
                "monthlyExpenses": { "housing": 0, "utilities": 173000, "medical": 0, "education": 826000, "debt": 0, "other": 192000 },
                "assets": { "car": false, "landPlotSqm": 0, "livestockHeads": 0, "business": false },
                "registries": [],
                "members": [
                  { "ref": "m1", "birthDate": "1985-02-11", "sex": "F", "relation": "HEAD", "employment": "HOMEMAKER" },
                  { "ref": "m2", "birthDate": "1982-07-30", "sex": "M", "relation": "SPOUSE", "employment": "EMPLOYED_INFORMAL" },
                  { "ref": "m3", "birthDate": "2010-04-05", "sex": "M", "relation": "CHILD", "employment": "STUDENT" }
                ]
              }
            }""";

    /** A couple in Andijan living with relatives: he is out of work, she sews at home and has a chronic illness. */
    public static final String COUPLE_WITH_A_CHRONICALLY_ILL_WIFE = """
            {
              "asOf": "2026-11-25",
              "household": {
                "externalId": "SP-0212-000314",
                "region": "ANDIJAN", "district": "Xo'jaobod", "mahalla": "Bo'ston",
                "housing": { "tenure": "LIVING_WITH_RELATIVES", "condition": "FAIR", "hasUtilities": true },
                "monthlyIncome":   { "wages": 1358000, "pensions": 0, "benefits": 0, "remittances": 0, "agriculture": 0, "other": 0 },
                "monthlyExpenses": { "housing": 0, "utilities": 240000, "medical": 102000, "education": 0, "debt": 0, "other": 188000 },
                "assets": { "car": false, "landPlotSqm": 0, "livestockHeads": 0, "business": false },
                "registries": [],
                "members": [
                  { "ref": "m1", "birthDate": "1985-06-02", "sex": "M", "relation": "HEAD", "employment": "UNEMPLOYED", "registeredJobSeeker": true },
                  { "ref": "m2", "birthDate": "1986-03-19", "sex": "F", "relation": "SPOUSE", "employment": "SELF_EMPLOYED", "flags": ["CHRONIC_ILLNESS"] }
                ]
              }
            }""";

    /** A low-income family in Khorezm, in the women's notebook, with the husband's niece of 22 at university. */
    public static final String FAMILY_WITH_A_NIECE_AT_UNIVERSITY = """
            {
              "asOf": "2026-11-25",
              "household": {
                "externalId": "SP-2204-000871",
                "region": "KHOREZM", "district": "Hazorasp", "mahalla": "Yangi hayot",
                "housing": { "tenure": "OWNED", "condition": "FAIR", "hasUtilities": true },
                "monthlyIncome":   { "wages": 2100000, "pensions": 0, "benefits": 0, "remittances": 0, "agriculture": 0, "other": 0 },
                "monthlyExpenses": { "housing": 0, "utilities": 260000, "medical": 50000, "education": 300000, "debt": 0, "other": 150000 },
                "assets": { "car": false, "landPlotSqm": 0, "livestockHeads": 0, "business": false },
                "registries": ["WOMEN_NOTEBOOK"],
                "members": [
                  { "ref": "m1", "birthDate": "1976-09-14", "sex": "M", "relation": "HEAD", "employment": "EMPLOYED_FORMAL" },
                  { "ref": "m2", "birthDate": "1979-01-30", "sex": "F", "relation": "SPOUSE", "employment": "HOMEMAKER" },
                  { "ref": "m3", "birthDate": "2004-05-21", "sex": "F", "relation": "OTHER_RELATIVE", "employment": "STUDENT" }
                ]
              }
            }""";

    /** A young mother and her toddler living with relatives in Samarkand; she has just fled a violent husband. */
    public static final String DOMESTIC_VIOLENCE_VICTIM = """
            {
              "asOf": "2026-11-25",
              "household": {
                "externalId": "SP-1408-000977",
                "region": "SAMARKAND", "district": "Urgut", "mahalla": "Navbahor",
                "housing": { "tenure": "LIVING_WITH_RELATIVES", "condition": "FAIR", "hasUtilities": true },
                "monthlyIncome":   { "wages": 0, "pensions": 0, "benefits": 0, "remittances": 0, "agriculture": 0, "other": 400000 },
                "monthlyExpenses": { "housing": 0, "utilities": 100000, "medical": 50000, "education": 0, "debt": 0, "other": 0 },
                "assets": { "car": false, "landPlotSqm": 0, "livestockHeads": 0, "business": false },
                "registries": ["WOMEN_NOTEBOOK"],
                "members": [
                  { "ref": "w", "birthDate": "2001-04-09", "sex": "F", "relation": "HEAD", "employment": "HOMEMAKER",
                    "flags": ["DOMESTIC_VIOLENCE_VICTIM"] },
                  { "ref": "k", "birthDate": "2024-02-11", "sex": "F", "relation": "CHILD", "employment": "CHILD" }
                ]
              }
            }""";

    /** A couple with two children whose income per person is just above the minimum subsistence level (720,000). */
    public static final String JUST_ABOVE_THE_MINIMUM = """
            {
              "asOf": "2026-11-25",
              "household": {
                "externalId": "SP-0902-000310",
                "region": "FERGANA", "district": "Quva", "mahalla": "Guliston",
                "housing": { "tenure": "OWNED", "condition": "FAIR", "hasUtilities": true },
                "monthlyIncome":   { "wages": 3000000, "pensions": 0, "benefits": 0, "remittances": 0, "agriculture": 0, "other": 0 },
                "monthlyExpenses": { "housing": 0, "utilities": 300000, "medical": 100000, "education": 0, "debt": 0, "other": 0 },
                "assets": { "car": false, "landPlotSqm": 0, "livestockHeads": 0, "business": false },
                "registries": [],
                "members": [
                  { "ref": "p1", "birthDate": "1988-02-01", "sex": "M", "relation": "HEAD", "employment": "EMPLOYED_INFORMAL" },
                  { "ref": "p2", "birthDate": "1990-06-17", "sex": "F", "relation": "SPOUSE", "employment": "HOMEMAKER" },
                  { "ref": "p3", "birthDate": "2015-03-03", "sex": "M", "relation": "CHILD", "employment": "CHILD" },
                  { "ref": "p4", "birthDate": "2019-10-10", "sex": "F", "relation": "CHILD", "employment": "CHILD" }
                ]
              }
            }""";
}
