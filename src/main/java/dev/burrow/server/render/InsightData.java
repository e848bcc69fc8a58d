package dev.burrow.server.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a render needs of a saved insight: its name, how it is displayed and its stored result
 * series. Values are JSON nodes so that a CSV keeps their exact text (12, not 12.0).
 */
public record InsightData(long id, String name, String description, String display, String insightType,
        List<Series> series) {

    /** One result series: its label, the x labels, the values (a null entry is a gap). */
    public record Series(String label, List<String> labels, List<JsonNode> data) {

        public double value(int i) {
            JsonNode v = i < data.size() ? data.get(i) : null;
            return v == null || !v.isNumber() ? Double.NaN : v.asDouble();
        }
    }

    public InsightData {
        series = List.copyOf(series);
    }

    /**
     * Reads an insight's stored payload ({@code result}, {@code display}, {@code insight_type}).
     * {@code displayOverride}, when not null, replaces the stored display (from a query that
     * overrides the saved one).
     */
    public static InsightData fromPayload(long id, String name, JsonNode payload, String displayOverride) {
        List<Series> series = new ArrayList<>();
        for (JsonNode s : payload.path("result")) {
            if (!s.isObject()) {
                continue;
            }
            List<String> labels = new ArrayList<>();
            s.path("labels").forEach(l -> labels.add(l.asText()));
            List<JsonNode> data = new ArrayList<>();
            s.path("data").forEach(data::add);
            while (labels.size() < data.size()) {
                labels.add(Integer.toString(labels.size() + 1));
            }
            series.add(new Series(s.path("label").asText(""), labels, data));
        }
        String display = displayOverride != null ? displayOverride : payload.path("display").asText("ActionsLineGraph");
        return new InsightData(id, name == null ? "" : name, payload.path("description").asText(""), display,
                payload.path("insight_type").asText("TRENDS"), series);
    }

    public boolean isBoldNumber() {
        return "BoldNumber".equals(display);
    }
}
