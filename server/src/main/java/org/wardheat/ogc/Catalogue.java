package org.wardheat.ogc;

import org.locationtech.jts.geom.Envelope;
import org.wardheat.analysis.WardStatistics;
import org.wardheat.boundaries.Ward;
import org.wardheat.export.FeatureTable;
import org.wardheat.export.Layers;
import org.wardheat.hotspot.CellLayer;
import org.wardheat.model.Period;
import org.wardheat.query.Analyses;
import org.wardheat.query.EncampmentsQuery;
import org.wardheat.query.InvalidParameterException;
import org.wardheat.query.WardsQuery;
import org.wardheat.repeats.Encampments;
import org.wardheat.service.RepeatService;
import org.wardheat.service.Workspace;
import org.wardheat.store.BoundarySetInfo;
import org.wardheat.store.NotFoundException;
import spark.Request;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The collections the OGC API offers, and each one's features: {@code wards-SET} and the hotspot analyses
 * {@code kde-SET}, {@code gistar-SET}, {@code change-SET}, {@code classify-SET}, {@code evaluate-SET} for
 * each boundary set, then {@code repeats}, {@code encampments} and {@code focus-areas}. Every layer is
 * built by {@link Analyses} from a query record the map's binder made ({@link Binders}), so it is the table
 * the map and the downloads get, with the same members (parameters, totals, coverage, warnings).
 */
final class Catalogue {
    private final Workspace workspace;
    private final Analyses analyses;
    private final Binders binders;

    Catalogue(Workspace workspace, Analyses analyses, Binders binders) {
        this.workspace = workspace;
        this.analyses = analyses;
        this.binders = binders;
    }

    /**
     * One collection.
     *
     * @param boundaries the boundary set of a per-set kind, else null
     */
    record Collection(String id, Kind kind, String boundaries) {
        String title() {
            return kind.title + (boundaries == null ? "" : " (" + boundaries + ")");
        }
    }

    /**
     * A layer ready to page through.
     *
     * @param idColumn the column whose value is a feature's id, or null for its 1-based row number
     */
    record Layer(FeatureTable table, Map<String, Object> members, String idColumn) {
    }

    List<Collection> collections() {
        List<Collection> out = new ArrayList<>();
        List<BoundarySetInfo> sets = workspace.store().boundaries().list();
        for (Kind k : Kind.values()) {
            if (k.perBoundarySet) {
                sets.forEach(s -> out.add(new Collection(k.word + "-" + s.id(), k, s.id())));
            } else {
                out.add(new Collection(k.word, k, null));
            }
        }
        return out;
    }

    /** @throws NotFoundException when there is no such collection */
    Collection collection(String id) {
        return collections().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("no collection '" + id + "'; /ogc/collections lists them"));
    }

    /** The lon/lat extent of a collection's boundary set, or of every set; null when there is none. */
    Envelope extent(Collection c) {
        Envelope e = new Envelope();
        for (BoundarySetInfo s : workspace.store().boundaries().list()) {
            if (c.boundaries() == null || c.boundaries().equals(s.id())) {
                for (Ward w : workspace.boundarySet(s.id()).wards()) {
                    e.expandToInclude(w.geometry().getEnvelopeInternal());
                }
            }
        }
        return e.isNull() ? null : e;
    }

    /** The first and last month of the stored data. */
    org.wardheat.query.DataMonths months() {
        return analyses.months();
    }

    /**
     * Runs the collection's analysis for the request's parameters.
     *
     * @param period the months {@code datetime} chose
     * @throws InvalidParameterException naming the OGC parameter ({@code datetime} for the period, {@code grid_crs})
     */
    Layer layer(Collection c, Request req, Period period) {
        Map<String, String> replaced = new HashMap<>();
        replaced.put("from", period.from().toString());
        replaced.put("to", period.to().toString());
        if (c.boundaries() != null) {
            replaced.put("boundaries", c.boundaries());
        }
        replaced.put("crs", req.queryParams("grid_crs"));
        Request view = new BoundRequest(req, replaced);
        try {
            return layer(c, view);
        } catch (InvalidParameterException e) {
            String p = e.parameter();
            String renamed = p == null ? null : p.equals("from") || p.equals("to") ? DateTimeInterval.PARAMETER : p.equals("crs") ? "grid_crs" : p;
            if (renamed != null && !renamed.equals(p)) {
                throw new InvalidParameterException(renamed, e.reason() + " (period " + period + ")");
            }
            throw e;
        }
    }

    private Layer layer(Collection c, Request view) {
        return switch (c.kind()) {
            case WARDS -> {
                WardsQuery q = binders.wards().apply(view);
                WardStatistics.Result r = analyses.wards(q);
                yield new Layer(analyses.wardLayer(q, r), Layers.wardLayerMembers(r), "ward_code");
            }
            case REPEATS -> {
                RepeatService.RepeatResult r = analyses.repeats(binders.repeats().apply(view));
                yield new Layer(Layers.repeatLayer(r), Layers.repeatLayerMembers(r), "rank");
            }
            case ENCAMPMENTS -> {
                EncampmentsQuery q = binders.encampments().apply(view);
                List<Encampments.Year> years = analyses.encampments(q);
                Map<String, Object> members = new LinkedHashMap<>();
                members.put("period", q.select().filter().period().toString());
                members.put("as_of", q.asOfOrToday().toString());
                members.put("years", Layers.encampmentYears(years, q.select().filter().period().toString()).rows());
                yield new Layer(analyses.encampmentsTable(q, true, years), members, null);
            }
            case FOCUS_AREAS -> new Layer(analyses.focusAreasTable(), Map.of(), "id");
            default -> {
                CellLayer layer = analyses.hotspots(binders.hotspot().apply(view, c.kind().word));
                boolean nonzero = "nonzero".equals(org.wardheat.query.Values.choice("only",
                        view.queryParams("only") == null ? "all" : view.queryParams("only"), Map.of("all", "all", "nonzero", "nonzero")));
                Map<String, Object> members = new LinkedHashMap<>();
                members.put("analysis", layer.analysis());
                members.put("parameters", layer.parameters());
                yield new Layer(Layers.cells(layer, nonzero ? layer.nonEmptyCells() : null), members, "cell_id");
            }
        };
    }
}
