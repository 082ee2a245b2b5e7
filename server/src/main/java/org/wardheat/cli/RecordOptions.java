package org.wardheat.cli;

import org.wardheat.query.RecordSelection;
import org.wardheat.query.Values;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** The selection and output options the record-level commands share (repeats, needles, encampments, near-repeat). */
final class RecordOptions {
    @Mixin
    DataOption data;
    @Mixin
    FilterOptions filter;
    @Option(names = "--boundaries", paramLabel = "ID", description = "Keep records in this set's wards, and name their wards.")
    String boundaries;
    @Option(names = "--ward", paramLabel = "CODE", description = "Keep records in this ward of --boundaries.")
    String ward;
    @Option(names = "--area", paramLabel = "GEOJSON", description = "Keep records inside this polygon (lon/lat GeoJSON file).")
    Path area;
    @Mixin
    Output output;

    RecordSelection selection() throws java.io.IOException {
        return new RecordSelection(filter.filter(), boundaries, ward, area == null ? null : Values.area("area", Files.readString(area)));
    }
}
