package org.wardheat.hotspot;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of a hotspot analysis: a grid, one value per cell for each named column, and the
 * parameters that produced it (echoed in every output so a layer says how it was made).
 *
 * @param analysis   e.g. {@code kde}, {@code gistar}
 * @param grid       the cells
 * @param parameters the parameters, including the ones chosen by default rules and why
 * @param columns    column name to {@code double[]}, {@code long[]}, {@code int[]} or {@code String[]} of grid size
 */
public record CellLayer(String analysis, Grid grid, Map<String, Object> parameters, LinkedHashMap<String, Object> columns) {

    public double[] doubles(String column) {
        return (double[]) columns.get(column);
    }

    public int[] ints(String column) {
        return (int[]) columns.get(column);
    }

    public String[] strings(String column) {
        return (String[]) columns.get(column);
    }

    /** The value of a column at a cell, boxed. */
    public Object value(String column, int cell) {
        return valueAt(columns.get(column), cell);
    }

    /** Cell {@code cell}'s value in one of {@link #columns()}' value arrays (double[], long[], int[] or Object[]). */
    public static Object valueAt(Object values, int cell) {
        if (values instanceof double[] d) {
            return d[cell];
        }
        if (values instanceof long[] l) {
            return l[cell];
        }
        if (values instanceof int[] i) {
            return i[cell];
        }
        return ((Object[]) values)[cell];
    }

    /** Cells worth drawing: those where any numeric column is non-zero or a text column is not "no pattern". */
    public boolean[] nonEmptyCells() {
        boolean[] keep = new boolean[grid.size()];
        for (Object values : columns.values()) {
            for (int c = 0; c < keep.length; c++) {
                if (values instanceof double[] d) {
                    keep[c] |= d[c] != 0 && !Double.isNaN(d[c]);
                } else if (values instanceof int[] i) {
                    keep[c] |= i[c] != 0;
                } else if (values instanceof long[] l) {
                    keep[c] |= l[c] != 0;
                } else if (values instanceof String[] s) {
                    keep[c] |= s[c] != null && !s[c].equals("no pattern") && !s[c].equals("not hot");
                }
            }
        }
        return keep;
    }
}
