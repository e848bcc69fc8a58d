package dev.burrow.bench;

import dev.burrow.api.FileSystemEntry;
import dev.burrow.client.EntryFields;
import dev.burrow.client.FileSystemApi;
import dev.burrow.client.FileSystemQuery;
import dev.burrow.client.PostHogClient;
import dev.burrow.server.seed.SyntheticSeed;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** #3 moving a folder with 10,000 descendants: one API move vs PATCH of every row vs a bare SQL prefix update. */
final class MoveScenario {

    /** With this seed {@link SyntheticSeed#BIG_FLAT_FOLDER} holds exactly 10,000 rows. */
    static final long SEED = 111_134;
    static final String FROM = SyntheticSeed.BIG_FLAT_FOLDER;
    static final String TO = SyntheticSeed.BIG_FLAT_FOLDER + " moved";

    private MoveScenario() {
    }

    static List<Result> run(ServerProcess server) throws Exception {
        List<Result> out = new ArrayList<>();
        try (PostHogClient client = IndexScenario.client(server)) {
            FileSystemApi fs = client.fileSystem();
            FileSystemEntry folder = fs.list(FileSystemQuery.all().withPath(FROM).withType("folder")).results().get(0);
            long descendants = fs.countByPath(FROM).count();
            // API move, there and back
            List<Double> api = new ArrayList<>();
            fs.move(folder.id(), TO);
            fs.move(folder.id(), FROM);
            for (int i = 0; i < 4; i++) {
                long t0 = System.nanoTime();
                fs.move(folder.id(), TO);
                api.add(Stats.ms(System.nanoTime() - t0));
                t0 = System.nanoTime();
                fs.move(folder.id(), FROM);
                api.add(Stats.ms(System.nanoTime() - t0));
            }
            // (a) PATCH of every row, there and back
            List<Double> patch = new ArrayList<>();
            for (String[] dir : new String[][] {{FROM, TO}, {TO, FROM}}) {
                List<FileSystemEntry> rows = new ArrayList<>();
                rows.add(fs.list(FileSystemQuery.all().withPath(dir[0]).withType("folder")).results().get(0));
                rows.addAll(fs.listAll(FileSystemQuery.all().withParent(dir[0]).withLimit(1000)));
                long t0 = System.nanoTime();
                for (FileSystemEntry r : rows) {
                    fs.patch(r.id(), new EntryFields().path(dir[1] + r.path().substring(dir[0].length())));
                }
                patch.add(Stats.ms(System.nanoTime() - t0));
            }
            long back = fs.countByPath(FROM).count();
            if (back != descendants) {
                throw new IllegalStateException("after the PATCH round trip " + FROM + " holds " + back + " rows, not "
                        + descendants);
            }
            // (b) bare SQLite prefix update of the same rows, in one transaction
            List<Double> bare = new ArrayList<>();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + server.database())) {
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA busy_timeout = 30000");
                    st.execute("PRAGMA synchronous = NORMAL");
                }
                for (int i = 0; i < 4; i++) {
                    bare.add(bareMove(c, FROM, TO));
                    bare.add(bareMove(c, TO, FROM));
                }
            }
            double apiMs = Stats.median(api);
            double patchMs = Stats.median(patch);
            double bareMs = Stats.median(bare);
            String note = descendants + " descendants + the folder row; API move runs " + api;
            out.add(Result.of("3a move a folder with " + String.format("%,d", descendants)
                    + " descendants vs PATCH of every row", apiMs, patchMs, "ms", "ratio ≤ 1/20 (0.05)", 0.05, true,
                    note + "; PATCH runs (" + (descendants + 1) + " requests each) " + patch));
            out.add(Result.of("3b the same move vs a bare SQLite prefix update", apiMs, bareMs, "ms", "ratio ≤ 2",
                    2.0, true, "bare: UPDATE file_system SET path = ? || substr(path, ?) over the same range, one"
                    + " transaction, on the server's own database file; runs " + bare));
        }
        return out;
    }

    private static double bareMove(Connection c, String from, String to) throws Exception {
        long t0 = System.nanoTime();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("UPDATE file_system SET path = ? || substr(path, ?)"
                + " WHERE team = 1 AND (path = ? OR (path >= ? AND path < ?))")) {
            ps.setString(1, to);
            ps.setInt(2, from.length() + 1);
            ps.setString(3, from);
            ps.setString(4, from + "/");
            ps.setString(5, from + "0");
            ps.executeUpdate();
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
        return Stats.ms(System.nanoTime() - t0);
    }
}
