package dev.burrow.server.seed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.burrow.api.EntryPath;
import dev.burrow.api.Json;
import dev.burrow.api.ObjectType;
import dev.burrow.api.WireTime;
import dev.burrow.server.seed.DemoCatalog.Featured;
import dev.burrow.server.seed.DemoCatalog.HandFolder;
import dev.burrow.server.seed.DemoCatalog.Link;
import dev.burrow.server.seed.DemoCatalog.Metric;
import dev.burrow.server.seed.DemoCatalog.User;
import dev.burrow.server.store.RowBatch;
import dev.burrow.server.store.Timestamps;
import dev.burrow.server.store.TreeRow;
import dev.burrow.server.store.TreeRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * The demo project: a product-analytics team's objects over the 18 months before
 * {@link #END}, most in PostHog's {@code Unfiled/…} folders and the rest in a hand-made
 * hierarchy, with a few link rows, stars and recent views for user 1. The same rows every time.
 */
final class DemoSeed {

    /** The demo's "now": every timestamp lies before it. */
    static final Instant END = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant START = END.minus(Duration.ofDays(548));

    private static final long SEED = 20_261_101L;
    private static final double FILED_SHARE = 0.3;

    private final Connection c;
    private final int team;
    private final Random random = new Random(SEED);

    private DemoSeed(Connection c, int team) {
        this.c = c;
        this.team = team;
    }

    static void seed(Connection c, int team) throws SQLException {
        new DemoSeed(c, team).run();
    }

    private void run() throws SQLException {
        insertUsers();
        List<DemoObject> plans = plan();
        schedule(plans);
        for (DemoObject p : plans) {
            p.payload = DemoPayloads.payload(p, plans, random);
        }
        insertObjects(plans);
        insertTree(plans);
        insertStars(plans);
        insertViews(plans);
    }

    private void insertUsers() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO users(id, uuid, distinct_id, first_name, last_name,"
                + " email) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (User u : DemoCatalog.USERS) {
                ps.setLong(1, u.id());
                ps.setString(2, SeededIds.uuid4(random));
                ps.setString(3, SeededIds.shortId(random) + SeededIds.shortId(random));
                ps.setString(4, u.firstName());
                ps.setString(5, u.lastName());
                ps.setString(6, u.email());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Every object with its name and folder: the featured ones, then generated ones up to the counts. */
    private List<DemoObject> plan() {
        List<DemoObject> plans = new ArrayList<>();
        for (ObjectType type : Seeder.TYPES) {
            Set<String> taken = new HashSet<>();
            int count = 0;
            for (Featured f : DemoCatalog.FEATURED) {
                if (f.type() == type) {
                    DemoObject p = new DemoObject(type, f.name(), f.folder());
                    if (type == ObjectType.INSIGHT) {
                        featuredInsight(p);
                    }
                    plans.add(p);
                    taken.add(f.name());
                    count++;
                }
            }
            int wanted = DemoCatalog.COUNTS.get(type);
            if (type == ObjectType.INSIGHT) {
                List<int[]> pairs = new ArrayList<>();
                for (int m = 0; m < DemoCatalog.METRICS.size(); m++) {
                    for (int k = 0; k < DemoCatalog.CUTS.size(); k++) {
                        pairs.add(new int[] {m, k});
                    }
                }
                Collections.shuffle(pairs, random);
                for (int i = 0; count < wanted; i++) {
                    Metric metric = DemoCatalog.METRICS.get(pairs.get(i)[0]);
                    String cut = DemoCatalog.CUTS.get(pairs.get(i)[1]);
                    String name = DemoCatalog.insightName(metric, cut);
                    if (taken.add(name)) {
                        DemoObject p = new DemoObject(type, name, fileOrNot(type));
                        p.metric = metric;
                        p.cut = cut;
                        p.boldNumber = cut.isEmpty() && random.nextInt(4) == 0
                                && InsightPayloads.insightType(metric, name).equals("TRENDS");
                        plans.add(p);
                        count++;
                    }
                }
            } else {
                List<String> names = new ArrayList<>(DemoCatalog.candidateNames(type));
                Collections.shuffle(names, random);
                for (int i = 0; count < wanted; i++) {
                    if (taken.add(names.get(i))) {
                        plans.add(new DemoObject(type, names.get(i), fileOrNot(type)));
                        count++;
                    }
                }
            }
        }
        return plans;
    }

    private static void featuredInsight(DemoObject p) {
        String metric;
        switch (p.name) {
            case "Week 1 activation rate" -> {
                metric = "Activation rate";
                p.boldNumber = true;
            }
            case "Café signups" -> metric = "Signups";
            case "\"Quoted\" metric" -> metric = "Search usage";
            case "Revenue / user" -> metric = "Average order value";
            default -> metric = "Checkout conversion";
        }
        p.metric = DemoCatalog.METRICS.stream().filter(m -> m.name().equals(metric)).findFirst().orElseThrow();
    }

    /** A hand-made folder that takes this type, for about a third of the objects; otherwise null. */
    private List<String> fileOrNot(ObjectType type) {
        if (random.nextDouble() >= FILED_SHARE) {
            return null;
        }
        List<HandFolder> fits = DemoCatalog.HAND_FOLDERS.stream().filter(f -> f.types().contains(type)).toList();
        return fits.isEmpty() ? null : fits.get(random.nextInt(fits.size())).names();
    }

    /** Creation times (more of them recently), creators, and ids that grow with time per type. */
    private void schedule(List<DemoObject> plans) {
        long span = Duration.between(START, END).toSeconds() - 86_400;
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            times.add(START.plusSeconds((long) (span * Math.sqrt(random.nextDouble())))
                    .plusNanos(random.nextInt(1_000_000) * 1_000L));
        }
        Collections.sort(times);
        List<DemoObject> shuffled = new ArrayList<>(plans);
        Collections.shuffle(shuffled, random);
        for (int i = 0; i < shuffled.size(); i++) {
            shuffled.get(i).createdAt = times.get(i);
        }
        shuffled.sort(Comparator.comparing(p -> p.createdAt));
        long[] nextId = new long[ObjectType.values().length];
        java.util.Arrays.fill(nextId, 1);
        Set<String> shortIds = new HashSet<>();
        for (DemoObject p : shuffled) {
            p.id = nextId[p.type.ordinal()];
            nextId[p.type.ordinal()] += 1 + (random.nextInt(5) == 0 ? random.nextInt(3) : 0);
            if (p.type.refIsShortId()) {
                String s;
                do {
                    s = SeededIds.shortId(random);
                } while (!shortIds.add(s));
                p.shortId = s;
            }
            int who = random.nextInt(10);
            p.createdBy = who < 3 ? 1 : 2 + (who - 3) % 5;
        }
    }

    private void insertObjects(List<DemoObject> plans) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO objects(type, ref, id, short_id, team, name,"
                + " deleted, payload, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)")) {
            for (DemoObject p : plans) {
                ps.setString(1, p.type.wire());
                ps.setString(2, p.ref());
                ps.setLong(3, p.id);
                if (p.shortId == null) {
                    ps.setNull(4, Types.VARCHAR);
                } else {
                    ps.setString(4, p.shortId);
                }
                ps.setInt(5, team);
                ps.setString(6, p.name);
                ps.setString(7, Json.write(p.payload));
                ps.setString(8, Timestamps.format(p.createdAt));
                ps.setLong(9, p.createdBy);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Object rows, link rows, then a folder row for every ancestor and for the empty folders. */
    private void insertTree(List<DemoObject> plans) throws SQLException {
        // folder path -> the earliest row below it, which dates the folder
        Map<String, Instant> folderTimes = new TreeMap<>();
        Map<String, Long> folderCreators = new TreeMap<>();
        try (RowBatch out = TreeRows.batch(c)) {
            for (DemoObject p : plans) {
                out.add(objectRow(p, p.path(), p.createdAt, false));
                noteAncestors(p.path(), p.createdAt, p.createdBy, folderTimes, folderCreators);
            }
            for (Link link : DemoCatalog.LINKS) {
                DemoObject p = plans.stream().filter(x -> x.type == link.type() && x.name.equals(link.name()))
                        .findFirst().orElseThrow();
                String path = EntryPath.join(link.folder()) + "/" + EntryPath.escape(p.name);
                Instant at = min(p.createdAt.plus(Duration.ofDays(3 + random.nextInt(60))), END.minusSeconds(86_400));
                out.add(objectRow(p, path, at, true));
                noteAncestors(path, at, 1L, folderTimes, folderCreators);
            }
            for (List<String> names : DemoCatalog.EMPTY_FOLDERS) {
                String path = EntryPath.join(names) + "/x";
                Instant at = START.plusSeconds(random.nextInt(400 * 86_400));
                noteAncestors(path, at, 1L, folderTimes, folderCreators);
            }
            for (Map.Entry<String, Instant> folder : folderTimes.entrySet()) {
                Instant at = folder.getValue().minusSeconds(3_600);
                out.add(new TreeRow(SeededIds.uuid7(at.toEpochMilli(), random), team, folder.getKey(), "folder", null,
                        null, false, "{}", Timestamps.format(at), folderCreators.get(folder.getKey())));
            }
            out.flush();
        }
    }

    private TreeRow objectRow(DemoObject p, String path, Instant at, boolean link) {
        ObjectNode meta = Json.object();
        meta.put("created_at", WireTime.python(p.createdAt));
        meta.put("created_by", p.createdBy);
        if (p.type == ObjectType.INSIGHT) {
            meta.put("insight_type", p.payload.get("insight_type").asText());
        }
        return new TreeRow(SeededIds.uuid7(at.toEpochMilli(), random), team, path, p.type.wire(), p.ref(), p.href(),
                link, Json.write(meta), Timestamps.format(at), link ? 1L : p.createdBy);
    }

    private static void noteAncestors(String path, Instant at, long by, Map<String, Instant> times,
            Map<String, Long> creators) {
        for (String folder : EntryPath.ancestors(path)) {
            Instant known = times.get(folder);
            if (known == null || at.isBefore(known)) {
                times.put(folder, at);
                creators.put(folder, by);
            }
        }
    }

    private void insertStars(List<DemoObject> plans) throws SQLException {
        List<String[]> stars = new ArrayList<>();
        for (List<String> folder : List.of(DemoCatalog.GROWTH_ACTIVATION, DemoCatalog.CAMPAIGNS_Q1_Q2)) {
            String path = EntryPath.join(folder);
            stars.add(new String[] {EntryPath.escape(folder.get(folder.size() - 1)), "folder", path, null});
        }
        for (String name : List.of("Über-Funnel", "Growth / Activation overview", "ios-new-onboarding")) {
            DemoObject p = plans.stream().filter(x -> x.name.equals(name)).findFirst().orElseThrow();
            stars.add(new String[] {EntryPath.escape(p.name), p.type.wire(), p.ref(), p.href()});
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO stars(id, user_id, team, path, type, ref, href,"
                + " ord, created_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < stars.size(); i++) {
                Instant at = END.minus(Duration.ofDays(40 - 3L * i));
                String[] s = stars.get(i);
                ps.setString(1, SeededIds.uuid7(at.toEpochMilli(), random));
                ps.setInt(2, team);
                ps.setString(3, s[0]);
                ps.setString(4, s[1]);
                ps.setString(5, s[2]);
                ps.setString(6, s[3]);
                ps.setInt(7, i);
                ps.setString(8, Timestamps.format(at));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** User 1's recent views: the featured objects and a few others, over the last two weeks. */
    private void insertViews(List<DemoObject> plans) throws SQLException {
        Set<DemoObject> viewed = new LinkedHashSet<>();
        for (Featured f : DemoCatalog.FEATURED.subList(0, 6)) {
            viewed.add(plans.stream().filter(x -> x.name.equals(f.name())).findFirst().orElseThrow());
        }
        while (viewed.size() < 14) {
            viewed.add(plans.get(random.nextInt(plans.size())));
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO view_log(user_id, team, type, ref, viewed_at)"
                + " VALUES (1, ?, ?, ?, ?)")) {
            for (DemoObject p : viewed) {
                Instant at = END.minusSeconds(60 + random.nextInt(14 * 86_400));
                ps.setInt(1, team);
                ps.setString(2, p.type.wire());
                ps.setString(3, p.ref());
                ps.setString(4, Timestamps.format(at));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
