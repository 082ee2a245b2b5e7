package org.wardheat.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.wardheat.boundaries.LsoaApportionment;
import org.wardheat.boundaries.Ward;
import org.wardheat.imports.AreaTotalReader;
import org.wardheat.imports.ImportException;
import org.wardheat.imports.ImportReport;
import org.wardheat.imports.RowProblem;
import org.wardheat.model.Period;
import org.wardheat.store.AreaTotalStore;
import org.wardheat.store.BoundarySetInfo;
import org.wardheat.store.ImportedFile;
import org.wardheat.text.BoundedInput;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imports a file of area totals ({@link AreaTotalReader}) as a dataset of kind {@value AreaTotalStore#KIND}: the
 * rows are placed on the areas of the named boundary set, or of every stored set, once, at import
 * ({@link AreaTotals#placeByMonth}: codes and names exactly, LSOAs by the population-weighted apportionment, an
 * estimate) and the placed counts are stored with the placement summary per set. The same rules as point imports:
 * every row read is imported (placed on an area of the report's set), outside (named no area of it) or rejected
 * with line, field and reason; a file that cannot be read stores nothing; the same content imported into the
 * dataset again adds nothing. A boundary set added later gets no placement of files imported before it.
 */
public final class AreaTotalImport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AreaTotalImport() {
    }

    /**
     * Where LSOA totals go: LSOA polygons (2011 or 2021) and the population units whose residents weight the split.
     * {@link #NONE} when the file names wards, districts or names only.
     */
    public record Apportionment(List<Path> lsoaPolygons, List<Path> populationPolygons, Path population) {
        public static final Apportionment NONE = new Apportionment(List.of(), List.of(), null);

        public Apportionment {
            lsoaPolygons = lsoaPolygons == null ? List.of() : List.copyOf(lsoaPolygons);
            populationPolygons = populationPolygons == null ? List.of() : List.copyOf(populationPolygons);
            if (!lsoaPolygons.isEmpty() && (populationPolygons.isEmpty() || population == null)) {
                throw new IllegalArgumentException("LSOA totals are split by population: give the population polygons and the population CSV");
            }
        }

        LsoaApportionment on(List<Ward> areas) {
            return lsoaPolygons.isEmpty() ? null : LsoaApportionment.read(areas, lsoaPolygons, populationPolygons, population);
        }
    }

    /** A stored set's wards with their source properties, read once per import for {@link #within}. */
    private record StoredSet(String id, List<Ward> wards, Map<String, Map<String, String>> properties) {
    }

    private static List<StoredSet> storedSets(Workspace workspace) {
        return workspace.store().boundaries().list().stream().map(BoundarySetInfo::id)
                .map(id -> new StoredSet(id, workspace.boundarySet(id).wards(), workspace.store().boundaries().properties(id))).toList();
    }

    /**
     * The codes (and names) of other sets' wards that lie wholly in one area of {@code setId}: a ward whose stored
     * source properties name exactly one of this set's codes (as {@code boundaries dissolve --by LAD25CD} made the
     * districts from those wards) maps to that code; a ward, or a name, that would map to two areas maps to none.
     */
    private static Map<String, String> within(List<StoredSet> stored, String setId, List<Ward> areas) {
        java.util.Set<String> codes = new java.util.HashSet<>();
        areas.forEach(a -> codes.add(a.code()));
        Map<String, String> within = new java.util.HashMap<>();
        java.util.Set<String> ambiguous = new java.util.HashSet<>();
        for (StoredSet other : stored) {
            if (other.id().equals(setId)) {
                continue;
            }
            for (Ward w : other.wards()) {
                java.util.Set<String> named = new java.util.TreeSet<>();
                other.properties().getOrDefault(w.code(), Map.of()).values().stream()
                        .filter(v -> v != null && codes.contains(v.trim())).forEach(v -> named.add(v.trim()));
                if (named.size() > 1) {
                    ambiguous.add(w.code());
                } else if (named.size() == 1 && !codes.contains(w.code())) {
                    map(within, ambiguous, w.code(), named.iterator().next());
                    if (!codes.contains(w.name().trim())) {
                        map(within, ambiguous, w.name().trim(), named.iterator().next());
                    }
                }
            }
        }
        ambiguous.forEach(within::remove);
        return within;
    }

    private static void map(Map<String, String> within, java.util.Set<String> ambiguous, String key, String area) {
        String before = within.putIfAbsent(key, area);
        if (before != null && !before.equals(area)) {
            ambiguous.add(key);
        }
    }

    /**
     * What the import did: the report (as point imports: rows read, imported = placed on an area of the report's set,
     * outside = on none of it, rejected) and per boundary set the placement summary and the unmatched areas.
     */
    public record Result(ImportReport report, List<SetPlacement> placements) {
    }

    /**
     * @param splitShare the share of the file's counts that needed splitting between areas
     * @param unmatched  area code or name → count, for rows on no area of the set (at most 200 listed)
     */
    public record SetPlacement(String boundaries, double total, double exact, double apportioned, double split, double splitShare,
                               double unmatchedCount, Map<String, Double> unmatched) {
    }

    /**
     * @param source     the file name reported and logged
     * @param category   the category of every row when the file has no category column
     * @param boundaries the set to place on, or null for every stored set (the first is the report's set)
     */
    public static Result run(Workspace workspace, Path file, String source, String dataset, String category, String boundaries,
                             Apportionment apportionment) {
        List<String> sets = new ArrayList<>();
        if (boundaries != null) {
            workspace.boundarySet(boundaries);
            sets.add(boundaries);
        } else {
            workspace.store().boundaries().list().stream().map(BoundarySetInfo::id).forEach(sets::add);
        }
        if (sets.isEmpty()) {
            throw new ImportException(source + ": area totals are placed on the areas of a boundary set at import; add a boundary set first");
        }
        AreaTotalReader.Result read = AreaTotalReader.read(file, category);
        String sha = sha256(file);
        List<AreaTotalStore.Placement> stored = new ArrayList<>();
        List<SetPlacement> summaries = new ArrayList<>();
        int matchedOnReportSet = 0;
        List<StoredSet> storedSets = storedSets(workspace);
        for (String set : sets) {
            List<Ward> areas = workspace.boundarySet(set).wards();
            AreaTotals.Placed placed = AreaTotals.placeByMonth(set, dataset, areas, within(storedSets, set, areas), read.rows(), apportionment.on(areas));
            AreaTotalStore.Placement p = placed.placement();
            stored.add(p);
            Map<String, Double> unmatched = new LinkedHashMap<>();
            placed.unmatchedAreas().entrySet().stream().limit(200).forEach(e -> unmatched.put(e.getKey(), e.getValue()));
            summaries.add(new SetPlacement(set, p.total(), p.exact(), p.apportioned(), p.split(), p.splitShare(), p.unmatched(), unmatched));
            if (set.equals(sets.get(0))) {
                matchedOnReportSet = placed.matchedRows();
            }
        }
        int first = Integer.MAX_VALUE, last = Integer.MIN_VALUE;
        for (AreaTotalReader.AreaTotal r : read.rows()) {
            int m = Period.key(Period.month(r.month(), "month"));
            first = Math.min(first, m);
            last = Math.max(last, m);
        }
        List<RowProblem> problems = read.rejected().stream().map(x -> new RowProblem(x.line(), x.field(), x.reason())).toList();
        int taken = read.rows().size();
        ImportReport.Counts counts = new ImportReport.Counts(read.read(), matchedOnReportSet, taken - matchedOnReportSet, 0,
                read.rejected().size());
        ImportReport.FileReport report = new ImportReport.FileReport(source, sha, false, null, counts,
                taken == 0 ? null : Period.text(first), taken == 0 ? null : Period.text(last),
                problems.subList(0, Math.min(problems.size(), ImportReport.MAX_PROBLEMS)));
        String json;
        try {
            Map<String, Object> logged = new LinkedHashMap<>(JSON.convertValue(report, Map.class));
            logged.put("placements", summaries);
            json = JSON.writeValueAsString(logged);
        } catch (IOException e) {
            throw new ImportException(source + ": " + e.getMessage(), e);
        }
        List<AreaTotalStore.Rejection> rejected = read.rejected().stream()
                .map(x -> new AreaTotalStore.Rejection(x.line(), x.field(), x.reason())).toList();
        Optional<ImportedFile> earlier = workspace.store().areaTotals().importFile(dataset, source, sha,
                taken == 0 ? 0 : first, taken == 0 ? 0 : last, taken == 0 ? List.of() : stored, rejected, json);
        if (earlier.isPresent()) {
            ImportReport.FileReport again = new ImportReport.FileReport(source, sha, true,
                    earlier.get().source() + " at " + earlier.get().importedAt(), new ImportReport.Counts(0, 0, 0, 0, 0), null, null, List.of());
            return new Result(new ImportReport(dataset, sets.get(0), List.of(again), again.counts()), List.of());
        }
        return new Result(new ImportReport(dataset, sets.get(0), List.of(report), counts), summaries);
    }

    /** The SHA-256 of the file's content (decompressed), which identifies it for idempotence. */
    private static String sha256(Path file) {
        try (InputStream in = BoundedInput.open(file)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                d.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new ImportException(file + ": " + e.getMessage(), e);
        }
    }
}
