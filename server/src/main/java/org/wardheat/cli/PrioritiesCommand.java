package org.wardheat.cli;

import org.wardheat.analysis.PriorityMatrix;
import org.wardheat.query.Filter;
import org.wardheat.query.PriorityQuery;
import org.wardheat.query.Values;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "priorities", description = {"A priority matrix in the spirit of MoRiLE: each category (or group) of a boundary set scored 0-100",
        "on volume, rate, significant rise (exact Poisson test), concentration (top-k ward share) and harm, ranked, with the reasons."})
final class PrioritiesCommand implements Callable<Integer> {
    @Mixin
    DataOption data;
    @Option(names = "--boundaries", required = true, paramLabel = "ID", description = "The boundary set.")
    String boundaries;
    @Mixin
    CompareOption period;
    @Option(names = "--rows", paramLabel = "categories|groups", description = "One row per category (default) or per group.")
    String rows;
    @Mixin
    HarmOptions harm;
    @Option(names = "--weight-volume", paramLabel = "W", description = "Weight of volume, 0 to 100 (default: 1).")
    Double volume;
    @Option(names = "--weight-rate", paramLabel = "W", description = "Weight of the rate per 1,000 residents (default: 0; over one set it ranks as volume).")
    Double rate;
    @Option(names = "--weight-change", paramLabel = "W", description = "Weight of a significant rise (default: 1).")
    Double change;
    @Option(names = "--weight-concentration", paramLabel = "W", description = "Weight of concentration in the top wards (default: 1).")
    Double concentration;
    @Option(names = "--weight-harm", paramLabel = "W", description = "Weight of harm per incident (default: 1; 0 scores without --harm-weights).")
    Double harmWeight;
    @Option(names = "--alpha", defaultValue = "" + PriorityQuery.DEFAULT_ALPHA, description = "Significance level of the change test (default: ${DEFAULT-VALUE}).")
    double alpha;
    @Option(names = "--top-wards", defaultValue = "" + PriorityQuery.DEFAULT_TOP_WARDS, description = "k of the top-k ward share (default: ${DEFAULT-VALUE}).")
    int topWards;
    @Mixin
    Output output;

    @Override
    public Integer call() throws Exception {
        Filter f = period.filter();
        PriorityQuery q = new PriorityQuery(boundaries, f, period.comparison(f), rows == null ? null : Values.choice("rows", rows, PriorityQuery.Rows.words()),
                PriorityQuery.weights(volume, rate, change, concentration, harmWeight), alpha, topWards, harm.harm());
        return output.run(data, (analyses, format) -> {
            List<PriorityMatrix.Row> r = analyses.priorities(q);
            return new Output.Result(Map.of("boundaries", boundaries, "period", f.period().toString(), "comparison", q.comparison().toString(),
                    "rows", r), analyses.prioritiesTable(q, r));
        }, Output.ALL);
    }
}
