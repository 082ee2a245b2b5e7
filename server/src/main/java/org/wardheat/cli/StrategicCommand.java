package org.wardheat.cli;

import org.wardheat.service.AreaService;
import org.wardheat.query.Filter;
import org.wardheat.query.StrategicQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "strategic", description = {
        "The strategic-assessment table: every category, this period against the comparison period, difference, % change",
        "and rate per 1,000 residents, for a boundary set, some of its wards, a polygon or a saved focus area."})
final class StrategicCommand implements Callable<Integer> {
    @Mixin
    DataOption data;
    @Mixin
    AreaOptions area;
    @Mixin
    CompareOption period;
    @Mixin
    Output output;

    @Override
    public Integer call() throws Exception {
        Filter f = period.filter();
        StrategicQuery q = new StrategicQuery(area.query(), f,
                period.comparison(f));
        return output.run(data, (analyses, format) -> {
            List<AreaService.CategoryRow> rows = analyses.strategic(q);
            return new Output.Result(Map.of("scope", q.area().scope(), "period", f.period().toString(), "comparison",
                    q.comparison().toString(), "rows", rows), analyses.strategicTable(q, rows));
        }, Output.ALL);
    }
}
