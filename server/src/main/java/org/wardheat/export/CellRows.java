package org.wardheat.export;

import org.wardheat.hotspot.CellLayer;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.RandomAccess;

/**
 * The rows of a hotspot layer's table, made when read: row {@code i} is cell {@code cells[i]}'s id, centre
 * (WGS84 lon/lat, then easting/northing in metres) and analysis values, each normalised by its
 * {@link Column} as {@link FeatureTable.Builder#add} does. A layer of 350,000 cells is written without
 * holding 350,000 rows of boxed values. A value equal to the one before it in the same column reuses its
 * normalised form (neighbouring empty cells share their Gi* values).
 */
final class CellRows extends AbstractList<List<Object>> implements RandomAccess {
    private final CellLayer layer;
    private final List<Column> columns;
    private final int[] cells;
    private final double[] lonLat;
    private final Object[] lastIn;
    private final Object[] lastOut;
    /** The layer's value arrays, in column order. */
    private final Object[] values;

    /**
     * @param columns the table's columns: cell_id, lon, lat, easting, northing, then the layer's columns in order
     * @param lonLat  every grid cell's centre, interleaved lon, lat
     */
    CellRows(CellLayer layer, List<Column> columns, int[] cells, double[] lonLat) {
        this.layer = layer;
        this.columns = List.copyOf(columns);
        this.cells = cells;
        this.lonLat = lonLat;
        this.lastIn = new Object[columns.size()];
        this.lastOut = new Object[columns.size()];
        this.values = layer.columns().values().toArray();
    }

    @Override
    public int size() {
        return cells.length;
    }

    @Override
    public synchronized List<Object> get(int i) {
        int c = cells[i];
        Object[] row = new Object[columns.size()];
        row[0] = columns.get(0).normalise(layer.grid().id(c));
        row[1] = normalise(1, lonLat[2 * c]);
        row[2] = normalise(2, lonLat[2 * c + 1]);
        row[3] = normalise(3, layer.grid().x(c));
        row[4] = normalise(4, layer.grid().y(c));
        for (int k = 5; k < row.length; k++) {
            row[k] = normalise(k, CellLayer.valueAt(values[k - 5], c));
        }
        return Collections.unmodifiableList(Arrays.asList(row));
    }

    private Object normalise(int k, Object value) {
        if (value != null && value.equals(lastIn[k])) {
            return lastOut[k];
        }
        Object out = columns.get(k).normalise(value);
        lastIn[k] = value;
        lastOut[k] = out;
        return out;
    }
}
