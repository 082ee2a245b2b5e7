package org.wardheat.cli;

import org.wardheat.service.AreaService;
import org.wardheat.query.Filter;
import org.wardheat.query.StrategicQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import org.wardheat.model.Coverage;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "strategic", description = {
        "The strategic-assessment table: every category, this period against the comparison period, difference, %% change",
        "and rate per 1,000 residents, for a boundary set, some of its wards, a polygon or a saved focus area."})
final class StrategicCommand implements Callable<Integer> {
    @Mixin
    DataOption data;
    @Mixin
    AreaOptions area;
    @Option(names = "--each-area", description = "A row block for every area (ward, or district of a dissolved set) of --boundaries, then the whole set as the total (force) rows.")
    boolean eachArea;
    @Option(names = "--best", paramLabel = "N", description = "With --each-area: add the comparator column, the mean rate per 1,000 of the N areas with the lowest rate (1 to 50).")
    Integer best;
    @Mixin
    CompareOption period;
    @Mixin
    ShareOptions share;
    @Mixin
    Output output;

    @Override
    public Integer call() throws Exception {
        Filter f = period.filter();
        if (eachArea) {
            if (area.wards != null && !area.wards.isEmpty() || area.area != null || area.areaId != null) {
                throw new org.wardheat.query.InvalidParameterException("each-area", "takes the whole --boundaries set; not with --ward, --area or --area-id");
            }
            org.wardheat.query.BreakdownQuery b = new org.wardheat.query.BreakdownQuery(area.boundaries, f, period.comparison(f), best,
                    period.rules());
            return output.run(data, (analyses, format) -> {
                var rows = analyses.strategicEachArea(b);
                return new Output.Result(Map.of("boundaries", b.boundaries(), "period", f.period().toString(), "comparison",
                        b.comparison().toString(), "rows", rows), analyses.strategicEachAreaTable(b, rows));
            }, Output.ALL);
        }
        StrategicQuery q = new StrategicQuery(area.query(), f, period.comparison(f), period.rules(), share.sharing(output.format));
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
