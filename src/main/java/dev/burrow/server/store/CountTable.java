package dev.burrow.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/**
 * A table of kept counts: key columns and {@code n}. Changes are added in one batch, and the
 * counts they bring down to zero are removed, so a count that is not there is zero.
 */
final class CountTable<K> {

    /** Binds a key to the first parameters of a statement, in the order of the key columns. */
    @FunctionalInterface
    interface KeyBinder<K> {
        void bind(PreparedStatement ps, K key) throws SQLException;
    }

    private final String upsert;
    private final String dropZero;
    private final int keyColumns;
    private final KeyBinder<K> binder;

    /** {@code columns}: the key columns, the table's primary key. */
    CountTable(String table, KeyBinder<K> binder, String... columns) {
        String keys = String.join(", ", columns);
        this.upsert = "INSERT INTO " + table + "(" + keys + ", n) VALUES (" + "?, ".repeat(columns.length) + "?)"
                + " ON CONFLICT(" + keys + ") DO UPDATE SET n = n + excluded.n";
        this.dropZero = "DELETE FROM " + table + " WHERE " + String.join(" = ? AND ", columns) + " = ? AND n = 0";
        this.keyColumns = columns.length;
        this.binder = binder;
    }

    /** Adds each change to its count, removes the counts that reached zero, and empties {@code deltas}. */
    void apply(Connection c, Map<K, Long> deltas) throws SQLException {
        deltas.values().removeIf(n -> n == 0);
        if (deltas.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(upsert)) {
            for (Map.Entry<K, Long> e : deltas.entrySet()) {
                binder.bind(ps, e.getKey());
                ps.setLong(keyColumns + 1, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        if (deltas.values().stream().anyMatch(n -> n < 0)) {
            try (PreparedStatement ps = c.prepareStatement(dropZero)) {
                for (Map.Entry<K, Long> e : deltas.entrySet()) {
                    if (e.getValue() < 0) {
                        binder.bind(ps, e.getKey());
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
        }
        deltas.clear();
    }
}
