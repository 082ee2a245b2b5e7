package org.wardheat.store;

import java.io.Closeable;
import java.nio.file.Path;

/**
 * The durable store of one data directory, split by aggregate: {@link #boundaries()} (sets, wards,
 * populations), {@link #incidents()} (incidents and imports), {@link #importLog()} (datasets and imported
 * files) and {@link #focusAreas()}, over one {@link Database}. Only this package runs SQL.
 */
public final class Store implements Closeable {
    public static final String FILE_NAME = Database.FILE_NAME;

    private final Database database;
    private final BoundaryStore boundaries;
    private final IncidentStore incidents;
    private final ImportLog importLog;
    private final FocusAreaStore focusAreas;

    private Store(Database database) {
        this.database = database;
        this.boundaries = new BoundaryStore(database);
        this.incidents = new IncidentStore(database);
        this.importLog = new ImportLog(database);
        this.focusAreas = new FocusAreaStore(database);
    }

    /** Opens (creating if needed) the store in {@code dataDir}. */
    public static Store open(Path dataDir) {
        return new Store(Database.open(dataDir));
    }

    public Path dataDir() {
        return database.dataDir();
    }

    public Database database() {
        return database;
    }

    public BoundaryStore boundaries() {
        return boundaries;
    }

    public IncidentStore incidents() {
        return incidents;
    }

    public ImportLog importLog() {
        return importLog;
    }

    public FocusAreaStore focusAreas() {
        return focusAreas;
    }

    /** See {@link Database#dataVersion()}. */
    public long dataVersion() {
        return database.dataVersion();
    }

    @Override
    public void close() {
        database.close();
    }
}
