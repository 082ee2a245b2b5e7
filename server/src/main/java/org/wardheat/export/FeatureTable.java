package org.wardheat.export;

import org.locationtech.jts.geom.Geometry;

import java.util.ArrayList;
import java.util.List;

/**
 * A layer or table ready for export: named columns, one row of values per feature, and each feature's
 * geometry in WGS84 lon/lat (null for a table without geometry, or a feature without location).
 *
 * @param name    what it holds and when, used for file and table names, e.g. {@code wards_demo-wards_2024-01_2024-12}
 * @param columns column names, in order
 */
public record FeatureTable(String name, List<String> columns, List<List<Object>> rows, List<Geometry> geometries) {

    public FeatureTable {
        if (rows.size() != geometries.size()) {
            throw new IllegalArgumentException("one geometry (or null) per row");
        }
    }

    public static Builder builder(String name, String... columns) {
        return new Builder(name, List.of(columns));
    }

    public boolean hasGeometry() {
        return geometries.stream().anyMatch(g -> g != null);
    }

    public static final class Builder {
        private final String name;
        private final List<String> columns;
        private final List<List<Object>> rows = new ArrayList<>();
        private final List<Geometry> geometries = new ArrayList<>();

        Builder(String name, List<String> columns) {
            this.name = name;
            this.columns = columns;
        }

        public Builder add(Geometry geometry, Object... values) {
            if (values.length != columns.size()) {
                throw new IllegalArgumentException("expected " + columns.size() + " values, got " + values.length);
            }
            rows.add(java.util.Arrays.asList(values));
            geometries.add(geometry);
            return this;
        }

        public FeatureTable build() {
            return new FeatureTable(name.replaceAll("[^A-Za-z0-9._-]+", "_"), columns, rows, geometries);
        }
    }
}
