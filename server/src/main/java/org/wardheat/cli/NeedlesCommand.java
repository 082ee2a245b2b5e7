package org.wardheat.cli;

import org.wardheat.service.RepeatService;
import org.wardheat.service.Workspace;
import org.wardheat.repeats.MonthlyTable;
import org.wardheat.repeats.Outliers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "needles", description = "Needle-find tables.", subcommands = {NeedlesCommand.Table.class})
final class NeedlesCommand {

    @Command(name = "table", description = "Monthly totals per year, with a configurable first month (e.g. 12: December to November).")
    static final class Table implements Callable<Integer> {
        @Mixin
        RecordOptions options;
        @Option(names = "--first-month", defaultValue = "1", description = "1 to 12 (default: ${DEFAULT-VALUE}, calendar years).")
        int firstMonth;
        @Option(names = "--measure", defaultValue = "count", description = "count (needles) or records (finds).")
        String measure;
        @Option(names = "--exclude-outliers")
        boolean exclude;

        @Override
        public Integer call() throws Exception {
            if (options.filter.datasets == null) {
                options.filter.datasets = List.of("needle-finds");
            }
            try (Workspace ws = options.data.open()) {
                MonthlyTable.Table t = new RepeatService(ws).monthlyTable(options.selection(), firstMonth, measure, Outliers.Rules.DEFAULT, exclude);
                return options.write(t, csv -> {
                    List<Object> header = new ArrayList<>(List.of("year"));
                    header.addAll(t.monthNames());
                    header.add("total");
                    csv.row(header);
                    for (MonthlyTable.Row r : t.rows()) {
                        List<Object> row = new ArrayList<>(List.of(r.label()));
                        for (double v : r.months()) {
                            row.add(v);
                        }
                        row.add(r.total());
                        csv.row(row);
                    }
                });
            }
        }
    }
}
