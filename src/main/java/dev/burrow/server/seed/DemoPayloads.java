package dev.burrow.server.seed;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.burrow.api.Json;
import dev.burrow.api.ObjectType;
import dev.burrow.server.store.Timestamps;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** What the demo stores for each object besides its name: tiles, rollouts, questions, an insight's results. */
final class DemoPayloads {

    private DemoPayloads() {
    }

    static ObjectNode payload(DemoObject p, List<DemoObject> all, Random random) {
        LocalDate day = LocalDate.ofInstant(p.createdAt, ZoneOffset.UTC);
        ObjectNode o = Json.object();
        switch (p.type) {
            case INSIGHT -> {
                return InsightPayloads.payload(p.name, p.metric, p.cut, p.boldNumber, day, random);
            }
            case DASHBOARD -> {
                List<DemoObject> insights = new ArrayList<>(all.stream().filter(x -> x.type == ObjectType.INSIGHT).toList());
                Collections.shuffle(insights, random);
                ArrayNode tiles = o.putArray("tiles");
                int n = 3 + random.nextInt(6);
                for (int i = 0; i < n; i++) {
                    tiles.add(insights.get(i).id);
                }
                o.put("description", random.nextBoolean() ? "" : "Key numbers for " + p.name.toLowerCase() + ".");
            }
            case FEATURE_FLAG -> {
                int rollout = new int[] {0, 5, 10, 25, 50, 100, 100}[random.nextInt(7)];
                o.put("key", p.name).put("active", random.nextInt(6) != 0).put("rollout_percentage", rollout);
                o.put("description", "");
            }
            case EXPERIMENT -> {
                List<DemoObject> flags = all.stream().filter(x -> x.type == ObjectType.FEATURE_FLAG).toList();
                o.put("feature_flag_key", flags.get(random.nextInt(flags.size())).name);
                o.put("start_date", Timestamps.format(p.createdAt.plus(Duration.ofDays(1))));
                o.putNull("end_date");
                o.put("description", "Does " + p.name.toLowerCase() + " change conversion?");
            }
            case NOTEBOOK -> {
                o.put("title", p.name);
                o.put("text_content", p.name + "\nWhat we looked at, what we found, what we do next.");
            }
            case COHORT -> o.put("is_static", random.nextInt(5) == 0).put("count", 50 + random.nextInt(20_000))
                    .put("description", "");
            case SURVEY -> {
                o.put("type", "popover").put("description", "");
                o.putArray("questions").addObject().put("type", "rating").put("question", "How likely are you to"
                        + " recommend us to a friend?");
            }
            case REPLAY_PLAYLIST -> o.put("pinned", random.nextInt(4) == 0).put("description", "");
            case EARLY_ACCESS_FEATURE -> o.put("stage", new String[] {"concept", "alpha", "beta"}[random.nextInt(3)])
                    .put("description", "");
            case ACTION -> {
                o.put("description", "");
                o.putArray("steps").addObject().put("event", "$autocapture")
                        .put("text", p.name);
            }
            default -> o.put("enabled", random.nextInt(5) != 0).put("kind", p.type.wire().substring(13))
                    .put("description", "");
        }
        return o;
    }
}
