package org.wardheat.cli;

import org.wardheat.service.RepeatService;
import org.wardheat.service.Workspace;
import org.wardheat.repeats.Encampments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "encampments", description = "Unauthorised encampments.", subcommands = {EncampmentsCommand.Summary.class})
final class EncampmentsCommand {

    @Command(name = "summary", description = {
            "Per year: encampments, distinct locations, average days in situ, total days of disruption.",
            "Days count the arrival and the departure day (3rd to 5th = 3 days); one without an end date is open",
            "and counted to --as-of (0 days if it arrived after it). An encampment, its location and its whole stay",
            "(in the average) belong to its arrival year; total days are split: each year counts the days in it, up to --to."})
    static final class Summary implements Callable<Integer> {
        @Mixin
        RecordOptions options;
        @Option(names = "--first-month", defaultValue = "1")
        int firstMonth;
        @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Count open encampments to this date (default: today).")
        String asOf;
        @Option(names = "--list", description = "List every encampment with its duration instead of the yearly summary.")
        boolean list;

        @Override
        public Integer call() throws Exception {
            if (options.filter.datasets == null) {
                options.filter.datasets = List.of("encampments");
            }
            LocalDate until = asOf == null ? LocalDate.now() : LocalDate.parse(asOf);
            try (Workspace ws = options.data.open()) {
                List<Encampments.Year> years = new RepeatService(ws).encampments(options.selection(), firstMonth, until);
                return options.write(years, csv -> {
                    if (list) {
                        csv.row(Arrays.asList("year", "location", "start", "end", "days", "open", "details"));
                        for (Encampments.Year y : years) {
                            for (Encampments.Stay s : y.stays()) {
                                csv.row(Arrays.asList(y.label(), s.location(), s.start(), s.end(), s.days(), s.open() ? "open" : "", s.extra()));
                            }
                        }
                    } else {
                        csv.row(Arrays.asList("year", "encampments", "locations", "average_days", "total_days", "open"));
                        for (Encampments.Year y : years) {
                            csv.row(Arrays.asList(y.label(), y.encampments(), y.locations(), Math.round(y.averageDays() * 10) / 10.0,
                                    y.totalDays(), y.open()));
                        }
                    }
                });
            }
        }
    }
}
