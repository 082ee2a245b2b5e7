package org.wardheat.cli;

import org.wardheat.query.AreaQuery;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Which area a table covers: {@code --boundaries} (the whole set), {@code --ward} (repeatable), {@code --area} or {@code --area-id}. */
final class AreaOptions {
    @Option(names = "--boundaries", paramLabel = "ID", description = "The boundary set (not needed with --area-id).")
    String boundaries;
    @Option(names = "--ward", paramLabel = "CODE", description = "A ward of the set (repeatable; default: the whole set).")
    List<String> wards;
    @Option(names = "--area", paramLabel = "GEOJSON", description = "A polygon (lon/lat GeoJSON file) instead of wards.")
    Path area;
    @Option(names = "--area-id", paramLabel = "N", description = "A saved focus area.")
    Long areaId;

    AreaQuery query() throws IOException {
        return new AreaQuery(boundaries, wards, area == null ? null : Files.readString(area), areaId);
    }
}
