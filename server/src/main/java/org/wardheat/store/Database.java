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

/**
 * The SQLite database file ({@code wardheat.db}) in the data directory, in WAL mode, and its
 * connections: one write connection, whose transactions are serialised, and a small pool of read
 * connections. SQLite's WAL lets readers run during a write, each seeing the last committed data, so a
 * long import never makes a read wait. Only the classes of this package run SQL.
 */
public final class Database implements Closeable {
    public static final String FILE_NAME = "wardheat.db";
    /** The most read connections open at once; a further reader waits for one to be free. */
    static final int READERS = 4;

    private final Path dataDir;
    private final String url;
    private final Connection writer;
    private final Connection versionReader;
    private final ArrayDeque<Connection> idleReaders = new ArrayDeque<>();
    private final List<Connection> allReaders = new ArrayList<>();
    private boolean closed;

    /** Opens (creating and migrating if needed) the database in {@code dataDir}. */
    public static Database open(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            return new Database(dataDir);
        } catch (IOException | SQLException e) {
            throw new StoreException("cannot open the data directory " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private Database(Path dataDir) throws SQLException {
        this.dataDir = dataDir;
        this.url = "jdbc:sqlite:" + dataDir.resolve(FILE_NAME);
        this.writer = DriverManager.getConnection(url);
        try (Statement s = writer.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("PRAGMA foreign_keys=ON");
            s.execute("PRAGMA busy_timeout=10000");
            Schema.migrate(s, dataDir);
        }
        writer.setAutoCommit(false);
        writer.commit();
        this.versionReader = reader(true);
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
     */
    public <T> T inTransaction(Work<T> work) {
        synchronized (writer) {
            try {
                T result = work.run(writer);
                writer.commit();
                return result;
            } catch (Throwable e) {
                throw rolledBack(writer, e);
            }
        }
    }

    /** Runs {@code work} in one read transaction on a read connection: it sees one committed state throughout. */
    public <T> T read(Work<T> work) {
        Connection c = acquireReader();
        try {
            T result = work.run(c);
            c.commit(); // end the read transaction so WAL checkpoints can proceed
            return result;
        } catch (Throwable e) {
            throw rolledBack(c, e);
        } finally {
            releaseReader(c);
        }
    }

    private static RuntimeException rolledBack(Connection c, Throwable e) {
        try {
            c.rollback();
        } catch (Throwable suppressed) {
            e.addSuppressed(suppressed);
        }
        if (e instanceof RuntimeException r) {
            return r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        return new StoreException("database error: " + e.getMessage(), e);
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

    private void releaseReader(Connection c) {
        synchronized (idleReaders) {
            idleReaders.push(c);
            idleReaders.notifyAll();
        }
    }

    /**
     * A number that changes whenever a transaction is committed, by this process's write connection or by
     * another process on the same file (SQLite's {@code PRAGMA data_version}, asked on a connection that
     * never writes). Does not wait for a write in progress.
     */
    public long dataVersion() {
        synchronized (versionReader) {
            try (Statement s = versionReader.createStatement(); ResultSet rs = s.executeQuery("PRAGMA data_version")) {
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new StoreException("database error: " + e.getMessage(), e);
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
        all.add(versionReader);
        StoreException failure = null;
        synchronized (writer) {
            all.add(writer);
            for (Connection c : all) {
                try {
                    c.close();
                } catch (SQLException e) {
                    failure = new StoreException("cannot close the database: " + e.getMessage(), e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
