package dev.burrow.server.seed;

import dev.burrow.api.EntryPath;
import dev.burrow.api.ObjectType;
import dev.burrow.api.WireTime;
import dev.burrow.server.store.RowBatch;
import dev.burrow.server.store.TreeRows;
import dev.burrow.server.store.Timestamps;
import dev.burrow.server.store.TreeRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Random;

/**
 * Exactly N tree rows for benchmarks, the same rows (ids included) for the same N.
 *
 * <p>The layout: {@value #ROOT} holds {@value #BIG_FOLDER} (about 15 % of all rows, 60 % of
 * them directly in {@value #BIG_FLAT_FOLDER}), {@code Unfiled} holds
 * one flat folder per type (about 20 %), and the rest is spread over a few top-level areas as
 * random trees with skewed fan-out, up to {@value #MAX_DEPTH} levels deep. Every ancestor of
 * every row is a folder row, and folders count towards N. Only tree rows are written: their
 * refs and hrefs point at objects that do not exist.
 */
public final class SyntheticSeed {

    /** The top-level folder that holds the big folder. */
    public static final String ROOT = "Synthetic";
    /** A folder with about 15 % of all rows below it: 15,000 for N = 100,000. */
    public static final String BIG_FOLDER = "Synthetic/Big";
    /** A folder inside {@link #BIG_FOLDER} whose direct children are 9 % of all rows. */
    public static final String BIG_FLAT_FOLDER = "Synthetic/Big/Flat";
    /** The deepest row. */
    public static final int MAX_DEPTH = 8;

    private static final long SEED = 0x5EEDL;
    private static final Instant END = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant START = Instant.parse("2025-05-01T00:00:00Z");
    private static final String FOLDER = "folder";
    private static final String[] AREAS = {"Product", "Marketing", "Engineering", "Sales", "Customer Success",
        "Finance", "Design", "Data", "Operations", "People"};
    private static final String[] FOLDER_WORDS = {"Growth", "Activation", "Retention", "Onboarding", "Billing",
        "Search", "Mobile", "Web", "Platform", "Experiments", "Campaigns", "Q1", "Q2", "Q3", "Q4", "EMEA",
        "Americas", "APAC", "Reliability", "Pricing", "Checkout", "Reports", "Archive", "Drafts", "Team",
        "Funnels", "Cohorts", "Partners", "Launches", "Research"};
    private static final String[] FILE_WORDS = {"Daily active users", "Signups", "Pageviews", "Checkout",
        "Trial conversion", "Churn", "Revenue", "Retention", "Invites", "Errors", "Latency", "Search usage",
        "Onboarding", "Feature adoption", "Sessions", "Referrers", "Bounce rate", "Activation", "Upgrades",
        "NPS"};
    /** Types by share of files, in percent. */
    private static final ObjectType[] TYPE_MIX = mix();

    private final RowBatch out;
    private final int team;
    private final long total;
    private final Random random = new Random(SEED);
    private final long[] nextId = new long[Seeder.TYPES.size()];
    private final long startMillis = START.toEpochMilli();
    private final long spanMillis = END.toEpochMilli() - START.toEpochMilli();
    private long fileCounter;

    private SyntheticSeed(RowBatch out, int team, long total) {
        this.out = out;
        this.team = team;
        this.total = total;
        for (int i = 0; i < nextId.length; i++) {
            nextId[i] = 1 + 100L * i;
        }
    }

    /** Writes exactly {@code n} rows for {@code team} inside the caller's transaction. */
    public static void seed(Connection c, long n, int team) throws SQLException {
        if (n < 0) {
            throw new IllegalArgumentException("row count must not be negative: " + n);
        }
        try (RowBatch out = TreeRows.batch(c)) {
            SyntheticSeed seed = new SyntheticSeed(out, team, n);
            seed.writeAll();
            out.flush();
            if (out.written() != n) {
                throw new IllegalStateException("synthetic seed wrote " + out.written() + " rows, not " + n);
            }
        }
    }

    private void writeAll() throws SQLException {
        long budget = total;
        if (budget == 0) {
            return;
        }
        // Synthetic, with Big inside it
        folder(ROOT);
        budget--;
        long big = Math.min(budget, Math.max(0, total * 15 / 100));
        if (big > 0) {
            folder(BIG_FOLDER);
            long below = big - 1;
            long flat = below * 60 / 100;
            if (flat > 0) {
                folder(BIG_FLAT_FOLDER);
                files(BIG_FLAT_FOLDER, flat - 1);
            }
            fill(BIG_FOLDER, 2, below - flat);
            budget -= big;
        }
        // Unfiled: one flat folder per type
        long unfiled = Math.min(budget, total * 20 / 100);
        if (unfiled > 0) {
            folder("Unfiled");
            long below = unfiled - 1;
            int kinds = (int) Math.min(below, Seeder.TYPES.size());
            long pool = below - kinds;
            long left = pool;
            for (int k = 0; k < kinds; k++) {
                ObjectType type = Seeder.TYPES.get(k);
                long share = k == kinds - 1 ? left : Math.min(left, pool * typeWeight(type) / 100);
                left -= share;
                folder(type.defaultFolder());
                for (long i = 0; i < share; i++) {
                    file(type.defaultFolder(), type);
                }
            }
            budget -= unfiled;
        }
        // the rest: a few areas of random trees
        if (budget > 0) {
            int areas = (int) Math.max(1, Math.min(AREAS.length, Math.min(budget, 3 + total / 100_000)));
            long[] shares = split(budget - areas, areas);
            for (int a = 0; a < areas; a++) {
                folder(AREAS[a]);
                fill(AREAS[a], 1, shares[a]);
            }
        }
    }

    /** Writes exactly {@code budget} rows below {@code path}, a folder row at {@code depth}. */
    private void fill(String path, int depth, long budget) throws SQLException {
        if (budget <= 0) {
            return;
        }
        if (depth >= MAX_DEPTH - 1 || budget <= 6) {
            files(path, budget);
            return;
        }
        long direct = (long) (budget * (0.05 + 0.35 * random.nextDouble()));
        long rest = budget - direct;
        int folders = (int) Math.min(rest, 2 + random.nextInt(9));
        long[] shares = split(rest - folders, folders);
        int first = random.nextInt(FOLDER_WORDS.length);
        for (int i = 0; i < folders; i++) {
            // distinct words among siblings, since folders <= 10 < FOLDER_WORDS.length
            String child = path + "/" + FOLDER_WORDS[(first + i) % FOLDER_WORDS.length];
            folder(child);
            fill(child, depth + 1, shares[i]);
        }
        files(path, direct);
    }

    /** Splits {@code amount} into {@code parts} skewed shares, so some folders get most rows. */
    private long[] split(long amount, int parts) {
        long[] shares = new long[parts];
        if (parts == 0) {
            return shares;
        }
        double[] weights = new double[parts];
        double sum = 0;
        for (int i = 0; i < parts; i++) {
            double r = random.nextDouble();
            weights[i] = 0.02 + r * r * r;
            sum += weights[i];
        }
        long given = 0;
        for (int i = 0; i < parts; i++) {
            shares[i] = (long) (amount * (weights[i] / sum));
            given += shares[i];
        }
        shares[random.nextInt(parts)] += amount - given;
        return shares;
    }

    private void files(String folder, long count) throws SQLException {
        for (long i = 0; i < count; i++) {
            int pick = random.nextInt(TYPE_MIX.length);
            file(folder, TYPE_MIX[pick]);
        }
    }

    private void file(String folder, ObjectType type) throws SQLException {
        long n = fileCounter++;
        long id = nextId[Seeder.TYPES.indexOf(type)]++;
        String shortId = type.refIsShortId() ? SeededIds.shortId(n) : null;
        String word = FILE_WORDS[(int) (n % FILE_WORDS.length)];
        String name;
        if (n % 97 == 13) {
            name = word + " / user " + n;
        } else if (n % 89 == 7) {
            name = "Café " + word + " " + n;
        } else if (n % 101 == 5) {
            name = word + " \\ " + n;
        } else {
            name = word + " " + n;
        }
        Instant now = Instant.ofEpochMilli(millisOfCurrentRow());
        String createdAt = Timestamps.format(now);
        long by = 1;
        StringBuilder meta = new StringBuilder(96).append("{\"created_at\":\"").append(WireTime.python(now))
                .append("\",\"created_by\":").append(by);
        if (type == ObjectType.INSIGHT) {
            meta.append(",\"insight_type\":\"TRENDS\"");
        }
        meta.append('}');
        String ref = type.ref(id, shortId);
        out.add(new TreeRow(rowId(), team, folder + "/" + EntryPath.escape(name), type.wire(), ref,
                type.href(ref, id), false, meta.toString(), createdAt, by));
    }

    private void folder(String path) throws SQLException {
        out.add(new TreeRow(rowId(), team, path, FOLDER, null, null, false, "{}", timestamp(), 1L));
    }

    /** Creation times rise with the row number across the whole span, so ids and times agree. */
    private long millisOfCurrentRow() {
        return startMillis + (long) ((double) spanMillis * out.written() / Math.max(1, total));
    }

    private String timestamp() {
        return Timestamps.format(Instant.ofEpochMilli(millisOfCurrentRow()));
    }

    private String rowId() {
        return SeededIds.uuid7(millisOfCurrentRow(), random);
    }

    private static long typeWeight(ObjectType type) {
        long count = 0;
        for (ObjectType t : TYPE_MIX) {
            if (t == type) {
                count++;
            }
        }
        return count;
    }

    private static ObjectType[] mix() {
        Object[][] shares = {
            {ObjectType.INSIGHT, 37}, {ObjectType.DASHBOARD, 12}, {ObjectType.FEATURE_FLAG, 12},
            {ObjectType.NOTEBOOK, 8}, {ObjectType.EXPERIMENT, 5}, {ObjectType.COHORT, 6},
            {ObjectType.SURVEY, 4}, {ObjectType.REPLAY_PLAYLIST, 4}, {ObjectType.ACTION, 5},
            {ObjectType.EARLY_ACCESS_FEATURE, 2}, {ObjectType.DESTINATION, 2}, {ObjectType.TRANSFORMATION, 1},
            {ObjectType.SITE_APP, 1}, {ObjectType.SOURCE_WEBHOOK, 1},
        };
        ObjectType[] mix = new ObjectType[100];
        int i = 0;
        for (Object[] share : shares) {
            for (int k = 0; k < (Integer) share[1]; k++) {
                mix[i++] = (ObjectType) share[0];
            }
        }
        if (i != mix.length) {
            throw new AssertionError("type shares add up to " + i);
        }
        return mix;
    }
}
