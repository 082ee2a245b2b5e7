package org.wardheat.cli;

import org.wardheat.query.NeedlesTableQuery;
import org.wardheat.query.Values;
import org.wardheat.repeats.MonthlyTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "needles", description = "Needle-find tables.", subcommands = {NeedlesCommand.Table.class})
final class NeedlesCommand {

    @Command(name = "table", description = "Monthly totals per year, with a configurable first month (e.g. 12: December to November).")
    static final class Table implements Callable<Integer> {
        @Mixin
        RecordOptions options;
        @Option(names = "--first-month", defaultValue = "" + NeedlesTableQuery.DEFAULT_FIRST_MONTH, description = "1 to 12 (default: ${DEFAULT-VALUE}, calendar years).")
        int firstMonth;
        @Option(names = "--measure", paramLabel = "count|records", description = "count (needles, default) or records (finds).")
        String measure;
        @Mixin
        OutlierOptions outliers;

        @Override
        public Integer call() throws Exception {
            NeedlesTableQuery q = new NeedlesTableQuery(options.selection(), firstMonth,
                    measure == null ? null : Values.choice("measure", measure, NeedlesTableQuery.Measure.words()), outliers.rules(),
                    outliers.exclude);
            return options.output.run(options.data, (analyses, format) -> {
                MonthlyTable.Table t = analyses.needles(q);
                return new Output.Result(t, analyses.needlesTable(q, t));
            }, Output.ALL);
        }
    }
}
