package org.wardheat.cli;

import org.wardheat.service.Workspace;
import org.wardheat.analysis.WardStatistics;
import org.wardheat.output.WardOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
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
    @Option(names = "--compare", defaultValue = "previous", paramLabel = "previous|year-ago|YYYY-MM:YYYY-MM",
            description = "The comparison period (default: the previous period of the same length).")
    String compare;
    @Option(names = "--top", defaultValue = "5", description = "How many wards the top-N share sentence covers.")
    int top;
    @Option(names = "--format", defaultValue = "csv", description = "csv, json or geojson (default: ${DEFAULT-VALUE}).")
    String format;
    @Option(names = "--output", paramLabel = "FILE", description = "Write to a file instead of standard output.")
    Path output;

    @Override
    public Integer call() throws Exception {
        if (!List.of("csv", "json", "geojson").contains(format)) {
            throw new IllegalArgumentException("--format must be csv, json or geojson, not '" + format + "'");
        }
        WardStatistics.Query query = WardStatistics.Query.of(filter.categories, filter.datasets, filter.from, filter.to, compare, top);
        try (Workspace ws = data.open()) {
            WardStatistics.Result result = ws.wardStatistics(boundaries, query);
            try (OutputStream out = Output.open(output)) {
                switch (format) {
                    case "csv" -> WardOutput.csv(result, new OutputStreamWriter(out, StandardCharsets.UTF_8));
                    case "json" -> WardOutput.json(result, out);
                    default -> WardOutput.geojson(result, ws.boundarySet(boundaries).wards(), out);
                }
            }
            PrintStream err = System.err;
            err.println(result.top().sentence());
            WardStatistics.Totals t = result.totals();
            err.printf("total %,d (previous %,d); %,d without location and %,d outside the wards in the period were not counted%n",
                    t.count(), t.previousCount(), t.withoutLocation(), t.outside());
        }
        return 0;
    }
}
