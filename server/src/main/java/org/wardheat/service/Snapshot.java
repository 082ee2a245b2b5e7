package org.wardheat.service;

import org.locationtech.jts.geom.Geometry;
import org.wardheat.boundaries.Ward;
import org.wardheat.boundaries.WardIndex;
import org.wardheat.model.IncidentTable;
import org.wardheat.model.Period;
import org.wardheat.store.BoundarySetInfo;
import org.wardheat.store.NotFoundException;
import org.wardheat.store.Store;
import org.wardheat.store.WardCountStore;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * One committed state of the store, as analyses read it: the incident table, the boundary sets
 * (loaded and indexed on first use) and each set's ward of every incident. Immutable: an import that
 * commits makes a new snapshot, and requests holding this one go on with it undisturbed.
 */
public final class Snapshot {
    /** Budgets in approximate bytes for the loaded boundary sets and the ward assignments. */
    static final long SETS_BYTES = 256L << 20, ASSIGNMENTS_BYTES = 64L << 20, COUNTS_BYTES = 64L << 20;

    private final Store store;
    private final long serial;
    private final long version;
    private final boolean byMonths;
    private final BoundedCache<String, IncidentTable> table = new BoundedCache<>("incident table", Long.MAX_VALUE, t -> 0);
    private final BoundedCache<Boolean, org.wardheat.model.AreaTotalTable> areaTotals =
            new BoundedCache<>("area totals", Long.MAX_VALUE, t -> 0);
    private final BoundedCache<String, LoadedSet> sets = new BoundedCache<>("boundary sets", SETS_BYTES, Snapshot::bytes);
    private final BoundedCache<String, int[]> assignments =
            new BoundedCache<>("ward assignments", ASSIGNMENTS_BYTES, a -> 16L + 4L * a.length);
    private final BoundedCache<String, CountTable> counts =
            new BoundedCache<>("ward counts", COUNTS_BYTES, c -> 64L + 40L * c.rows().size());

    /**
     * @param serial  this process's number for the snapshot, unique, for cache keys
     * @param version the store's data version read before anything of this snapshot is loaded
     * @param byMonths read incidents only for the months asked for ({@link #incidents(Period)}), not all at once
     */
    Snapshot(Store store, long serial, long version, boolean byMonths) {
        this.store = store;
        this.serial = serial;
        this.version = version;
        this.byMonths = byMonths;
    }

    public long serial() {
        return serial;
    }

    /** Whether this snapshot reads only the months asked for (a command that runs once), not every incident. */
    boolean readsByMonths() {
        return byMonths;
    }

    long version() {
        return version;
    }

    /** Every stored incident, loaded on first use. */
    public IncidentTable incidents() {
        return incidents(null);
    }

    /**
     * The stored incidents of {@code months} at least (null: all months), loaded on first use: every incident
     * (one table shared by all requests), or only those months' when this snapshot reads by months.
     */
    public IncidentTable incidents(Period months) {
        String key = tableKey(months);
        return table.get(key, k -> allMonths(months) ? store.incidents().table()
                : store.incidents().table(Period.key(months.from()), Period.key(months.to())));
    }

    /** Which table {@link #incidents(Period) incidents(months)} gives: the same key, the same table. */
    String tableKey(Period months) {
        return allMonths(months) ? "all" : months.toString();
    }

    /** Whether asking for {@code months} reads every month: when none are named, or this snapshot does not read by months. */
    private boolean allMonths(Period months) {
        return months == null || !byMonths;
    }

    /** Every stored area total (counts placed on the areas of each boundary set), loaded on first use. */
    public org.wardheat.model.AreaTotalTable areaTotals() {
        return areaTotals.get(Boolean.TRUE, k -> store.areaTotals().table());
    }

    /**
     * Every incident counted by month × category × dataset (located or not), whatever the boundary sets: for
     * the data's months, coverage and the category counts. Loaded from the store's counts on first use.
     */
    public IncidentTable monthly() {
        return counts(WardCountStore.ALL).rows();
    }

    /**
     * The incidents of boundary set {@code setId} counted by ward × month × category × dataset, loaded from the
     * store's counts on first use (the incidents are not read).
     */
    public CountTable counts(String setId) {
        return counts(setId, null);
    }

    /**
     * As {@link #counts(String)}, holding the rows of {@code months} at least (null: all months): all of them, or only
     * those months' when this snapshot reads by months. Categories, datasets and covered months are all there.
     */
    public CountTable counts(String setId, Period months) {
        if (!setId.equals(WardCountStore.ALL)) {
            boundarySet(setId); // fails naming the known sets
        }
        return counts.get(setId + "|" + tableKey(months), k -> {
            WardCountStore.Rows rows = allMonths(months) ? store.wardCounts().rows(setId)
                    : store.wardCounts().rows(setId, Period.key(months.from()), Period.key(months.to()));
            int[] wardOf = new int[rows.wards().size()];
            java.util.Map<String, Integer> index = new java.util.HashMap<>();
            if (!setId.equals(WardCountStore.ALL)) {
                List<Ward> wards = boundarySet(setId).wards();
                for (int w = 0; w < wards.size(); w++) {
                    index.put(wards.get(w).code(), w);
                }
            }
            for (int i = 0; i < wardOf.length; i++) {
                String code = rows.wards().get(i);
                Integer w = code == null ? null : index.get(code);
                wardOf[i] = w == null ? WardIndex.OUTSIDE : w;
            }
            return new CountTable(rows.table(), wardOf);
        });
    }

    /** The boundary set with this id, loaded and indexed; fails naming the known ids. */
    public LoadedSet boundarySet(String id) {
        return sets.get(id, k -> {
            BoundarySetInfo info = store.boundaries().find(id).orElseThrow(() -> new NotFoundException(
                    "no boundary set '" + id + "'; known: " + store.boundaries().list().stream().map(BoundarySetInfo::id).toList()));
            List<Ward> wards = List.copyOf(store.boundaries().wards(id));
            return new LoadedSet(info, wards,
                    Collections.unmodifiableMap(new LinkedHashMap<>(store.boundaries().population(id))));
        });
    }

    /** For each incident, the index of its ward in the set's code-ordered wards, or {@link WardIndex#OUTSIDE}. */
    public int[] wardOf(String setId) {
        return wardOf(setId, null);
    }

    /** As {@link #wardOf(String)}, for each incident of {@link #incidents(Period) incidents(months)}. */
    public int[] wardOf(String setId, Period months) {
        IncidentTable t = incidents(months);
        LoadedSet set = boundarySet(setId);
        return assignments.get(setId + "|" + tableKey(months), k -> {
            double[] lon = new double[t.size()];
            double[] lat = new double[t.size()];
            for (int i = 0; i < t.size(); i++) {
                lon[i] = t.lon(i);
                lat[i] = t.lat(i);
            }
            return set.index().locateAll(lon, lat);
        });
    }

    private static long bytes(LoadedSet set) {
        long coordinates = 0;
        for (Ward w : set.wards()) {
            Geometry g = w.geometry();
            coordinates += g.getNumPoints();
        }
        return 1024L + 120L * coordinates; // the geometry, its point-in-polygon index and the tree
    }
}
