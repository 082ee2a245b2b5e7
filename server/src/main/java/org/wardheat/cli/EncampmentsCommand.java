package org.wardheat.cli;

import org.wardheat.query.EncampmentsQuery;
import org.wardheat.query.Values;
import org.wardheat.repeats.Encampments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
        @Option(names = "--first-month", defaultValue = "" + EncampmentsQuery.DEFAULT_FIRST_MONTH)
        int firstMonth;
        @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Count open encampments to this date (default: today).")
        String asOf;
        @Option(names = "--list", description = "List every encampment with its duration instead of the yearly summary.")
        boolean list;

        @Override
        public Integer call() throws Exception {
            EncampmentsQuery q = new EncampmentsQuery(options.selection(), firstMonth, asOf == null ? null : Values.date("as_of", asOf));
            return options.output.run(options.data, (analyses, format) -> {
                List<Encampments.Year> years = analyses.encampments(q);
                return new Output.Result(years, analyses.encampmentsTable(q, list, years));
            }, Output.ALL);
        }
    }
}
