package dev.burrow.server;

import static dev.burrow.server.ExportFixtures.D;
import static dev.burrow.server.ExportFixtures.I;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.burrow.api.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code dashboards/} and {@code insights/}: the minimal reads the browser and exports use. */
class ObjectReadsTest extends ContractSupport {

    @BeforeEach
    void fixtures() {
        ExportFixtures.setUp(s);
    }

    private static List<Long> numericIds(JsonNode list) {
        List<Long> out = new ArrayList<>();
        list.get("results").forEach(n -> out.add(n.get("id").asLong()));
        return out;
    }

    @Test
    void aDashboardListsItsInsightsAsTilesInOrder() {
        JsonNode d = s.get("dashboards/" + D + "/").body();
        assertEquals("example dashboard", d.get("name").asText());
        assertEquals(List.of(I, ExportFixtures.NUMBER, ExportFixtures.BARS),
                List.of(d.get("tiles").get(0).get("insight").get("id").asLong(),
                        d.get("tiles").get(1).get("insight").get("id").asLong(),
                        d.get("tiles").get(2).get("insight").get("id").asLong()));
        assertEquals(List.of(1, 2, 3), List.of(d.get("tiles").get(0).get("id").asInt(),
                d.get("tiles").get(1).get("id").asInt(), d.get("tiles").get(2).get("id").asInt()));
        assertEquals(Json.parse(ExportFixtures.TRENDS_QUERY), d.get("tiles").get(0).get("insight").get("query"));
        JsonNode list = s.get("dashboards/").body();
        assertEquals(List.of(D), numericIds(list));
        assertFalse(list.get("results").get(0).has("tiles"), "tiles only on the one dashboard");
        assertFalse(list.has("users"));
    }

    @Test
    void insightsOfThisEnvironmentByIdAndShortId() {
        assertEquals(List.of(I, ExportFixtures.NUMBER, ExportFixtures.BARS), numericIds(s.get("insights/").body()));
        assertEquals(List.of(I), numericIds(s.get("insights/?short_id=s" + I).body()));
        assertEquals(List.of(), numericIds(s.get("insights/?short_id=s" + ExportFixtures.I2).body()), "another environment's");
        JsonNode one = s.get("insights/" + I + "/").body();
        assertEquals("s" + I, one.get("short_id").asText());
        assertEquals("example insight", one.get("derived_name").asText());
        assertEquals("TRENDS", one.get("insight_type").asText());
        assertEquals("ActionsLineGraph", one.get("display").asText());
    }

    @Test
    void unknownDeletedOrForeignObjectsAre404() {
        s.sql("UPDATE objects SET deleted = 1 WHERE id = ?", ExportFixtures.BARS);
        for (String path : List.of("dashboards/999/", "dashboards/x/", "insights/" + ExportFixtures.BARS + "/",
                "insights/" + ExportFixtures.I2 + "/")) {
            assertNotFound(s.get(path));
        }
        assertEquals(2, s.get("dashboards/" + D + "/").body().get("tiles").size(), "a deleted insight is no tile");
    }

    @Test
    void readsNeedTheirScopeAndAreReadOnly() {
        s.close();
        s = TestServer.start("empty", List.of(new ApiKey(TestServer.KEY, Set.of("insight:read"))), false);
        assertEquals(200, s.get("insights/").status());
        assertRaised(s.get("dashboards/"), 403, "authentication_error", "permission_denied",
                "API key missing required scope 'dashboard:read'", null);
        assertRaised(s.post("insights/", "{}"), 405, "invalid_request", "method_not_allowed", null, null);
    }
}
