package org.wardheat.cli;

import org.wardheat.service.AreaService;
import org.wardheat.service.Workspace;
import org.wardheat.query.Analyses;
import org.wardheat.query.AreaQuery;
import org.wardheat.query.Filter;
import org.wardheat.query.StrategicQuery;
import org.wardheat.query.Values;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "strategic", description = {
        "The strategic-assessment table: every category, this period against the comparison period, difference, % change",
        "and rate per 1,000 residents, for a boundary set, some of its wards, a polygon or a saved focus area."})
final class StrategicCommand implements Callable<Integer> {
    @Mixin
    DataOption data;
    @Option(names = "--boundaries", paramLabel = "ID", description = "The boundary set (not needed with --area-id).")
    String boundaries;
    @Option(names = "--ward", paramLabel = "CODE", description = "A ward of the set (repeatable; default: the whole set).")
    List<String> wards;
    @Option(names = "--area", paramLabel = "GEOJSON", description = "A polygon (lon/lat GeoJSON file) instead of wards.")
    Path area;
    @Option(names = "--area-id", paramLabel = "N", description = "A saved focus area.")
    Long areaId;
    @Option(names = "--dataset", paramLabel = "NAME", description = "A dataset (repeatable; default: all).")
    List<String> datasets;
    @Option(names = "--from", required = true, paramLabel = "YYYY-MM")
    String from;
    @Option(names = "--to", required = true, paramLabel = "YYYY-MM")
    String to;
    @Option(names = "--compare", paramLabel = "previous|year-ago|YYYY-MM:YYYY-MM", description = "Default: the previous period of the same length.")
    String compare;
    @Mixin
    Output output;

    @Override
    public Integer call() throws Exception {
        String format = output.format("csv", "json", "geojson", "gpkg");
        Filter f = new Filter(List.of(), datasets, Values.period("from", from, "to", to));
        StrategicQuery q = new StrategicQuery(new AreaQuery(boundaries, wards, area == null ? null : Files.readString(area), areaId), f,
                Values.comparison("compare", compare, f.period()));
        try (Workspace ws = data.open()) {
            Analyses analyses = Analyses.of(ws);
            List<AreaService.CategoryRow> rows = analyses.strategic(q);
            if (format.equals("json")) {
                output.json(Map.of("scope", q.area().scope(), "period", f.period().toString(), "comparison", q.comparison().toString(), "rows", rows));
            } else {
                output.table(analyses.strategicTable(q, rows), format, Map.of());
            }
        }
        return 0;
    }

}
