package dev.burrow.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Inserts tree rows through one prepared statement, sent to SQLite in chunks, and adds them to
 * the subtree counts when flushed.
 */
public final class RowBatch implements AutoCloseable {

    private static final int CHUNK = 4096;

    private final Connection connection;
    private final PreparedStatement insert;
    private final TreeCounts.Tally tally = new TreeCounts.Tally();
    private int pending;
    private long written;

    RowBatch(Connection c) throws SQLException {
        this.connection = c;
        this.insert = c.prepareStatement(TreeRows.INSERT);
    }

    public void add(TreeRow row) throws SQLException {
        TreeRows.bindInsert(insert, row);
        insert.addBatch();
        tally.row(row, 1);
        written++;
        if (++pending == CHUNK) {
            sendRows();
        }
    }

    private void sendRows() throws SQLException {
        if (pending > 0) {
            insert.executeBatch();
            pending = 0;
        }
    }

    /** Sends the rows still waiting and their counts; call before reading the table back. */
    public void flush() throws SQLException {
        sendRows();
        tally.flush(connection);
    }

    public long written() {
        return written;
    }

    /** Flushes, then closes the statement. */
    @Override
    public void close() throws SQLException {
        try {
            flush();
        } finally {
            insert.close();
        }
    }
}
