package org.wardheat.store;

import java.io.Closeable;
import java.nio.file.Path;

/**
 * The durable store of one data directory, split by aggregate: {@link #boundaries()} (sets, wards,
 * populations), {@link #incidents()} (incidents and imports), {@link #importLog()} (datasets and imported
 * files) and {@link #focusAreas()}, over one {@link Database}; {@link #accounts()} and {@link #audit()} in a second one. Only this package runs SQL.
 */
public final class Store implements Closeable {
    public static final String FILE_NAME = Database.FILE_NAME;

    private final Database database;
    private final BoundaryStore boundaries;
    private final IncidentStore incidents;
    private final ImportLog importLog;
    private final FocusAreaStore focusAreas;
    private final WardCountStore wardCounts;
    private final AreaTotalStore areaTotals;
    private final ContextStore context;
    private final Database access;
    private final AccountStore accounts;
    private final AuditTrail audit;
    private final AreaOwners areaOwners;

    private Store(Database database, Database access) {
        this.access = access;
        this.accounts = new AccountStore(access);
        this.audit = new AuditTrail(access);
        this.areaOwners = new AreaOwners(access);
        this.database = database;
        this.boundaries = new BoundaryStore(database);
        this.incidents = new IncidentStore(database);
        this.importLog = new ImportLog(database);
        this.focusAreas = new FocusAreaStore(database);
        this.wardCounts = new WardCountStore(database);
        this.areaTotals = new AreaTotalStore(database);
        this.context = new ContextStore(database);
    }

    /** Opens (creating if needed) the store in {@code dataDir}. */
    public static Store open(Path dataDir) {
        Database database = Database.open(dataDir);
        try {
            return new Store(database, Database.open(dataDir, AccessSchema.FILE_NAME, AccessSchema::migrate));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
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

    /** The incidents counted by ward × month × category × dataset, per boundary set. */
    public WardCountStore wardCounts() {
        return wardCounts;
    }

    public FocusAreaStore focusAreas() {
        return focusAreas;
    }

    /** Area totals stored as datasets, placed on the boundary sets. */
    public AreaTotalStore areaTotals() {
        return areaTotals;
    }

    /** Context figures (deprivation, residents by age) per ward of a set. */
    public ContextStore context() {
        return context;
    }

    /** Accounts, in {@code access.db} beside the incident store (a login never changes the data version). */
    public AccountStore accounts() {
        return accounts;
    }

    /** Who saved each focus area (areas saved while the server ran open have none), in {@code access.db}. */
    public AreaOwners areaOwners() {
        return areaOwners;
    }

    /** The audit trail, in {@code access.db}. */
    public AuditTrail audit() {
        return audit;
    }

    /** See {@link Database#dataVersion()}. */
    public long dataVersion() {
        return database.dataVersion();
    }

    @Override
    public void close() {
        try {
            database.close();
        } finally {
            access.close();
        }
    }
}
