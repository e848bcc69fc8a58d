package dev.burrow.server.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The rows of a tabular export: a header, then one row per result series ({@code series} and
 * one column per x label). A cell is a {@link JsonNode} number or a String; null is empty.
 */
public record Table(List<String> header, List<List<Object>> rows) {

    static final String NO_DATA = "No data available or unable to format for export.";

    public Table {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /**
     * The table of an insight's results. {@code columns}, when not empty, picks and orders the
     * columns (missing ones are empty cells); with no data it gives those headers and one empty row.
     */
    public static Table of(InsightData insight, List<String> columns) {
        List<Map<String, Object>> records = new ArrayList<>();
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        keys.add("series");
        for (InsightData.Series s : insight.series()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("series", s.label());
            for (int i = 0; i < s.data().size(); i++) {
                String key = s.labels().get(i);
                JsonNode v = s.data().get(i);
                r.put(key, v == null || v.isNull() ? null : v.isNumber() ? v : v.asText());
                keys.add(key);
            }
            records.add(r);
        }
        boolean chosen = columns != null && !columns.isEmpty();
        if (records.isEmpty()) {
            if (chosen) {
                List<Object> empty = new ArrayList<>();
                columns.forEach(c -> empty.add(null));
                return new Table(columns, List.of(empty));
            }
            return new Table(List.of("error"), List.of(List.of(NO_DATA)));
        }
        List<String> header = chosen ? columns : new ArrayList<>(keys);
        List<List<Object>> rows = new ArrayList<>();
        for (Map<String, Object> r : records) {
            List<Object> row = new ArrayList<>();
            for (String h : header) {
                row.add(r.get(h));
            }
            rows.add(row);
        }
        return new Table(header, rows);
    }

    /** A string cell as it is written: one starting with =, +, - or @ gets a leading quote. */
    public static String neutralise(String text) {
        if (!text.isEmpty()) {
            char c = text.charAt(0);
            if (c == '=' || c == '+' || c == '-' || c == '@') {
                return "'" + text;
            }
        }
        return text;
    }
}
