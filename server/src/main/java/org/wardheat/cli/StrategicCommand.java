package org.wardheat.cli;

import org.wardheat.service.AreaService;
import org.wardheat.query.AreaQuery;
import org.wardheat.query.Filter;
import org.wardheat.query.StrategicQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.wardheat.model.Coverage;
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
    @Mixin
    CompareOption period;
    @Mixin
    ShareOptions share;
    @Mixin
    Output output;

    @Override
    public Integer call() throws Exception {
        Filter f = period.filter();
        StrategicQuery q = new StrategicQuery(new AreaQuery(boundaries, wards, area == null ? null : Files.readString(area), areaId), f,
                period.comparison(f), period.rules(), share.sharing(output.format));
        return output.run(data, (analyses, format) -> {
            List<AreaService.CategoryRow> rows = analyses.strategic(q);
            Coverage coverage = analyses.strategicCoverage(q);
            String measure = analyses.strategicMeasure(q);
            Coverages.print(measure, coverage);
            Map<String, Object> json = new java.util.LinkedHashMap<>();
            json.put("scope", q.area().scope());
            json.put("period", f.period().toString());
            json.put("comparison", q.comparison().toString());
            json.put("measure", measure);
            json.put("coverage", coverage);
            json.put("warnings", coverage.warnings());
            json.put("rows", rows);
            return new Output.Result(json, analyses.strategicTable(q, rows));
        }, Output.ALL);
    }
}
