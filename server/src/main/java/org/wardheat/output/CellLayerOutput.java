package org.wardheat.output;

import com.fasterxml.jackson.core.JsonGenerator;
import org.locationtech.jts.geom.Geometry;
import org.wardheat.boundaries.GeoJsonGeometry;
import org.wardheat.boundaries.Projection;
import org.wardheat.hotspot.CellLayer;
import org.wardheat.hotspot.Grid;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a hotspot {@link CellLayer} as CSV (one row per cell: {@code cell_id,lon,lat,easting,northing}
 * then the analysis columns) or as an RFC 7946 GeoJSON layer (cells clipped to the area, in lon/lat,
 * with the parameters as a foreign member). Decimal values keep 6 significant digits.
 */
public final class CellLayerOutput {
    private CellLayerOutput() {
    }

    public static void csv(CellLayer layer, Writer out) throws IOException {
        Grid grid = layer.grid();
        double[] lonLat = grid.centresLonLat();
        CsvWriter csv = new CsvWriter(out);
        List<Object> header = new ArrayList<>(List.of("cell_id", "lon", "lat", "easting", "northing"));
        header.addAll(layer.columns().keySet());
        csv.row(header);
        for (int c = 0; c < grid.size(); c++) {
            List<Object> row = new ArrayList<>(Arrays.asList(grid.id(c), CsvWriter.round(lonLat[2 * c], 6),
                    CsvWriter.round(lonLat[2 * c + 1], 6), CsvWriter.round(grid.x(c), 1), CsvWriter.round(grid.y(c), 1)));
            for (String column : layer.columns().keySet()) {
                row.add(significant(layer.value(column, c)));
            }
            csv.row(row);
        }
        out.flush();
    }

    /**
     * @param include which cells to write, or {@code null} for all
     */
    public static void geojson(CellLayer layer, boolean[] include, OutputStream out) throws IOException {
        Grid grid = layer.grid();
        double[] lonLat = grid.centresLonLat();
        try (JsonGenerator g = WardOutput.JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeStringField("analysis", layer.analysis());
            g.writeFieldName("parameters");
            WardOutput.JSON.writeValue(g, layer.parameters());
            g.writeArrayFieldStart("features");
            for (int c = 0; c < grid.size(); c++) {
                if (include != null && !include[c]) {
                    continue;
                }
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeStringField("id", grid.id(c));
                g.writeObjectFieldStart("properties");
                g.writeStringField("cell_id", grid.id(c));
                g.writeNumberField("lon", CsvWriter.round(lonLat[2 * c], 6));
                g.writeNumberField("lat", CsvWriter.round(lonLat[2 * c + 1], 6));
                g.writeNumberField("easting", CsvWriter.round(grid.x(c), 1));
                g.writeNumberField("northing", CsvWriter.round(grid.y(c), 1));
                for (String column : layer.columns().keySet()) {
                    g.writeFieldName(column);
                    WardOutput.JSON.writeValue(g, significant(layer.value(column, c)));
                }
                g.writeEndObject();
                g.writeFieldName("geometry");
                Geometry cell = Projection.transform(grid.geometry(c), grid.crs(), Projection.WGS84);
                GeoJsonGeometry.write(cell, g, 6);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** Doubles to 6 significant digits (whole numbers as they are); other values unchanged. */
    static Object significant(Object v) {
        if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return null;
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return d.longValue();
            }
            return new BigDecimal(d).round(new MathContext(6)).doubleValue();
        }
        return v;
    }
}
