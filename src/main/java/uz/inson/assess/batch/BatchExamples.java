package uz.inson.assess.batch;

/** The request line shown in the OpenAPI document: the DESIGN household with an id and an idempotency key. */
final class BatchExamples {
    static final String LINE = """
            {"id": "row-1", "idempotencyKey": "SP-1703-000123/2026-11", "asOf": "2026-11-25", "household": {"externalId": "SP-1703-000123", \
            "region": "NAMANGAN", "district": "Chust", "mahalla": "Bog'ishamol", \
            "housing": {"tenure": "RENTED", "condition": "POOR", "hasUtilities": true}, \
            "monthlyIncome": {"wages": 1200000, "pensions": 0, "benefits": 0, "remittances": 0, "agriculture": 0, "other": 0}, \
            "monthlyExpenses": {"housing": 500000, "utilities": 150000, "medical": 300000, "education": 0, "debt": 0, "other": 0}, \
            "assets": {"car": false, "landPlotSqm": 0, "livestockHeads": 0}, "registries": ["IRON_NOTEBOOK"], \
            "members": [{"ref": "m1", "birthDate": "1985-03-12", "sex": "F", "relation": "HEAD", "employment": "UNEMPLOYED"}, \
            {"ref": "m2", "birthDate": "2016-07-01", "sex": "M", "relation": "CHILD", "employment": "CHILD", \
            "disability": {"group": "CHILD_DISABILITY"}, "flags": ["NEEDS_CARE"]}]}}""";

    private BatchExamples() {
    }
}
