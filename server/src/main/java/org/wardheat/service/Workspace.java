package org.wardheat.service;

import org.wardheat.analysis.WardStatistics;
import org.wardheat.boundaries.BoundaryReader;
import org.wardheat.boundaries.Projection;
import org.wardheat.boundaries.WardDissolve;
import org.wardheat.boundaries.WardIndex;
import org.wardheat.boundaries.WardPopulation;
import org.wardheat.imports.ImportException;
import org.wardheat.imports.ImportReport;
import org.wardheat.imports.ImportSource;
import org.wardheat.imports.Importer;
import org.wardheat.imports.IncidentFormat;
import org.wardheat.model.CategoryGroups;
import org.wardheat.model.IncidentTable;
import org.wardheat.model.Period;
import org.wardheat.store.AreaTotalStore;
import org.wardheat.store.BoundarySetInfo;
import org.wardheat.store.Store;
import org.wardheat.store.WardCountStore;
import org.wardheat.text.InputLimits;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The plain-Java service behind the CLI and the HTTP API: one data directory's store, and the
 * {@link Snapshot} of its committed data that analyses read. There is no global lock: a snapshot is
 * immutable and is swapped for a new one, atomically, when the store's data version changes (a write by
 * this process or by another on the same database), so analyses run concurrently and reads never wait
 * for an import in progress; they see the last committed data.
 */
public final class Workspace implements Closeable {
    private final Store store;
    private final AtomicLong serials = new AtomicLong();
    private final AtomicReference<Snapshot> current;
    private final boolean byMonths;

    private Workspace(Store store, boolean byMonths) {
        this.store = store;
        this.byMonths = byMonths;
        this.current = new AtomicReference<>(new Snapshot(store, serials.incrementAndGet(), store.dataVersion(), byMonths));
    }

    /** A workspace for a server: analyses share one table of every incident, loaded on first use. */
    public static Workspace open(Path dataDir) {
        return open(dataDir, false);
    }

    /**
     * A workspace for one command: an analysis reads the incidents of the months it needs only (a year's
     * hotspots read that year's rows, not the whole store).
     */
    public static Workspace openForOneCommand(Path dataDir) {
        return open(dataDir, true);
    }

    private static Workspace open(Path dataDir, boolean byMonths) {
        Workspace w = new Workspace(Store.open(dataDir), byMonths);
        try {
            CategoryGroups.install(CategoryGroups.ofDataDirectory(dataDir));
        } catch (java.io.IOException | IllegalArgumentException e) {
            w.close();
            throw new IllegalArgumentException("the category groups file " + dataDir.resolve("groups.csv") + ": " + e.getMessage(), e);
        }
        return w;
    }

    public Store store() {
        return store;
    }

    /** The snapshot of the last committed data; a request should take one and use it throughout. */
    public Snapshot snapshot() {
        long version = store.dataVersion();
        Snapshot s = current.get();
        if (s.version() == version) {
            return s;
        }
        Snapshot fresh = new Snapshot(store, serials.incrementAndGet(), version, byMonths);
        return current.compareAndSet(s, fresh) ? fresh : current.get();
    }

    // ---- boundaries and population ----

    public BoundaryReader.Result addBoundaries(String id, Path file, String codeField, String nameField) {
        requireId(id);
        BoundaryReader.Result read = new BoundaryReader(codeField, nameField).read(file);
        store.boundaries().add(id, file.getFileName().toString(), read.codeField(), read.nameField(), read.sourceCrs(),
                read.repaired(), read.wards(), read.properties(), Map.of());
        return read;
    }

    /**
     * Makes a new boundary set {@code newId} from the wards of {@code fromId} grouped by the ward property
     * {@code field} (JTS union per group; populations summed where every ward of a group has one).
     */
    public WardDissolve.Result dissolveBoundaries(String fromId, String field, String newId) {
        requireId(newId);
        LoadedSet from = boundarySet(fromId);
        WardDissolve.Result r = WardDissolve.dissolve(from.wards(), store.boundaries().properties(fromId),
                from.population(), field);
        store.boundaries().add(newId, "dissolve of " + fromId + " by " + field, field,
                r.nameField() == null ? field : r.nameField(), Projection.WGS84, List.of(), r.areas(), r.properties(),
                r.residents());
        return r;
    }

    /**
     * The ward properties set {@code setId} can be dissolved by (every ward has a value), each with the number of
     * areas it would make; see {@link WardDissolve#fields}.
     */
    public Map<String, Integer> dissolveFields(String setId) {
        return WardDissolve.fields(boundarySet(setId).wards(), store.boundaries().properties(setId));
    }

    public WardPopulation.Result addPopulationCsv(String setId, Path csv) {
        LoadedSet set = boundarySet(setId);
        HashSet<String> codes = new HashSet<>();
        set.wards().forEach(w -> codes.add(w.code()));
        WardPopulation.Result result = WardPopulation.fromWardCsv(csv, codes);
        store.boundaries().setPopulation(setId, result.residents(), result.source());
        return result;
    }

    public WardPopulation.Result addPopulationFromLsoas(String setId, Path lsoaPolygons, Path lsoaCounts) {
        LoadedSet set = boundarySet(setId);
        WardPopulation.Result result = WardPopulation.fromLsoas(set.index(), lsoaPolygons, lsoaCounts);
        store.boundaries().setPopulation(setId, result.residents(), result.source());
        return result;
    }

    /** The boundary set with this id, loaded and indexed; fails naming the known ids. */
    public LoadedSet boundarySet(String id) {
        return snapshot().boundarySet(id);
    }

    /** The given id, or the only boundary set when {@code id} is null and there is exactly one; else null. */
    public String defaultBoundaries(String id) {
        if (id != null) {
            return id;
        }
        List<BoundarySetInfo> all = store.boundaries().list();
        return all.size() == 1 ? all.get(0).id() : null;
    }

    // ---- import ----

    /**
     * Imports files (CSV, gzipped CSV or police.uk zip archives) in one transaction.
     *
     * @param boundaries the set used for the report's inside/outside counts; null for the only set, if one
     */
    public ImportReport importFiles(List<Path> files, IncidentFormat format, String dataset, String boundaries) {
        return importFiles(files, format, dataset, boundaries, StandardCharsets.UTF_8, InputLimits.DEFAULT);
    }

    /**
     * As {@link #importFiles(List, IncidentFormat, String, String)} in another encoding or with other limits.
     *
     * @param encoding the files' text encoding (see {@link org.wardheat.imports.ImportEncoding})
     * @param limits   the limits of the call ({@link InputLimits#DEFAULT} but in tests)
     */
    public ImportReport importFiles(List<Path> files, IncidentFormat format, String dataset, String boundaries,
                                    Charset encoding, InputLimits limits) {
        List<ImportSource> sources = new ArrayList<>();
        for (Path f : files) {
            try {
                sources.addAll(ImportSource.of(f));
            } catch (IOException e) {
                throw new ImportException(e.getMessage(), e);
            }
        }
        return importSources(sources, format, dataset, boundaries, encoding, limits);
    }

    /** Imports in one write transaction; reads go on meanwhile and see the data once it is committed. */
    public ImportReport importSources(List<ImportSource> sources, IncidentFormat format, String dataset,
                                      String boundaries) {
        return importSources(sources, format, dataset, boundaries, StandardCharsets.UTF_8, InputLimits.DEFAULT);
    }

    /**
     * As {@link #importSources(List, IncidentFormat, String, String)} in another encoding or with other limits.
     *
     * @param encoding the files' text encoding (see {@link org.wardheat.imports.ImportEncoding})
     * @param limits   the limits of the call ({@link InputLimits#DEFAULT} but in tests)
     */
    public ImportReport importSources(List<ImportSource> sources, IncidentFormat format, String dataset,
                                      String boundaries, Charset encoding, InputLimits limits) {
        requireId(dataset);
        if (store.importLog().datasets().stream().anyMatch(d -> d.id().equals(dataset) && d.kind().equals(AreaTotalStore.KIND))) {
            throw new IllegalArgumentException("dataset '" + dataset + "' holds area totals (counts by area and month); point records go to a dataset of their own");
        }
        String setId = defaultBoundaries(boundaries);
        WardIndex index = setId == null ? null : boundarySet(setId).index();
        return new Importer(store, limits).importSources(sources, format, dataset, index, setId, encoding);
    }

    /**
     * Imports a file of area totals as dataset {@code dataset} (kind {@value AreaTotalStore#KIND}), placed on {@code boundaries}
     * (null: every stored set); see {@link AreaTotalImport}.
     */
    public AreaTotalImport.Result importAreaTotals(Path file, String source, String dataset, String category, String boundaries,
                                                   AreaTotalImport.Apportionment apportionment) {
        requireId(dataset);
        return AreaTotalImport.run(this, file, source, dataset, category, boundaries, apportionment);
    }

    // ---- analysis ----

    public IncidentTable incidents() {
        return snapshot().incidents();
    }

    /** For each incident, the index of its ward in the set's code-ordered wards, or OUTSIDE. */
    public int[] wardOf(String setId) {
        return snapshot().wardOf(setId);
    }

    public WardStatistics.Result wardStatistics(String setId, WardStatistics.Query query) {
        Snapshot snap = snapshot();
        LoadedSet set = snap.boundarySet(setId);
        org.wardheat.analysis.WardMonthCounts counts = WardCounts.of(snap, setId, query.categories(), query.datasets(),
                query.period().span(query.comparison()), query.rules().measure() == org.wardheat.analysis.ChangeRules.Measure.COUNT);
        Map<String, Double> population = query.rules().perPopulation() == null ? set.population()
                : WardContexts.population(this, setId, query.rules().perPopulation());
        return WardStatistics.compute(query, set.wards(), population, counts, WardCounts.coverage(snap, setId, query.categories(),
                query.datasets(), query.period(), query.comparison(), query.rules().allowPartial()));
    }

    /** Incident counts by category, over all months. */
    public Map<String, Long> categoryCounts() {
        IncidentTable t = snapshot().monthly();
        Map<String, Long> counts = new TreeMap<>();
        for (int i = 0; i < t.size(); i++) {
            counts.merge(t.category(i), t.records(i), Long::sum);
        }
        return counts;
    }

    /**
     * Incident counts by category of one dataset (null or blank: all) inside one boundary set's wards (null: anywhere),
     * over all months: what the category picker shows for the chosen dataset and set.
     */
    public Map<String, Long> categoryCounts(String dataset, String setId) {
        Snapshot snap = snapshot();
        CountTable stored = snap.counts(setId == null ? WardCountStore.ALL : setId);
        IncidentTable t = stored.rows();
        java.util.Set<String> wanted = dataset == null || dataset.isBlank() ? java.util.Set.of() : java.util.Set.of(dataset);
        org.wardheat.model.AreaTotalTable totals = snap.areaTotals();
        IncidentTable.Filter filter = totals.isDataset(dataset == null ? "" : dataset) ? t.filterKnown(java.util.Set.of(), wanted)
                : t.filter(java.util.Set.of(), wanted);
        int[] ward = setId == null ? null : stored.wardOf();
        Map<String, Long> counts = new TreeMap<>();
        for (int i = 0; i < t.size(); i++) {
            if (filter.test(i) && (ward == null || ward[i] >= 0)) {
                counts.merge(t.category(i), t.records(i), Long::sum);
            }
        }
        Map<String, Double> placed = new TreeMap<>(); // area totals: their counts on the set (or on any one set), rounded once
        String one = setId != null ? setId : store.boundaries().list().stream().map(BoundarySetInfo::id).findFirst().orElse(null);
        for (org.wardheat.model.AreaTotalTable.Row r : one == null ? List.<org.wardheat.model.AreaTotalTable.Row>of() : totals.rows(one)) {
            if (org.wardheat.model.AreaTotalTable.selected(r, java.util.Set.of(), wanted)) {
                placed.merge(r.category(), r.count(), Double::sum);
            }
        }
        placed.forEach((c, n) -> counts.merge(c, Math.round(n), Long::sum));
        return counts;
    }

    /** Incident counts by month ({@code YYYY-MM}), in order. */
    public Map<String, Long> monthCounts() {
        IncidentTable t = snapshot().monthly();
        Map<Integer, Long> counts = new TreeMap<>();
        for (int i = 0; i < t.size(); i++) {
            counts.merge(t.month(i), t.records(i), Long::sum);
        }
        Map<String, Long> named = new LinkedHashMap<>();
        counts.forEach((m, n) -> named.put(Period.text(m), n));
        return named;
    }

    private static void requireId(String id) {
        if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("an id is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit; not '" + id + "'");
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
