package org.wardheat.cli;

import org.wardheat.service.Workspace;
import org.wardheat.analysis.WardStatistics;
import org.wardheat.export.Layers;
import org.wardheat.query.Analyses;
import org.wardheat.query.Filter;
import org.wardheat.query.Values;
import org.wardheat.query.WardsQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "wards", description = {
        "Per-ward counts, rates per 1,000 residents, shares, ranks and change against a comparison period.",
        "CSV columns: ward_code,ward_name,count,rate_per_1000,share,rank,previous_count,change,change_pct"})
final class WardsCommand implements Callable<Integer> {
    @Mixin
    DataOption data;
    @Option(names = "--boundaries", required = true, paramLabel = "ID")
    String boundaries;
    @Mixin
    FilterOptions filter;
    @Option(names = "--compare", defaultValue = WardsQuery.DEFAULT_COMPARE, paramLabel = "previous|year-ago|YYYY-MM:YYYY-MM",
            description = "The comparison period (default: the previous period of the same length).")
    String compare;
    @Option(names = "--top", defaultValue = "" + WardsQuery.DEFAULT_TOP, description = "How many wards the top-N share sentence covers (default: ${DEFAULT-VALUE}).")
    int top;
    @Mixin
    Output output;

    @Override
    public Integer call() throws Exception {
        String format = output.format("csv", "json", "geojson", "gpkg");
        Filter f = filter.filter();
        WardsQuery query = new WardsQuery(boundaries, f, Values.comparison("compare", compare, f.period()), top);
        try (Workspace ws = data.open()) {
            Analyses analyses = Analyses.of(ws);
            WardStatistics.Result result = analyses.wards(query);
            switch (format) {
                case "json" -> output.json(result);
                case "geojson" -> output.table(Layers.wardLayer(result, ws.boundarySet(query.boundaries()).wards(), query.boundaries()),
                        format, Layers.wardLayerMembers(result));
                default -> output.table(analyses.wardsTable(query, result), format, Map.of());
            }
            System.err.println(result.top().sentence());
            WardStatistics.Totals t = result.totals();
            System.err.printf("total %,d (previous %,d); %,d without location and %,d outside the wards in the period were not counted%n",
                    t.count(), t.previousCount(), t.withoutLocation(), t.outside());
        }
        return 0;
    }
}
