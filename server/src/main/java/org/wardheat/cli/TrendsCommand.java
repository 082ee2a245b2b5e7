package org.wardheat.cli;

import org.wardheat.query.Analyses;
import org.wardheat.query.NeedlesTableQuery;
import org.wardheat.query.TrendsQuery;
import org.wardheat.query.Values;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "trends", description = {"Trends of any selection (categories, group:NAME, datasets) in a boundary set, some wards, a polygon",
        "or a saved focus area: --view annual (each year's total and year-on-year change), rolling (each month and",
        "its rolling 12-month total) or table (month × year)."})
final class TrendsCommand implements Callable<Integer> {
    @Mixin
    DataOption data;
    @Mixin
    AreaOptions area;
    @Mixin
    FilterOptions filter;
    @Option(names = "--view", paramLabel = "annual|rolling|table", description = "The table written (default: annual).")
    String view;
    @Option(names = "--first-month", defaultValue = "" + TrendsQuery.DEFAULT_FIRST_MONTH, description = "The month years start in, 1 to 12 (default: ${DEFAULT-VALUE}).")
    int firstMonth;
    @Option(names = "--measure", paramLabel = "records|count",
            description = "Count records, or sum each record's count column (e.g. needles). Default: count for needle finds, else records.")
    String measure;
    @Mixin
    ShareOptions share;
    @Mixin
    Output output;

    @Override
    public Integer call() throws Exception {
        TrendsQuery q = new TrendsQuery(area.query(), filter.filter(), view == null ? null : Values.choice("view", view, TrendsQuery.View.words()),
                firstMonth, measure == null ? null : Values.choice("measure", measure, NeedlesTableQuery.Measure.words()), share.sharing(output.format));
        return output.run(data, (analyses, format) -> {
            Analyses.TrendsResult r = analyses.trends(q);
            Coverages.print(r.measure(), r.coverage());
            return new Output.Result(r, analyses.trendsTable(q, r));
        }, Output.ALL);
    }
}
