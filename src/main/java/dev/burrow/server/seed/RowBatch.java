package dev.burrow.server.seed;

import dev.burrow.server.store.TreeRow;
import dev.burrow.server.store.TreeRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Inserts tree rows through one prepared statement, sent to SQLite in chunks. */
final class RowBatch implements AutoCloseable {

    private static final int CHUNK = 4096;

    private final PreparedStatement insert;
    private int pending;
    private long written;

    RowBatch(Connection c) throws SQLException {
        this.insert = TreeRows.prepareInsert(c);
    }

    void add(TreeRow row) throws SQLException {
        TreeRows.bindInsert(insert, row);
        insert.addBatch();
        written++;
        if (++pending == CHUNK) {
            flush();
        }
    }

    /** Sends the rows still waiting; call before reading the table back. */
    void flush() throws SQLException {
        if (pending > 0) {
            insert.executeBatch();
            pending = 0;
        }
    }

    long written() {
        return written;
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
