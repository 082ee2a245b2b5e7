package org.wardheat.http;

import com.fasterxml.jackson.core.JsonGenerator;
import org.wardheat.boundaries.GeoJsonGeometry;
import org.wardheat.boundaries.Ward;
import org.wardheat.output.WardOutput;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Plain GeoJSON layers (RFC 7946) of stored geometry. */
final class GeoJsonLayers {
    private GeoJsonLayers() {
    }

    /** The wards with their code, name and district. */
    static void wards(List<Ward> wards, OutputStream out) throws IOException {
        try (JsonGenerator g = WardOutput.JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            for (Ward w : wards) {
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeStringField("id", w.code());
                g.writeObjectFieldStart("properties");
                g.writeStringField("ward_code", w.code());
                g.writeStringField("ward_name", w.name());
                g.writeStringField("district", w.district());
                g.writeEndObject();
                g.writeFieldName("geometry");
                GeoJsonGeometry.write(w.geometry(), g, 6);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
