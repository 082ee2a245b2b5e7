package org.wardheat.export;

import org.locationtech.jts.geom.Geometry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A layer or table ready for output: typed columns, one row of values per feature (already converted and
 * rounded by each {@link Column}), and each feature's geometry in WGS84 lon/lat ({@code null} for a table
 * without geometry, or a feature without location). Every table and layer wardheat writes, on the command
 * line or over HTTP, is one of these written by {@link Exporter}.
 *
 * @param name what it holds and when, used for file and GeoPackage table names, e.g.
 *             {@code wards_demo-wards_2024-01_2024-12}
 */
public record FeatureTable(String name, List<Column> columns, List<List<Object>> rows, List<Geometry> geometries, String idColumn,
                           java.util.Map<String, Object> parameters) {

    /**
     * @param idColumn   the column whose value is each GeoJSON feature's {@code id}, or null for none
     * @param parameters how the table was made beyond its name, written as GeoJSON foreign members (e.g.
     *                   {@code disclosure}: suppression applied, with which k; see {@link Disclosure}); empty for none
     */
    public FeatureTable {
        parameters = parameters == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        if (rows.size() != geometries.size()) {
            throw new IllegalArgumentException("one geometry (or null) per row");
        }
        columns = List.copyOf(columns);
        if (idColumn != null && columns.stream().noneMatch(c -> c.name().equals(idColumn))) {
            throw new IllegalArgumentException("no column " + idColumn);
        }
    }

    /** A table without parameters. */
    public FeatureTable(String name, List<Column> columns, List<List<Object>> rows, List<Geometry> geometries, String idColumn) {
        this(name, columns, rows, geometries, idColumn, java.util.Map.of());
    }

    /** The index of the id column, or -1. */
    public int idIndex() {
        return idColumn == null ? -1 : columnNames().indexOf(idColumn);
    }

    /** This table with one more column, last, its value for each row given by {@code value} (normalised by the column). */
    public FeatureTable withColumn(Column column, java.util.function.Function<List<Object>, Object> value) {
        List<Column> cs = new ArrayList<>(columns);
        cs.add(column);
        List<List<Object>> rs = new ArrayList<>(rows.size());
        for (List<Object> r : rows) {
            List<Object> row = new ArrayList<>(r);
            row.add(column.normalise(value.apply(r)));
            rs.add(java.util.Collections.unmodifiableList(row));
        }
        return new FeatureTable(name, cs, rs, geometries, idColumn, parameters);
    }

    public static Builder builder(String name, Column... columns) {
        return new Builder(name, List.of(columns));
    }

    public static Builder builder(String name, List<Column> columns) {
        return new Builder(name, columns);
    }

    public boolean hasGeometry() {
        return geometries.stream().anyMatch(Objects::nonNull);
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    public static final class Builder {
        private final String name;
        private final List<Column> columns;
        private final List<List<Object>> rows = new ArrayList<>();
        private final List<Geometry> geometries = new ArrayList<>();
        private String idColumn;

        Builder(String name, List<Column> columns) {
            this.name = name;
            this.columns = columns;
        }

        /** Adds a row: one value per column, in order; each is normalised by its column. */
        public Builder add(Geometry geometry, Object... values) {
            if (values.length != columns.size()) {
                throw new IllegalArgumentException("expected " + columns.size() + " values, got " + values.length);
            }
            Object[] row = new Object[values.length];
            for (int c = 0; c < values.length; c++) {
                row[c] = columns.get(c).normalise(values[c]);
            }
            rows.add(java.util.Collections.unmodifiableList(Arrays.asList(row)));
            geometries.add(geometry);
            return this;
        }

        /** Makes {@code column}'s value each GeoJSON feature's {@code id}. */
        public Builder id(String column) {
            this.idColumn = column;
            return this;
        }

        public FeatureTable build() {
            return new FeatureTable(name, columns, rows, geometries, idColumn);
        }
    }
}
