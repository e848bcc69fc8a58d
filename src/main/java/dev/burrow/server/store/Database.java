package dev.burrow.server.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The SQLite file behind the local server.
 *
 * <p>All writes go through one connection, one transaction at a time, under a lock: SQLite
 * allows one writer anyway, and serialising here means no client ever sees "database is
 * locked". Another process may open the same file (the command line beside the window): its
 * writes wait for ours and ours for its, and nothing of the file's content is kept in memory
 * between transactions, so neither ever works from a stale copy. Reads use a small pool of their
 * own connections and, thanks to WAL, run beside a write.
 */
public final class Database implements AutoCloseable {

    /** A unit of work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** How long a statement waits for another connection or process to let go of the file. */
    private static final int BUSY_TIMEOUT_MS = 30_000;

    private final Path file;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final BlockingQueue<Connection> readers;
    private final List<Connection> allReaders = new ArrayList<>();
    private volatile boolean closed;

    private Database(Path file, int readerCount) throws SQLException {
        this.file = file;
        this.writer = open(file, true);
        try {
            Migrations.apply(writer);
        } catch (SQLException | RuntimeException e) {
            writer.close(); // a store of a newer schema is left as it was, and not held open
            throw e;
        }
        this.readers = new ArrayBlockingQueue<>(readerCount);
        for (int i = 0; i < readerCount; i++) {
            Connection reader = open(file, false);
            try (Statement st = reader.createStatement()) {
                st.execute("PRAGMA query_only = ON");
            }
            readers.add(reader);
            allReaders.add(reader);
        }
    }

    /** Opens (creating if needed) the store in {@code dataDir}, migrating it to the current schema. */
    public static Database open(Path dataDir, int readerCount) throws SQLException {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new SQLException("Cannot create the data folder " + dataDir + ": " + e.getMessage(), e);
        }
        return new Database(dataDir.resolve("burrow.sqlite"), readerCount);
    }

    /**
     * A connection to the file. The writer's transactions begin {@code IMMEDIATE}: they take
     * SQLite's write lock at once, so a write in another process (a command line beside the
     * window) waits for this one instead of failing when it tries to upgrade a read.
     */
    private static Connection open(Path file, boolean writer) throws SQLException {
        Properties props = new Properties();
        props.setProperty("busy_timeout", Integer.toString(BUSY_TIMEOUT_MS));
        if (writer) {
            props.setProperty("transaction_mode", "IMMEDIATE");
        }
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), props);
        try (Statement st = c.createStatement()) {
            // the timeout first: switching to WAL waits for a process that holds the file
            st.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            toWal(st);
            st.execute("PRAGMA synchronous = NORMAL");
            st.execute("PRAGMA foreign_keys = ON");
            // 4 MB of page cache per connection (the indexes do the work): five connections stay well
            // inside the app's memory budget
            st.execute("PRAGMA cache_size = -4096");
            st.execute("PRAGMA temp_store = MEMORY");
        }
        return c;
    }

    /**
     * Switches the file to WAL. When two processes open a fresh file at the same moment, SQLite
     * answers the second one's switch with SQLITE_BUSY at once, without its busy handler: wait
     * and try again, up to the busy timeout.
     */
    private static void toWal(Statement st) throws SQLException {
        long deadline = System.nanoTime() + BUSY_TIMEOUT_MS * 1_000_000L;
        while (true) {
            try {
                st.execute("PRAGMA journal_mode = WAL");
                return;
            } catch (SQLException e) {
                boolean busy = e instanceof org.sqlite.SQLiteException s
                        && (s.getResultCode() == org.sqlite.SQLiteErrorCode.SQLITE_BUSY
                        || s.getResultCode() == org.sqlite.SQLiteErrorCode.SQLITE_LOCKED);
                if (!busy || System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    public Path file() {
        return file;
    }

    /** Runs {@code work} in one write transaction; rolls back if it throws. */
    public <T> T write(Work<T> work) throws SQLException {
        writeLock.lock();
        try {
            ensureOpen();
            writer.setAutoCommit(false);
            try {
                T result = work.run(writer);
                writer.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    writer.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            } finally {
                writer.setAutoCommit(true);
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs {@code work} on a read-only connection (a consistent snapshot for its duration). */
    public <T> T read(Work<T> work) throws SQLException {
        ensureOpen();
        Connection c;
        try {
            c = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a database connection", e);
        }
        try {
            c.setAutoCommit(false);
            try {
                return work.run(c);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } finally {
            readers.add(c);
        }
    }

    private void ensureOpen() throws SQLException {
        if (closed) {
            throw new SQLException("the database is closed");
        }
    }

    @Override
    public void close() throws SQLException {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            for (Connection c : allReaders) {
                c.close();
            }
            try (Statement st = writer.createStatement()) {
                // another process may have the store open (the window and the command line): don't
                // wait long for it, the checkpoint is only tidying
                st.execute("PRAGMA busy_timeout = 2000");
                st.execute("PRAGMA optimize");
                st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            } catch (SQLException ignored) {
                // a checkpoint is an optimisation; closing still leaves a consistent file
            }
            writer.close();
        } finally {
            writeLock.unlock();
        }
    }
}
