package org.wardheat.cli;

import org.wardheat.analysis.ChangeRules;
import org.wardheat.analysis.PriorityMatrix;
import org.wardheat.model.Coverage;
import org.wardheat.query.InvalidParameterException;
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
    @Option(names = "--top-wards", defaultValue = "" + PriorityQuery.DEFAULT_TOP_WARDS, description = "k of the top-k ward share (default: ${DEFAULT-VALUE}).")
    int topWards;
    @Mixin
    ShareOptions share;
    @Mixin
    Output output;

    @Override
    public Integer call() throws Exception {
        Filter f = period.filter();
        ChangeRules rules = period.rules();
        if (rules.measure() != null || rules.per() != ChangeRules.DEFAULT.per() || rules.rankBy() != ChangeRules.DEFAULT.rankBy()) {
            throw new InvalidParameterException(rules.measure() != null ? "measure" : rules.per() != ChangeRules.DEFAULT.per() ? "per" : "rank_by",
                    "not taken by the priority matrix: it counts records, rates per 1,000 residents and ranks by score");
        }
        PriorityQuery q = new PriorityQuery(boundaries, f, period.comparison(f), rows == null ? null : Values.choice("rows", rows, PriorityQuery.Rows.words()),
                PriorityQuery.weights(volume, rate, change, concentration, harmWeight), rules.alpha(), topWards, harm.harm(), rules.allowPartial(),
                share.sharing(output.format));
        return output.run(data, (analyses, format) -> {
            List<PriorityMatrix.Row> r = analyses.priorities(q);
            Coverage coverage = analyses.prioritiesCoverage(q);
            Coverages.print("records", coverage);
            Map<String, Object> json = new java.util.LinkedHashMap<>();
            json.put("boundaries", boundaries);
            json.put("period", f.period().toString());
            json.put("comparison", q.comparison().toString());
            json.put("coverage", coverage);
            json.put("warnings", coverage.warnings());
            json.put("rows", r);
            return new Output.Result(json, analyses.prioritiesTable(q, r));
        }, Output.ALL);
    }
}
