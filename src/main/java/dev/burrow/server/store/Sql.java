package dev.burrow.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One statement with positional parameters, run on the caller's connection. */
final class Sql {

    /** Reads one result row. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private Sql() {
    }

    /** Runs an INSERT, UPDATE or DELETE; answers how many rows it changed. */
    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, Arrays.asList(params));
            return ps.executeUpdate();
        }
    }

    /** Every result row, read by {@code reader}. */
    static <T> List<T> list(Connection c, String sql, RowReader<T> reader, List<?> params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(reader.read(rs));
                }
                return out;
            }
        }
    }

    static <T> List<T> list(Connection c, String sql, RowReader<T> reader, Object... params) throws SQLException {
        return list(c, sql, reader, List.of(params));
    }

    /** The first result row, read by {@code reader}, or null when there is none. */
    static <T> T first(Connection c, String sql, RowReader<T> reader, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, Arrays.asList(params));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? reader.read(rs) : null;
            }
        }
    }

    /** The first column of the first row as a number (a count, a sum), 0 when there is no row. */
    static long number(Connection c, String sql, List<?> params) throws SQLException {
        Long n = first(c, sql, rs -> rs.getLong(1), params.toArray());
        return n == null ? 0 : n;
    }

    /** True when the query answers a row. */
    static boolean exists(Connection c, String sql, Object... params) throws SQLException {
        return first(c, sql, rs -> Boolean.TRUE, params) != null;
    }

    /** A nullable integer column. */
    static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /** Binds parameters by position; a null is bound as SQL NULL. */
    static void bind(PreparedStatement ps, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p == null) {
                ps.setNull(i + 1, Types.VARCHAR);
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }
}
