package dev.burrow.server.seed;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.burrow.api.Json;
import dev.burrow.server.seed.DemoCatalog.Metric;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** PostHog-style insight payloads: the query, a plausible cached result and how to display it. */
final class InsightPayloads {

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ENGLISH);
    private static final int DAYS = 30;
    private static final List<String> BREAKDOWN_VALUES = List.of("United States", "Germany", "Japan", "Brazil",
            "France", "India");
    private static final List<String> FUNNEL_STEPS = List.of("$pageview", "signed_up", "onboarding_completed",
            "checkout_started", "purchase_completed");

    private InsightPayloads() {
    }

    /** The insight type a metric and its name call for. */
    static String insightType(Metric metric, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (metric.name().equals("Retention")) {
            return "RETENTION";
        }
        if (lower.contains("conversion") || lower.contains("completion") || lower.contains("funnel")) {
            return "FUNNELS";
        }
        return "TRENDS";
    }

    /**
     * The payload of an insight named {@code name} showing {@code metric} cut by {@code cut}
     * (a {@link DemoCatalog#CUTS} entry), with results for the 30 days before {@code until}.
     */
    static ObjectNode payload(String name, Metric metric, String cut, boolean boldNumber, LocalDate until,
            Random random) {
        String insightType = insightType(metric, name);
        int colon = cut.indexOf(':');
        String breakdown = colon < 0 ? null : cut.substring(colon + 1);
        ObjectNode source = Json.object();
        ArrayNode result;
        String display;
        switch (insightType) {
            case "FUNNELS" -> {
                source.put("kind", "FunnelsQuery");
                int steps = 3 + random.nextInt(3);
                ArrayNode series = source.putArray("series");
                for (int i = 0; i < steps; i++) {
                    series.add(eventNode(FUNNEL_STEPS.get(i), "total"));
                }
                source.putObject("funnelsFilter").put("funnelVizType", "steps");
                display = "ActionsBar";
                result = Json.MAPPER.createArrayNode().add(funnel(steps, metric.typical() * 30L, random));
            }
            case "RETENTION" -> {
                source.put("kind", "RetentionQuery");
                ObjectNode filter = source.putObject("retentionFilter");
                filter.put("period", "Week").put("totalIntervals", 8).put("retentionType", "retention_first_time");
                filter.putObject("targetEntity").put("id", metric.event()).put("type", "events");
                display = "ActionsLineGraph";
                result = Json.MAPPER.createArrayNode().add(retention(until, random));
            }
            default -> {
                source.put("kind", "TrendsQuery");
                int extra = boldNumber || breakdown != null ? 0 : random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(2);
                ArrayNode series = source.putArray("series");
                series.add(eventNode(metric.event(), metric.math()));
                for (int i = 0; i < extra; i++) {
                    series.add(eventNode(DemoCatalog.EVENTS.get(random.nextInt(DemoCatalog.EVENTS.size())), "total"));
                }
                source.put("interval", "day");
                display = boldNumber ? "BoldNumber" : random.nextInt(4) == 0 ? "ActionsBar" : "ActionsLineGraph";
                source.putObject("trendsFilter").put("display", display);
                if (breakdown != null) {
                    source.putObject("breakdownFilter").put("breakdown", breakdown).put("breakdown_type", "event");
                }
                result = Json.MAPPER.createArrayNode();
                if (boldNumber) {
                    result.add(boldNumber(metric, until, random));
                } else if (breakdown != null) {
                    int values = 3 + random.nextInt(3);
                    for (int i = 0; i < values; i++) {
                        double share = 0.45 / (i + 1);
                        result.add(trend(metric.name() + " – " + BREAKDOWN_VALUES.get(i),
                                Math.max(1, (int) (metric.typical() * share)), until, random));
                    }
                } else {
                    result.add(trend(metric.name(), metric.typical(), until, random));
                    for (int i = 1; i <= extra; i++) {
                        String event = series.get(i).get("event").asText();
                        result.add(trend(event, Math.max(3, metric.typical() / (2 + random.nextInt(6))), until,
                                random));
                    }
                }
            }
        }
        source.putObject("dateRange").put("date_from", insightType.equals("RETENTION") ? "-56d" : "-30d");
        ObjectNode query = Json.object();
        query.put("kind", "InsightVizNode");
        query.set("source", source);

        ObjectNode payload = Json.object();
        payload.set("query", query);
        payload.set("result", result);
        payload.put("insight_type", insightType);
        payload.put("display", display);
        payload.put("description", random.nextInt(3) == 0 ? ""
                : "Tracks " + metric.name().toLowerCase(Locale.ROOT) + " (" + metric.event() + ")"
                        + (breakdown == null ? "." : ", broken down by " + breakdown + "."));
        return payload;
    }

    private static ObjectNode eventNode(String event, String math) {
        ObjectNode node = Json.object();
        node.put("kind", "EventsNode").put("event", event).put("name", event);
        if (!math.equals("total")) {
            node.put("math", math);
        }
        return node;
    }

    /** A daily series with a weekly rhythm, a gentle trend and noise. */
    private static ObjectNode trend(String label, int typical, LocalDate until, Random random) {
        ObjectNode s = Json.object();
        s.put("label", label);
        ArrayNode labels = s.putArray("labels");
        ArrayNode days = s.putArray("days");
        ArrayNode data = s.putArray("data");
        double slope = (random.nextDouble() - 0.4) * 0.02;
        long sum = 0;
        for (int i = 0; i < DAYS; i++) {
            LocalDate day = until.minusDays(DAYS - i);
            DayOfWeek dow = day.getDayOfWeek();
            double weekly = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY ? 0.62 : 1.0;
            double noise = 1 + random.nextGaussian() * 0.08;
            long value = Math.max(0, Math.round(typical * weekly * (1 + slope * i) * noise));
            labels.add(LABEL.format(day));
            days.add(day.toString());
            data.add(value);
            sum += value;
        }
        s.put("count", sum);
        return s;
    }

    private static ObjectNode boldNumber(Metric metric, LocalDate until, Random random) {
        long value = Math.round(metric.typical() * 30 * (0.8 + 0.4 * random.nextDouble()));
        ObjectNode s = Json.object();
        s.put("label", metric.name());
        s.putArray("labels").add(LABEL.format(until.minusDays(DAYS)) + " - " + LABEL.format(until.minusDays(1)));
        s.putArray("days").add(until.minusDays(1).toString());
        s.putArray("data").add(value);
        s.put("count", value);
        s.put("aggregated_value", value);
        return s;
    }

    /** One series whose labels are the funnel steps and whose data falls off step by step. */
    private static ObjectNode funnel(int steps, long entering, Random random) {
        ObjectNode s = Json.object();
        s.put("label", "Conversion");
        ArrayNode labels = s.putArray("labels");
        s.putArray("days");
        ArrayNode data = s.putArray("data");
        long value = Math.max(10, entering);
        long sum = 0;
        for (int i = 0; i < steps; i++) {
            labels.add(FUNNEL_STEPS.get(i));
            data.add(value);
            sum += value;
            value = Math.round(value * (0.35 + 0.5 * random.nextDouble()));
        }
        s.put("count", sum);
        return s;
    }

    /** Percent of a weekly cohort still active, week by week. */
    private static ObjectNode retention(LocalDate until, Random random) {
        ObjectNode s = Json.object();
        s.put("label", "Weekly retention");
        ArrayNode labels = s.putArray("labels");
        ArrayNode days = s.putArray("days");
        ArrayNode data = s.putArray("data");
        double value = 100;
        double decay = 0.55 + 0.2 * random.nextDouble();
        long sum = 0;
        for (int week = 0; week < 8; week++) {
            labels.add("Week " + week);
            days.add(until.minusWeeks(8 - week).toString());
            long rounded = Math.round(value);
            data.add(rounded);
            sum += rounded;
            value = week == 0 ? value * decay : value * (0.85 + 0.1 * random.nextDouble());
        }
        s.put("count", sum);
        return s;
    }
}
