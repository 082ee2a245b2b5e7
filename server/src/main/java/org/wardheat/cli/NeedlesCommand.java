package org.wardheat.cli;

import org.wardheat.service.Workspace;
import org.wardheat.query.Analyses;
import org.wardheat.query.NeedlesTableQuery;
import org.wardheat.query.Values;
import org.wardheat.repeats.MonthlyTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Map;
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
        @Option(names = "--exclude-outliers")
        boolean exclude;

        @Override
        public Integer call() throws Exception {
            String format = options.output.format("csv", "json", "geojson", "gpkg");
            NeedlesTableQuery q = new NeedlesTableQuery(options.selection(), firstMonth,
                    measure == null ? null : Values.choice("measure", measure, NeedlesTableQuery.Measure.words()), null, exclude);
            try (Workspace ws = options.data.open()) {
                Analyses analyses = Analyses.of(ws);
                MonthlyTable.Table t = analyses.needles(q);
                if (format.equals("json")) {
                    options.output.json(t);
                } else {
                    options.output.table(analyses.needlesTable(q, t), format, Map.of());
                }
            }
            return 0;
        }
    }
}
