package org.wardheat.cli;

import org.wardheat.service.RepeatService;
import org.wardheat.service.Workspace;
import org.wardheat.query.Analyses;
import org.wardheat.query.RepeatsQuery;
import org.wardheat.query.Values;
import org.wardheat.repeats.Outliers;
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
    @Option(names = "--group-by", paramLabel = "coordinates|label|distance", description = "How records make a place (default: coordinates).")
    String groupBy;
    @Option(names = "--distance", defaultValue = "" + RepeatsQuery.DEFAULT_DISTANCE_METRES, description = "Metres, for --group-by distance (DBSCAN radius; default: ${DEFAULT-VALUE}).")
    double metres;
    @Option(names = "--min-points", defaultValue = "" + RepeatsQuery.DEFAULT_MIN_POINTS, description = "DBSCAN: neighbours a core point needs (default: ${DEFAULT-VALUE}).")
    int minPoints;
    @Option(names = "--by", paramLabel = "records|count", description = "Rank by records (incidents, default) or count (summed, e.g. needles).")
    String by;
    @Option(names = "--top", defaultValue = "" + RepeatsQuery.DEFAULT_TOP, description = "How many places (default: ${DEFAULT-VALUE}).")
    int top;
    @Option(names = "--periods", paramLabel = "YYYY-MM:YYYY-MM,...", description = "Periods to set side by side, each ranked on its own.")
    String periods;
    @Option(names = "--exclude-outliers")
    boolean exclude;
    @Option(names = "--outlier-record-factor", description = "Default: 10.")
    Double recordFactor;
    @Option(names = "--outlier-place-factor", description = "Default: 5.")
    Double placeFactor;
    @Option(names = "--outlier-minimum", description = "Default: 20.")
    Double minimum;

    @Override
    public Integer call() throws Exception {
        String format = options.output.format("csv", "json", "geojson", "gpkg");
        Outliers.Rules d = Outliers.Rules.DEFAULT;
        RepeatsQuery q = new RepeatsQuery(options.selection(), groupBy == null ? null : Values.choice("group_by", groupBy, RepeatsQuery.groupings()),
                metres, minPoints, by == null ? null : Values.choice("by", by, RepeatsQuery.By.words()), top, Values.periods("periods", periods),
                new Outliers.Rules(recordFactor == null ? d.recordFactor() : recordFactor, placeFactor == null ? d.placeFactor() : placeFactor,
                        minimum == null ? d.minimum() : minimum), exclude);
        try (Workspace ws = options.data.open()) {
            Analyses analyses = Analyses.of(ws);
            if (!q.periods().isEmpty()) {
                if (format.equals("json")) {
                    options.output.json(analyses.repeatsByPeriod(q));
                } else {
                    options.output.table(analyses.repeatsTable(q), format, Map.of());
                }
                return 0;
            }
            RepeatService.RepeatResult r = analyses.repeats(q);
            System.err.printf("%d places; %d records, count %s (%s without the %d outlier records)%n", r.placesFound(),
                    r.records(), fmt(r.count()), fmt(r.countWithoutOutliers()), r.outlierRecords());
            r.outliers().forEach(o -> System.err.println("  outlier: " + o));
            if (format.equals("json")) {
                options.output.json(r);
            } else {
                options.output.table(analyses.repeatsTable(q, r), format, Map.of("parameters", r.parameters()));
            }
        }
        return 0;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.format("%,d", (long) v) : String.format("%,.1f", v);
    }

}
