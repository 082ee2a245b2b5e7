package org.wardheat.cli;

import org.wardheat.service.RepeatService;
import org.wardheat.query.RepeatsQuery;
import org.wardheat.query.Values;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "repeats", description = {
        "Rank repeat locations: places grouped by identical coordinates, the same location label, or a distance in metres.",
        "With --periods, the top places of each period side by side. Outliers are flagged; --exclude-outliers leaves them out."})
final class RepeatsCommand implements Callable<Integer> {
    @Mixin
    RecordOptions options;
    @Option(names = "--group-by", paramLabel = "coordinates|label|distance", description = "How records make a place (default: by the data kind: coordinates for police.uk data, label for council records).")
    String groupBy;
    @Option(names = "--distance", defaultValue = "" + RepeatsQuery.DEFAULT_DISTANCE_METRES, description = "Metres, for --group-by distance (DBSCAN radius; default: ${DEFAULT-VALUE}).")
    double metres;
    @Option(names = "--min-points", defaultValue = "" + RepeatsQuery.DEFAULT_MIN_POINTS, description = "DBSCAN: points within --distance a core point needs, counting itself (default: ${DEFAULT-VALUE}: two finds at one spot are one place).")
    int minPoints;
    @Option(names = "--by", paramLabel = "records|count", description = "Rank by records (incidents, default) or count (summed, e.g. needles).")
    String by;
    @Option(names = "--top", defaultValue = "" + RepeatsQuery.DEFAULT_TOP, description = "How many places (default: ${DEFAULT-VALUE}).")
    int top;
    @Option(names = "--periods", paramLabel = "YYYY-MM:YYYY-MM,...", description = "Periods to set side by side, each ranked on its own.")
    String periods;
    @Mixin
    OutlierOptions outliers;

    @Override
    public Integer call() throws Exception {
        RepeatsQuery q = new RepeatsQuery(options.selection(), groupBy == null ? null : Values.choice("group_by", groupBy, RepeatsQuery.groupings()),
                metres, minPoints, by == null ? null : Values.choice("by", by, RepeatsQuery.By.words()), top, Values.periods("periods", periods),
                outliers.rules(), outliers.exclude);
        return options.output.run(options.data, (analyses, format) -> {
            if (!q.periods().isEmpty()) {
                return new Output.Result(analyses.repeatsByPeriod(q), analyses.repeatsTable(q));
            }
            RepeatService.RepeatResult r = analyses.repeats(q);
            System.err.printf("%d places; %d records, count %s (%s without the %d outlier records)%n", r.placesFound(),
                    r.records(), fmt(r.count()), fmt(r.countWithoutOutliers()), r.outlierRecords());
            r.outliers().forEach(o -> System.err.println("  outlier: " + o));
            return new Output.Result(r, analyses.repeatsTable(q, r), Map.of("parameters", r.parameters()));
        }, Output.ALL);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.format("%,d", (long) v) : String.format("%,.1f", v);
    }

}
