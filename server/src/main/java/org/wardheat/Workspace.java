package org.wardheat;

import org.wardheat.analysis.IncidentTable;
import org.wardheat.analysis.WardStatistics;
import org.wardheat.boundaries.BoundaryReader;
import org.wardheat.boundaries.Ward;
import org.wardheat.boundaries.WardIndex;
import org.wardheat.boundaries.WardPopulation;
import org.wardheat.imports.ImportReport;
import org.wardheat.imports.ImportSource;
import org.wardheat.imports.Importer;
import org.wardheat.imports.IncidentFormat;
import org.wardheat.store.Store;
import org.wardheat.text.InputLimits;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The plain-Java service behind the CLI and the HTTP API: one data directory's store, with the
 * boundary sets, their spatial indexes and the incident table cached in memory. The caches are dropped
 * when this process writes, and when another process has committed to the same database.
 */
public final class Workspace implements Closeable {
    /** A boundary set ready for analysis: wards in code order, their index and population. */
    public record LoadedSet(Store.BoundarySetInfo info, List<Ward> wards, WardIndex index, Map<String, Double> population) {
    }

    private final Store store;
    private long seenVersion;
    private IncidentTable table;
    private final Map<String, LoadedSet> sets = new HashMap<>();
    private final Map<String, int[]> assignments = new HashMap<>();

    private Workspace(Store store) {
        this.store = store;
        this.seenVersion = store.dataVersion();
    }

    public static Workspace open(Path dataDir) {
        return new Workspace(Store.open(dataDir));
    }

    public Store store() {
        return store;
    }

    // ---- boundaries and population ----

    public synchronized BoundaryReader.Result addBoundaries(String id, Path file, String codeField, String nameField) {
        requireId(id);
        BoundaryReader.Result read = new BoundaryReader(codeField, nameField).read(file);
        store.addBoundarySet(id, file.getFileName().toString(), read.codeField(), read.nameField(), read.sourceCrs(),
                read.repaired(), read.wards());
        invalidate();
        return read;
    }

    public synchronized WardPopulation.Result addPopulationCsv(String setId, Path csv) {
        LoadedSet set = boundarySet(setId);
        HashSet<String> codes = new HashSet<>();
        set.wards().forEach(w -> codes.add(w.code()));
        WardPopulation.Result result = WardPopulation.fromWardCsv(csv, codes);
        store.setPopulation(setId, result.residents(), result.source());
        invalidate();
        return result;
    }

    public synchronized WardPopulation.Result addPopulationFromLsoas(String setId, Path lsoaPolygons, Path lsoaCounts) {
        LoadedSet set = boundarySet(setId);
        WardPopulation.Result result = WardPopulation.fromLsoas(set.index(), lsoaPolygons, lsoaCounts);
        store.setPopulation(setId, result.residents(), result.source());
        invalidate();
        return result;
    }

    /** The boundary set with this id, loaded and indexed; fails naming the known ids. */
    public synchronized LoadedSet boundarySet(String id) {
        refresh();
        LoadedSet set = sets.get(id);
        if (set == null) {
            Store.BoundarySetInfo info = store.boundarySet(id).orElseThrow(() -> new org.wardheat.store.NotFoundException(
                    "no boundary set '" + id + "'; known: " + store.boundarySets().stream().map(Store.BoundarySetInfo::id).toList()));
            List<Ward> wards = store.wards(id);
            set = new LoadedSet(info, wards, new WardIndex(wards), store.population(id));
            sets.put(id, set);
        }
        return set;
    }

    /** The given id, or the only boundary set when {@code id} is null and there is exactly one; else null. */
    public synchronized String defaultBoundaries(String id) {
        if (id != null) {
            return id;
        }
        List<Store.BoundarySetInfo> all = store.boundarySets();
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

    /** As {@link #importFiles(List, IncidentFormat, String, String)} in another encoding or with other limits. */
    public ImportReport importFiles(List<Path> files, IncidentFormat format, String dataset, String boundaries,
                                    Charset encoding, InputLimits limits) {
        List<ImportSource> sources = new ArrayList<>();
        for (Path f : files) {
            try {
                sources.addAll(ImportSource.of(f));
            } catch (IOException e) {
                throw new org.wardheat.imports.ImportException(e.getMessage(), e);
            }
        }
        return importSources(sources, format, dataset, boundaries, encoding, limits);
    }

    public ImportReport importSources(List<ImportSource> sources, IncidentFormat format, String dataset,
                                      String boundaries) {
        return importSources(sources, format, dataset, boundaries, StandardCharsets.UTF_8, InputLimits.DEFAULT);
    }

    /**
     * @param encoding the files' text encoding (see {@link org.wardheat.imports.ImportEncoding})
     * @param limits   the limits of the call ({@link InputLimits#DEFAULT} but in tests)
     */
    public synchronized ImportReport importSources(List<ImportSource> sources, IncidentFormat format, String dataset,
                                                   String boundaries, Charset encoding, InputLimits limits) {
        requireId(dataset);
        String setId = defaultBoundaries(boundaries);
        WardIndex index = setId == null ? null : boundarySet(setId).index();
        try {
            return new Importer(store, limits).importSources(sources, format, dataset, index, setId, encoding);
        } finally {
            invalidate();
        }
    }

    // ---- analysis ----

    public synchronized IncidentTable incidents() {
        refresh();
        if (table == null) {
            table = IncidentTable.load(store);
        }
        return table;
    }

    /** For each incident, the index of its ward in the set's code-ordered wards, or OUTSIDE. */
    public synchronized int[] wardOf(String setId) {
        IncidentTable t = incidents();
        LoadedSet set = boundarySet(setId);
        return assignments.computeIfAbsent(setId, k -> {
            double[] lon = new double[t.size()];
            double[] lat = new double[t.size()];
            for (int i = 0; i < t.size(); i++) {
                lon[i] = t.lon(i);
                lat[i] = t.lat(i);
            }
            return set.index().locateAll(lon, lat);
        });
    }

    public synchronized WardStatistics.Result wardStatistics(String setId, WardStatistics.Query query) {
        LoadedSet set = boundarySet(setId);
        return WardStatistics.compute(query, set.wards(), set.population(), incidents(), wardOf(setId));
    }

    /** Incident counts by category, over all months. */
    public synchronized Map<String, Long> categoryCounts() {
        IncidentTable t = incidents();
        Map<String, Long> counts = new TreeMap<>();
        for (int i = 0; i < t.size(); i++) {
            counts.merge(t.category(i), 1L, Long::sum);
        }
        return counts;
    }

    /** Incident counts by month ({@code YYYY-MM}), in order. */
    public synchronized Map<String, Long> monthCounts() {
        IncidentTable t = incidents();
        Map<Integer, Long> counts = new TreeMap<>();
        for (int i = 0; i < t.size(); i++) {
            counts.merge(t.month(i), 1L, Long::sum);
        }
        Map<String, Long> named = new java.util.LinkedHashMap<>();
        counts.forEach((m, n) -> named.put(org.wardheat.analysis.Period.text(m), n));
        return named;
    }

    private void refresh() {
        long v = store.dataVersion();
        if (v != seenVersion) {
            seenVersion = v;
            invalidate();
        }
    }

    private void invalidate() {
        table = null;
        sets.clear();
        assignments.clear();
        seenVersion = store.dataVersion();
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
