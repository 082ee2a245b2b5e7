package org.wardheat.cli;

import org.wardheat.service.RepeatService;
import org.wardheat.service.Workspace;
import org.wardheat.model.Period;
import org.wardheat.output.CsvWriter;
import org.wardheat.repeats.Outliers;
import org.wardheat.repeats.Places;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "repeats", description = {
        "Rank repeat locations: places grouped by identical coordinates, the same location label, or a distance in metres.",
        "With --periods, the top places of each period side by side. Outliers are flagged; --exclude-outliers leaves them out."})
final class RepeatsCommand implements Callable<Integer> {
    @Mixin
    RecordOptions options;
    @Option(names = "--group-by", defaultValue = "coordinates", description = "coordinates, label or distance (default: ${DEFAULT-VALUE}).")
    String groupBy;
    @Option(names = "--distance", defaultValue = "50", description = "Metres, for --group-by distance (DBSCAN radius; default: ${DEFAULT-VALUE}).")
    double metres;
    @Option(names = "--min-points", defaultValue = "2", description = "DBSCAN: points within --distance a core point needs, counting itself (default: ${DEFAULT-VALUE}: two finds at one spot are one place).")
    int minPoints;
    @Option(names = "--by", defaultValue = "records", description = "Rank by records (incidents) or count (summed, e.g. needles).")
    String by;
    @Option(names = "--top", defaultValue = "10")
    int top;
    @Option(names = "--periods", paramLabel = "YYYY-MM:YYYY-MM,...", description = "Periods to set side by side, each ranked on its own.")
    String periods;
    @Option(names = "--exclude-outliers")
    boolean exclude;
    @Option(names = "--outlier-record-factor", defaultValue = "10")
    double recordFactor;
    @Option(names = "--outlier-place-factor", defaultValue = "5")
    double placeFactor;
    @Option(names = "--outlier-minimum", defaultValue = "20")
    double minimum;

    @Override
    public Integer call() throws Exception {
        Places.Rule rule = Places.Rule.parse(groupBy);
        Outliers.Rules rules = new Outliers.Rules(recordFactor, placeFactor, minimum);
        List<Period> list = Period.parseList(periods);
        try (Workspace ws = options.data.open()) {
            RepeatService service = new RepeatService(ws);
            RepeatService.Selection s = options.selection();
            if (!list.isEmpty()) {
                Map<String, List<RepeatService.Place>> side = service.topPerPeriod(s, rule, metres, minPoints, by, top, list, rules, exclude);
                return options.write(side, csv -> {
                    List<Object> header = new ArrayList<>(List.of("rank"));
                    side.keySet().forEach(p -> header.addAll(List.of(p + " place", p + " " + by)));
                    csv.row(header);
                    for (int k = 0; k < top; k++) {
                        List<Object> row = new ArrayList<>(List.of(k + 1));
                        for (List<RepeatService.Place> places : side.values()) {
                            RepeatService.Place p = k < places.size() ? places.get(k) : null;
                            row.add(p == null ? null : p.label());
                            row.add(p == null ? null : by.equals("count") ? (Object) p.count() : p.records());
                        }
                        csv.row(row);
                    }
                });
            }
            RepeatService.RepeatResult r = service.repeats(s, rule, metres, minPoints, by, top, List.of(), rules, exclude);
            System.err.printf("%d places; %d records, count %s (%s without the %d outlier records)%n", r.placesFound(),
                    r.records(), fmt(r.count()), fmt(r.countWithoutOutliers()), r.outlierRecords());
            r.outliers().forEach(o -> System.err.println("  outlier: " + o));
            return options.write(r, csv -> {
                csv.row(Arrays.asList("rank", "place", "lon", "lat", "ward_code", "ward_name", "records", "count", "first", "last", "outlier_records"));
                for (RepeatService.Place p : r.places()) {
                    csv.row(Arrays.asList(p.rank(), p.label(), CsvWriter.round(p.lon(), 6), CsvWriter.round(p.lat(), 6), p.wardCode(),
                            p.wardName(), p.records(), p.count(), p.first(), p.last(), p.outlierRecords()));
                }
            });
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.format("%,d", (long) v) : String.format("%,.1f", v);
    }
}
