package dev.burrow.server;

import dev.burrow.server.store.Timestamps;

/** The exports contract's common setup: dashboard D with insight I in team 1, insight I2 in team 2. */
final class ExportFixtures {

    static final long D = 11;
    static final long I = 7;
    static final long I2 = 8;
    static final long NUMBER = 9;
    static final long BARS = 10;

    static final String TRENDS_QUERY = "{\"kind\":\"InsightVizNode\",\"source\":{\"kind\":\"TrendsQuery\","
            + "\"series\":[{\"kind\":\"EventsNode\",\"event\":\"$pageview\"}],\"interval\":\"day\"}}";

    static final String INSIGHT_PAYLOAD = "{\"query\":" + TRENDS_QUERY + ",\"result\":["
            + "{\"label\":\"$pageview\",\"labels\":[\"1-Jan-2024\",\"2-Jan-2024\",\"3-Jan-2024\"],"
            + "\"data\":[10,20,15],\"count\":45},"
            + "{\"label\":\"signed_up\",\"labels\":[\"1-Jan-2024\",\"2-Jan-2024\",\"3-Jan-2024\"],"
            + "\"data\":[3,4.5,5],\"count\":12.5}],"
            + "\"display\":\"ActionsLineGraph\",\"insight_type\":\"TRENDS\"}";

    private ExportFixtures() {
    }

    static void setUp(TestServer s) {
        object(s, "insight", I, 1, "example insight", INSIGHT_PAYLOAD);
        object(s, "insight", I2, 2, "other team insight", INSIGHT_PAYLOAD);
        object(s, "insight", NUMBER, 1, "Weekly revenue", "{\"query\":{\"kind\":\"InsightVizNode\"},\"result\":["
                + "{\"label\":\"Revenue\",\"labels\":[\"1-Jan-2024 - 30-Jan-2024\"],\"data\":[123456],"
                + "\"count\":123456}],\"display\":\"BoldNumber\",\"insight_type\":\"TRENDS\"}");
        object(s, "insight", BARS, 1, "Signup funnel", "{\"query\":{\"kind\":\"InsightVizNode\"},\"result\":["
                + "{\"label\":\"Conversion\",\"labels\":[\"$pageview\",\"signed_up\",\"purchase\"],"
                + "\"data\":[1000,400,120],\"count\":1520}],\"display\":\"ActionsBar\",\"insight_type\":\"FUNNELS\"}");
        object(s, "dashboard", D, 1, "example dashboard", "{\"tiles\":[" + I + "," + NUMBER + "," + BARS + "]}");
    }

    static void object(TestServer s, String type, long id, int team, String name, String payload) {
        s.sql("INSERT INTO objects(type, ref, id, short_id, team, name, deleted, payload, created_at, created_by)"
                + " VALUES (?,?,?,?,?,?,0,?,?,1)", type, type + "-" + id, id, "s" + id, team, name, payload,
                Timestamps.now());
    }
}
