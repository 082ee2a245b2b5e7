package org.wardheat.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The SQLite database file ({@code wardheat.db}) in the data directory, in WAL mode, and its
 * connections: one write connection, whose transactions are serialised, and a small pool of read
 * connections. SQLite's WAL lets readers run during a write, each seeing the last committed data, so a
 * long import never makes a read wait. Only the classes of this package run SQL.
 *
 * <p>Failures: a write transaction is rolled back whatever is thrown. {@code SQLITE_FULL} becomes a
 * {@link DiskFullException}; a write lock held elsewhere (another import, in this process or another
 * one) for longer than {@link #BUSY_TIMEOUT_MS} becomes a {@link StoreBusyException}. A connection that
 * SQLite may have left in a bad state (its rollback failed, e.g. "cannot rollback - no transaction is
 * active" after SQLite rolled back by itself on {@code SQLITE_FULL}, or any other SQLite error) is closed
 * and a fresh one opened for the next transaction, so one failure never wedges the store.
 */
public final class Database implements Closeable {
    public static final String FILE_NAME = "wardheat.db";
    /** The most read connections open at once; a further reader waits for one to be free. */
    static final int READERS = 4;
    /**
     * How long a write waits for the write lock held by another write, in milliseconds, before it fails
     * with {@link StoreBusyException}. Long enough for any short write (saving an area, a small import, a
     * checkpoint) to finish; short enough that an HTTP client is told to retry instead of hanging while a
     * large import runs (which takes minutes at worst: waiting longer would not help).
     */
    public static final int BUSY_TIMEOUT_MS = 5_000;
    /** The most bytes of WAL file kept after a checkpoint has reset it (SQLite truncates it to this). */
    static final long WAL_KEPT_BYTES = 64L << 20;
    /** No cap on the database's size: SQLite's largest {@code max_page_count}. */
    private static final long NO_PAGE_LIMIT = 0xFFFFFFFEL;

    /**
     * Test hook (disk-full simulation): when positive, every write transaction first caps the database at
     * this many pages ({@code PRAGMA max_page_count} on the write connection), so a write beyond it fails
     * with {@code SQLITE_FULL} as on a full disk; 0 (the default) for no cap.
     */
    static volatile long pageLimitForTests;

    private final Path dataDir;
    private final String url;
    /** Guards {@link #writer}: one write transaction at a time in this process; waits at most BUSY_TIMEOUT_MS. */
    private final ReentrantLock writeLock = new ReentrantLock();
    /** The write connection, or null after it was closed as possibly wedged (reopened by the next write). */
    private Connection writer;
    private long writerPageLimit;
    /** Guards {@link #versionReader}, the connection that answers {@link #dataVersion()}, and its epoch. */
    private final Object versionLock = new Object();
    private Connection versionReader;
    private long versionEpoch;
    private final ArrayDeque<Connection> idleReaders = new ArrayDeque<>();
    private final List<Connection> allReaders = new ArrayList<>();
    private volatile boolean closed;

    /** Creates or brings up to date the tables of one database file. */
    interface Migration {
        void migrate(Statement s, Path dataDir) throws SQLException;
    }

    /** Opens (creating and migrating if needed) the database in {@code dataDir}. */
    public static Database open(Path dataDir) {
        return open(dataDir, FILE_NAME, Schema::migrate);
    }

    /** Opens (creating and migrating if needed) the database file {@code fileName} in {@code dataDir}. */
    static Database open(Path dataDir, String fileName, Migration migration) {
        try {
            Files.createDirectories(dataDir);
            return new Database(dataDir, fileName, migration);
        } catch (IOException | SQLException e) {
            throw new StoreException("cannot open the data directory " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private Database(Path dataDir, String fileName, Migration migration) throws SQLException {
        this.dataDir = dataDir;
        this.url = "jdbc:sqlite:" + dataDir.resolve(fileName);
        Connection c = DriverManager.getConnection(url);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            migration.migrate(s, dataDir);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c, e);
            throw e;
        }
        c.close();
        this.writer = openWriter();
        this.versionReader = reader(true);
    }

    /** A write connection: writes wait for another connection's write lock up to BUSY_TIMEOUT_MS. */
    private Connection openWriter() throws SQLException {
        Connection c = DriverManager.getConnection(url);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("PRAGMA foreign_keys=ON");
            s.execute("PRAGMA busy_timeout=" + BUSY_TIMEOUT_MS);
            s.execute("PRAGMA journal_size_limit=" + WAL_KEPT_BYTES);
            c.setAutoCommit(false); // the driver starts a deferred transaction: no lock until the first statement
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c, e);
            throw e;
        }
        writerPageLimit = 0;
        return c;
    }

    private Connection reader(boolean autoCommit) throws SQLException {
        Connection c = DriverManager.getConnection(url);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=10000");
            s.execute("PRAGMA query_only=ON");
        }
        c.setAutoCommit(autoCommit);
        return c;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Work on a connection: a read, or writes that must all be stored or none of them. */
    public interface Work<T> {
        T run(Connection db) throws SQLException;
    }

    /**
     * Runs {@code work} in one write transaction: committed if it returns, rolled back if it throws anything
     * at all ({@link OutOfMemoryError} and other {@link Error}s included), so no later statement on the write
     * connection can commit half of it. Write transactions run one at a time; reads do not wait for them.
     *
     * @throws StoreBusyException another write held the store for longer than {@link #BUSY_TIMEOUT_MS}
     * @throws DiskFullException  the disk is full; nothing of the work is stored
     */
    public <T> T inTransaction(Work<T> work) {
        lockWriter();
        try {
            Connection c = writer();
            try {
                beginImmediate(c);
                T result = work.run(c);
                c.commit();
                return result;
            } catch (Throwable e) {
                boolean rolledBack = rollback(c, e);
                int code = SqliteError.code(e);
                if (!rolledBack || (code != SqliteError.NONE && code != SqliteError.BUSY && code != SqliteError.LOCKED)) {
                    discardWriter(e);
                }
                throw failure(e);
            }
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Replaces the driver's idle deferred transaction by an immediate one: the write lock is taken now,
     * waiting up to {@link #BUSY_TIMEOUT_MS} for another connection's write. A deferred transaction that
     * reads before it writes would instead fail at once, without waiting, when another connection holds the
     * lock or has written since its read ({@code SQLITE_BUSY_SNAPSHOT}).
     */
    private static void beginImmediate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("COMMIT"); // the empty transaction the driver began after the last commit or rollback
            s.execute("BEGIN IMMEDIATE");
        }
    }

    private void lockWriter() {
        try {
            if (!writeLock.tryLock(BUSY_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                throw new StoreBusyException(null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the store", e);
        }
    }

    /** The write connection, opened anew if the last one was discarded; the test page cap applied. */
    private Connection writer() {
        if (closed) {
            throw new StoreException("the store is closed");
        }
        try {
            if (writer == null || writer.isClosed()) {
                writer = openWriter();
            }
            long limit = pageLimitForTests;
            if (limit != writerPageLimit) {
                try (Statement s = writer.createStatement()) {
                    s.execute("PRAGMA max_page_count=" + (limit > 0 ? limit : NO_PAGE_LIMIT));
                }
                writerPageLimit = limit;
            }
            return writer;
        } catch (SQLException e) {
            discardWriter(e);
            throw failure(e);
        }
    }

    /** Closes the write connection, which SQLite may have left in a bad state; the next write opens a new one. */
    private void discardWriter(Throwable failure) {
        if (writer != null) {
            closeQuietly(writer, failure);
            writer = null;
        }
    }

    /** Runs {@code work} in one read transaction on a read connection: it sees one committed state throughout. */
    public <T> T read(Work<T> work) {
        Connection c = acquireReader();
        boolean healthy = true;
        try {
            T result = work.run(c);
            c.commit(); // end the read transaction so WAL checkpoints can proceed
            return result;
        } catch (Throwable e) {
            healthy = rollback(c, e);
            throw failure(e);
        } finally {
            releaseReader(c, healthy);
        }
    }

    /** Rolls back; false (the failure recorded on {@code e}) if even that failed: the connection is then suspect. */
    private static boolean rollback(Connection c, Throwable e) {
        try {
            c.rollback();
            return true;
        } catch (Throwable suppressed) {
            e.addSuppressed(suppressed);
            return false;
        }
    }

    /** The exception to report for a failed transaction: disk full and busy stated as such. */
    private RuntimeException failure(Throwable e) {
        int code = SqliteError.code(e);
        if (code == SqliteError.FULL) {
            return new DiskFullException(dataDir, e);
        }
        if (code == SqliteError.BUSY || code == SqliteError.LOCKED) {
            return new StoreBusyException(e);
        }
        if (e instanceof RuntimeException r) {
            return r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        return new StoreException("database error: " + e.getMessage(), e);
    }

    private static void closeQuietly(Connection c, Throwable failure) {
        try {
            c.close();
        } catch (Throwable suppressed) {
            failure.addSuppressed(suppressed);
        }
    }

    private Connection acquireReader() {
        synchronized (idleReaders) {
            while (true) {
                if (closed) {
                    throw new StoreException("the store is closed");
                }
                Connection c = idleReaders.poll();
                if (c != null) {
                    return c;
                }
                if (allReaders.size() < READERS) {
                    try {
                        c = reader(false);
                    } catch (SQLException e) {
                        throw new StoreException("cannot open a read connection: " + e.getMessage(), e);
                    }
                    allReaders.add(c);
                    return c;
                }
                try {
                    idleReaders.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StoreException("interrupted while waiting for a read connection", e);
                }
            }
        }
    }

    /** Returns a read connection to the pool, or closes it (a new one is opened when needed) if it is suspect. */
    private void releaseReader(Connection c, boolean healthy) {
        synchronized (idleReaders) {
            if (healthy) {
                idleReaders.push(c);
            } else {
                allReaders.remove(c);
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // it is dropped either way
                }
            }
            idleReaders.notifyAll();
        }
    }

    /**
     * Copies the WAL into the database file and truncates the WAL to nothing, as far as readers allow (a
     * page a reader still needs stays; it goes at a later checkpoint). Called after a large write (an
     * import), so the disk holds the store once and not the store plus a WAL of the import's size; best
     * effort, a failure changes nothing.
     */
    public void checkpoint() {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=1000"); // waits at most 1 s for readers, then leaves the rest to SQLite
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            // best effort: SQLite checkpoints again on its own (wal_autocheckpoint) and journal_size_limit bounds the file
        }
    }

    /**
     * A number that changes whenever a transaction is committed, by this process's write connection or by
     * another process on the same file (SQLite's {@code PRAGMA data_version}, asked on a connection that
     * never writes). Does not wait for a write in progress.
     */
    public long dataVersion() {
        synchronized (versionLock) {
            if (closed) {
                throw new StoreException("the store is closed");
            }
            try {
                if (versionReader == null || versionReader.isClosed()) {
                    versionReader = reader(true);
                }
                try (Statement s = versionReader.createStatement(); ResultSet rs = s.executeQuery("PRAGMA data_version")) {
                    return (versionEpoch << 40) + rs.getLong(1);
                }
            } catch (SQLException e) {
                if (versionReader != null) {
                    closeQuietly(versionReader, e);
                    versionReader = null; // reopened by the next call, whose numbers never equal this one's
                    versionEpoch++;
                }
                throw failure(e);
            }
        }
    }

    @Override
    public void close() {
        List<Connection> all = new ArrayList<>();
        synchronized (idleReaders) {
            closed = true;
            all.addAll(allReaders);
            idleReaders.notifyAll();
        }
        writeLock.lock();
        StoreException failure = null;
        try {
            synchronized (versionLock) {
                if (versionReader != null) {
                    all.add(versionReader);
                }
            }
            if (writer != null) {
                all.add(writer);
            }
            for (Connection c : all) {
                try {
                    c.close();
                } catch (SQLException e) {
                    failure = new StoreException("cannot close the database: " + e.getMessage(), e);
                }
            }
        } finally {
            writeLock.unlock();
        }
        if (failure != null) {
            throw failure;
        }
    }
}
