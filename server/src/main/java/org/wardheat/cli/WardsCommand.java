package org.wardheat.cli;

import org.wardheat.analysis.WardStatistics;
import org.wardheat.export.Layers;
import org.wardheat.query.Filter;
import org.wardheat.query.WardsQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "wards", description = {
        "Per-ward counts, rates per 1,000 residents, shares, ranks and change against a comparison period.",
        "CSV columns: ward_code,ward_name,count,rate_per_1000,share,rank,previous_count,change,change_pct,change_p,",
        "change_significant,change_reading,rate_ci_low,rate_ci_high,months_with_data,comparison_months_with_data,measure",
        "Change columns are empty unless both periods have data in every month and are equally long (or --allow-partial)."})
final class WardsCommand implements Callable<Integer> {
    @Mixin
    DataOption data;
    @Option(names = "--boundaries", required = true, paramLabel = "ID")
    String boundaries;
    @Mixin
    CompareOption period;
    @Option(names = "--top", defaultValue = "" + WardsQuery.DEFAULT_TOP, description = "How many wards the top-N share sentence covers (default: ${DEFAULT-VALUE}).")
    int top;
    @Mixin
    ShareOptions share;
    @Mixin
    Output output;

    @Override
    public Integer call() throws Exception {
        Filter f = period.filter();
        WardsQuery query = new WardsQuery(boundaries, f, period.comparison(f), top, period.rules(), share.sharing(output.format));
        return output.run(data, (analyses, format) -> {
            WardStatistics.Result result = analyses.wards(query);
            System.err.println(result.top().sentence());
            WardStatistics.Totals t = result.totals();
            System.err.printf("total %,d (previous %,d); %,d without location and %,d outside the wards in the period were not counted%n",
                    t.count(), t.previousCount(), t.withoutLocation(), t.outside());
            Coverages.print(result.measure(), result.coverage());
            if (t.changeReading() != null) {
                System.err.println("change in the total: " + t.changeReading());
            }
            return format.equals("geojson") ? new Output.Result(result, analyses.wardLayer(query, result), Layers.wardLayerMembers(result))
                    : new Output.Result(result, analyses.wardsTable(query, result));
        }, Output.ALL);
    }
}
