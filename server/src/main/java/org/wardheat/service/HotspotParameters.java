package org.wardheat.service;

import org.wardheat.hotspot.Grid;
import org.wardheat.hotspot.PAdjust;
import org.wardheat.hotspot.Points;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;

/** The parameters a hotspot layer echoes: what was analysed, on which grid, and how (units in the names). */
final class HotspotParameters {
    private HotspotParameters() {
    }

    static Map<String, Object> common(HotspotService.Request r, Grid grid, Points points) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("boundaries", r.boundaries());
        p.put("area", r.area() == null ? "the boundary set's wards" : "a given polygon");
        p.put("categories", r.categories().isEmpty() ? "all" : new LinkedHashSet<>(r.categories()));
        if (!r.datasets().isEmpty()) {
            p.put("datasets", r.datasets());
        }
        p.put("period", r.period().toString());
        p.put("crs", r.crs());
        p.put("shape", grid.shape().name().toLowerCase(Locale.ROOT));
        p.put("cell_size_m", round(grid.cellSize().metres()));
        p.put("cell_size_rule", grid.cellSize().rule());
        p.put("cells", grid.size());
        p.put("area_km2", round(grid.totalArea() / 1e6));
        p.put("incidents", points.size());
        p.put("weights", r.weights().describe());
        p.put("measure", r.weights().recordWeights() ? "count" : "records");
        return p;
    }

    /**
     * Warns when there is less than one incident per cell on average: Gi* p-values rest on a normal
     * approximation that sparse counts do not meet, so chance clusters can show as hot spots.
     */
    static void sparseWarning(Map<String, Object> p, Grid grid, double[] counts) {
        double sum = 0;
        for (double c : counts) {
            sum += c;
        }
        double mean = sum / grid.size();
        if (mean < 1) {
            p.put("warning", String.format(Locale.ROOT, "sparse counts: %.2f incidents per cell on average; Gi* p-values rely on a "
                    + "normal approximation, so treat isolated hot cells with care, or use larger cells or a longer period", mean));
        }
    }

    static void gi(Map<String, Object> p, Grid grid, double distance, PAdjust adjust, boolean weighted) {
        p.put("neighbour_distance_m", round(distance));
        p.put("neighbours", grid.shape() == Grid.Shape.SQUARE ? "cells within cell size x sqrt(2) (the 8 around), the cell itself included"
                : "cells within the cell size (the 6 around), the cell itself included");
        p.put("p_adjust", adjust.name().toLowerCase(Locale.ROOT));
        p.put("value", weighted ? "sum of weights" : "count");
        p.put("bins", "+-3, +-2, +-1: adjusted p < 0.01, 0.05, 0.10 (hot +, cold -); 0 not significant");
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** Named columns, in order, from (name, values) pairs. */
    static LinkedHashMap<String, Object> columns(Object... pairs) {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
