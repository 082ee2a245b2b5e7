package org.wardheat.service;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.wardheat.analysis.ChangeRules;
import org.wardheat.model.CategoryGroups;
import org.wardheat.model.Coverage;
import org.wardheat.model.Period;
import org.wardheat.boundaries.GeoJsonGeometry;
import org.wardheat.boundaries.Projection;
import org.wardheat.boundaries.Ward;
import org.wardheat.hotspot.CellLayer;
import org.wardheat.hotspot.Grid;
import org.wardheat.hotspot.PAdjust;
import org.wardheat.repeats.Outliers;
import org.wardheat.repeats.Places;
import org.wardheat.store.FocusArea;
import org.wardheat.store.NotFoundException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Focus areas (a set of wards, or a drawn polygon): saving them, summarising incidents in them, and the
 * strategic-assessment table (every category, this period against the last) for the borough, a ward or
 * an area.
 */
public final class AreaService {
    private final Workspace workspace;
    private final HotspotService hotspots;
    private final RepeatService repeats;

    public AreaService(Workspace workspace, HotspotService hotspots, RepeatService repeats) {
        this.workspace = workspace;
        this.hotspots = hotspots;
        this.repeats = repeats;
    }

    /**
     * An area of a boundary set: its wards ({@code wardCodes}), or a drawn polygon ({@code polygon},
     * WGS84), or the whole set when both are empty.
     */
    public record Area(String boundaries, List<String> wardCodes, Geometry polygon, String name) {
        public boolean wholeSet() {
            return wardCodes.isEmpty() && polygon == null;
        }
    }

    /**
     * @param areaId     a saved focus area, or null
     * @param wardCodes  wards of {@code boundaries}, or empty
     * @param geojson    a drawn polygon as GeoJSON, or null
     */
    public Area resolve(String boundaries, List<String> wardCodes, String geojson, Long areaId) {
        if (areaId != null) {
            FocusArea f = workspace.store().focusAreas().find(areaId)
                    .orElseThrow(() -> new NotFoundException("no saved focus area " + areaId));
            return new Area(f.boundaries(), f.wardCodes(), f.wardCodes().isEmpty() ? f.geometry() : null, f.name());
        }
        Set<String> known = new HashSet<>();
        workspace.boundarySet(boundaries).wards().forEach(w -> known.add(w.code()));
        for (String code : wardCodes) {
            if (!known.contains(code)) {
                throw new IllegalArgumentException("no ward " + code + " in boundary set " + boundaries);
            }
        }
        Geometry polygon = geojson == null || geojson.isBlank() ? null : org.wardheat.boundaries.AreaReader.read(geojson);
        if (polygon != null && !wardCodes.isEmpty()) {
            throw new IllegalArgumentException("give either wards or a drawn polygon, not both");
        }
        String name = polygon != null ? "drawn area" : wardCodes.isEmpty() ? "whole borough" : wardCodes.size() + " wards";
        return new Area(boundaries, List.copyOf(new LinkedHashSet<>(wardCodes)), polygon, name);
    }

    /** The area's outline in WGS84: the polygon, or the union of its wards (all wards for the whole set). */
    public Geometry outline(Area a) {
        if (a.polygon() != null) {
            return a.polygon();
        }
        List<Geometry> parts = new ArrayList<>();
        for (Ward w : workspace.boundarySet(a.boundaries()).wards()) {
            if (a.wholeSet() || a.wardCodes().contains(w.code())) {
                parts.add(w.geometry());
            }
        }
        return UnaryUnionOp.union(parts, GeoJsonGeometry.FACTORY);
    }

    public FocusArea save(String name, Area a) {
        String checked = checkName(name);
        if (a.wholeSet()) {
            throw new IllegalArgumentException("choose wards or draw a polygon before saving a focus area");
        }
        return workspace.store().focusAreas().save(checked, a.boundaries(), a.wardCodes(), outline(a));
    }

    /** The saved focus areas, by name. */
    public List<FocusArea> saved() {
        return workspace.store().focusAreas().list();
    }

    /** Renames a saved area; returns the trimmed name. */
    public String rename(long id, String name) {
        String checked = checkName(name);
        if (!workspace.store().focusAreas().rename(id, checked)) {
            throw new NotFoundException("no saved focus area " + id);
        }
        return checked;
    }

    public void delete(long id) {
        if (!workspace.store().focusAreas().delete(id)) {
            throw new NotFoundException("no saved focus area " + id);
        }
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank() || name.length() > 120) {
            throw new IllegalArgumentException("a focus area needs a name of 1 to 120 characters");
        }
        return name.trim();
    }

    /**
     * Residents of the area: the sum over its wards; for a drawn polygon each ward's residents are
     * apportioned by the share of the ward's area (in British National Grid m²) inside the polygon.
     * Null when a ward that contributes has no population figure.
     */
    public Double residents(Area a) {
        return residents(a, null);
    }

    /** As {@link #residents(Area)}, counting only the residents of an age group (null: all; see {@link WardContexts#population}). */
    public Double residents(Area a, org.wardheat.model.AgeGroup group) {
        return residents(a.boundaries(), wardShares(a), group);
    }

    /** The residents (of an age group, or all for null) of the wards of a set, each taken in its share. */
    private Double residents(String boundaries, java.util.Map<String, Double> shares, org.wardheat.model.AgeGroup group) {
        java.util.Map<String, Double> population = group == null ? workspace.boundarySet(boundaries).population()
                : WardContexts.population(workspace, boundaries, group);
        double sum = 0;
        for (java.util.Map.Entry<String, Double> e : shares.entrySet()) {
            Double r = population.get(e.getKey());
            if (r == null) {
                return null;
            }
            sum += e.getValue() * r;
        }
        return sum;
    }

    /**
     * Each ward of the area with the share of it that counts: 1 for the wards of a ward selection; for a drawn
     * polygon the share of the ward's area (British National Grid m²) inside it; wards with no share left out.
     */
    java.util.Map<String, Double> wardShares(Area a) {
        LoadedSet set = workspace.boundarySet(a.boundaries());
        Geometry poly = a.polygon() == null ? null : Projection.transform(a.polygon(), Projection.WGS84, Projection.BNG);
        java.util.Map<String, Double> shares = new java.util.LinkedHashMap<>();
        for (Ward w : set.wards()) {
            double share;
            if (poly != null) {
                Geometry ward = Projection.transform(w.geometry(), Projection.WGS84, Projection.BNG);
                share = ward.getEnvelopeInternal().intersects(poly.getEnvelopeInternal()) ? ward.intersection(poly).getArea() / ward.getArea() : 0;
            } else {
                share = a.wholeSet() || a.wardCodes().contains(w.code()) ? 1 : 0;
            }
            if (share > 0) {
                shares.put(w.code(), share);
            }
        }
        return shares;
    }

    /** One category's counts in the area. */
    /**
     * One category's counts in the area; change figures are null when change is withheld, {@code rate} is per
     * {@link ChangeRules#per()} residents with its 95% exact Poisson interval (see {@link org.wardheat.analysis.ChangeFigures}).
     */
    /**
     * One row of the strategic table: a category, a category group or "All".
     *
     * @param groupCategories for a group's row, the categories of the table it adds up (in name order); null otherwise
     */
    public record CategoryRow(String category, long count, long previous, Long difference, Double changePct, Double ratePer1000,
                              Double changeP, Boolean changeSignificant, String changeReading, Double rate, Double rateCiLow,
                              Double rateCiHigh, List<String> groupCategories) {
        /** A category's row or "All". */
        public CategoryRow(String category, long count, long previous, Long difference, Double changePct, Double ratePer1000,
                           Double changeP, Boolean changeSignificant, String changeReading, Double rate, Double rateCiLow,
                           Double rateCiHigh) {
            this(category, count, previous, difference, changePct, ratePer1000, changeP, changeSignificant, changeReading, rate, rateCiLow,
                    rateCiHigh, null);
        }
    }

    public record HotCell(String cellId, double lon, double lat, double n, double gistar, int bin) {
    }

    /**
     * @param areaShareOfIncidents the area's share of the boundary set's incidents in the period
     * @param shareOfResidents     its share of the set's residents (null without populations)
     * @param shareOfArea          its share of the set's area
     * @param context              deprivation and residents by age of the area's wards (stored with {@code context --store});
     *                             null for a drawn polygon or when none is stored for the set
     */
    public record Summary(String name, String boundaries, List<String> wardCodes, String period, String comparison,
                          List<CategoryRow> categories, CategoryRow total, Double residents, double areaKm2,
                          long boroughCount, double shareOfIncidents, Double shareOfResidents, double shareOfArea,
                          List<RepeatService.Place> topPlaces, List<HotCell> hotCells, String measure, Coverage coverage,
                          List<String> warnings, WardContexts.Figures context) {
        /** Without context figures. */
        public Summary(String name, String boundaries, List<String> wardCodes, String period, String comparison,
                       List<CategoryRow> categories, CategoryRow total, Double residents, double areaKm2,
                       long boroughCount, double shareOfIncidents, Double shareOfResidents, double shareOfArea,
                       List<RepeatService.Place> topPlaces, List<HotCell> hotCells, String measure, Coverage coverage,
                       List<String> warnings) {
            this(name, boundaries, wardCodes, period, comparison, categories, total, residents, areaKm2, boroughCount, shareOfIncidents,
                    shareOfResidents, shareOfArea, topPlaces, hotCells, measure, coverage, warnings, null);
        }
    }

    public Summary summary(Area a, Set<String> categories, Set<String> datasets, Period period, Period comparison) {
        return summary(a, categories, datasets, period, comparison, ChangeRules.DEFAULT);
    }

    /** The months with data in the period and the comparison for these datasets, and whether change is shown. */
    public Coverage coverage(Set<String> categories, Set<String> datasets, Period period, Period comparison, boolean allowPartial) {
        return WardCounts.coverage(workspace.snapshot(), categories, datasets, period, comparison, allowPartial);
    }

    public Summary summary(Area a, Set<String> categories, Set<String> datasets, Period period, Period comparison, ChangeRules rules) {
        Area borough = new Area(a.boundaries(), List.of(), null, "whole borough");
        java.util.Map<String, Double> shares = wardShares(a); // a drawn polygon against every ward: once
        Double residents = residents(a.boundaries(), shares, rules.perPopulation()), boroughResidents = residents(borough, rules.perPopulation());
        List<CategoryRow> rows = table(a, residents, categories, datasets, period, comparison, rules, null);
        CategoryRow total = rows.get(rows.size() - 1);
        CategoryRow boroughTotal = lastRow(table(borough, boroughResidents, categories, datasets, period, comparison, rules, null));
        Coverage coverage = coverage(categories, datasets, period, comparison, rules.allowPartial());
        Geometry outline = outline(a);
        double km2 = Projection.transform(outline, Projection.WGS84, Projection.BNG).getArea() / 1e6;
        double boroughKm2 = Projection.transform(outline(borough), Projection.WGS84, Projection.BNG).getArea() / 1e6;
        // the top places and hot cells are of point records: area-total datasets are left out of them
        var totals = workspace.snapshot().areaTotals();
        Set<String> pointDatasets = new java.util.LinkedHashSet<>(datasets);
        pointDatasets.removeIf(totals::isDataset);
        Set<String> pointCategories = new java.util.LinkedHashSet<>(categories);
        pointCategories.removeIf(c -> totals.isCategory(c) && workspace.snapshot().monthly().categories().stream().noneMatch(c::equalsIgnoreCase));
        boolean points = (datasets.isEmpty() || !pointDatasets.isEmpty()) && (categories.isEmpty() || !pointCategories.isEmpty());
        List<RepeatService.Place> places = List.of();
        List<HotCell> cells = new ArrayList<>();
        if (points) {
            places = repeats.repeats(new RepeatService.Selection(pointDatasets, pointCategories, period,
                            a.boundaries(), null, a.wholeSet() ? null : outline), Places.Rule.COORDINATES, 0, 0, "records", 5,
                    List.of(), Outliers.Rules.DEFAULT, false).places();
            CellLayer gi = hotspots.gistar(new HotspotService.Request(a.boundaries(), pointCategories, pointDatasets, period, Grid.Shape.SQUARE,
                    null, null, null), PAdjust.FDR, null, false);
            double[] lonLat = gi.grid().centresLonLat();
            IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(outline);
            for (int c = 0; c < gi.grid().size(); c++) {
                if (gi.ints("bin")[c] >= 2 && locator.locate(new Coordinate(lonLat[2 * c], lonLat[2 * c + 1])) != Location.EXTERIOR) {
                    cells.add(new HotCell(gi.grid().id(c), lonLat[2 * c], lonLat[2 * c + 1], gi.doubles("n")[c], gi.doubles("gistar")[c], gi.ints("bin")[c]));
                }
            }
        }
        cells.sort((x, y) -> Double.compare(y.gistar(), x.gistar()));
        return new Summary(a.name(), a.boundaries(), a.wardCodes(), period.toString(), comparison.toString(), rows.subList(0, rows.size() - 1),
                total, residents, km2, boroughTotal.count(), boroughTotal.count() == 0 ? 0 : (double) total.count() / boroughTotal.count(),
                residents == null || boroughResidents == null || boroughResidents == 0 ? null : residents / boroughResidents,
                boroughKm2 == 0 ? 0 : km2 / boroughKm2, places, cells.subList(0, Math.min(5, cells.size())),
                rules.measureWord(), coverage, coverage.warnings(),
                a.polygon() != null ? WardContexts.apportioned(workspace, a.boundaries(), shares)
                        : WardContexts.together(workspace, a.boundaries(), a.wardCodes()));
    }

    private static CategoryRow lastRow(List<CategoryRow> rows) {
        return rows.get(rows.size() - 1);
    }

    /**
     * The strategic-assessment table: every category with incidents in either period, this period, last
     * period, difference and % change (null when last is 0), rate per 1,000 residents; then the category groups
     * with incidents ("All crime", the Home Office groups, the user's groups); the last row is "All".
     */
    public List<CategoryRow> table(Area a, Set<String> categories, Set<String> datasets, Period period, Period comparison) {
        return table(a, categories, datasets, period, comparison, ChangeRules.DEFAULT);
    }

    /** The table counted and compared by {@code rules} (measure, rate base, significance level, allow partial), with the group rows. */
    public List<CategoryRow> table(Area a, Set<String> categories, Set<String> datasets, Period period, Period comparison,
                                   ChangeRules rules) {
        return table(a, residents(a, rules.perPopulation()), categories, datasets, period, comparison, rules, CategoryGroups.installed());
    }

    private List<CategoryRow> table(Area a, Double residents, Set<String> categories, Set<String> datasets, Period period,
                                    Period comparison, ChangeRules rules, CategoryGroups groups) {
        return CategoryTable.rows(workspace.snapshot(), a, residents, categories, datasets, period, comparison, rules, groups);
    }
}
