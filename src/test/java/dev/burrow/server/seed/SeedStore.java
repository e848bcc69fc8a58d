package dev.burrow.server.seed;

import dev.burrow.server.store.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A real store prepared as the server prepares a new one, with small query helpers for the seed tests. */
final class SeedStore implements AutoCloseable {

    final Database db;

    private SeedStore(Database db) {
        this.db = db;
    }

    static SeedStore seeded(Path dir, String spec) throws SQLException {
        Database db = Database.open(dir, 1);
        try {
            db.write(c -> {
                Seeder.prepare(c, spec, 1, 1);
                return null;
            });
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
        return new SeedStore(db);
    }

    long count(String sql, Object... params) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        });
    }

    List<String> strings(String sql, Object... params) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        });
    }

    List<String[]> rows(String sql, Object... params) throws SQLException {
        return db.read(c -> {
            try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                List<String[]> out = new ArrayList<>();
                while (rs.next()) {
                    String[] row = new String[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getString(i + 1);
                    }
                    out.add(row);
                }
                return out;
            }
        });
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
