package org.wardheat.cli;

import org.wardheat.service.RepeatService;
import org.wardheat.service.Workspace;
import org.wardheat.repeats.NearRepeat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.concurrent.Callable;

@Command(name = "near-repeat", description = {
        "Knox test for near repeats (as the Near Repeat Calculator), dates permuted --simulations times (seeded).",
        "Spatial bands: 'same location' (0 m), then each --bands limit in metres, over the previous one up to and including its own.",
        "Temporal bands: --time-width days, or for month-only police.uk data a 'same month' band and then --time-width months."})
final class NearRepeatCommand implements Callable<Integer> {
    @Mixin
    RecordOptions options;
    @Option(names = "--bands", defaultValue = "200,400,600,800,1000", description = "Spatial band limits in metres (default: ${DEFAULT-VALUE}).")
    String bands;
    @Option(names = "--time-width", description = "Temporal band width in days, or months for month-only data (default: 14 days or 1 month).")
    Integer width;
    @Option(names = "--time-bands", description = "How many temporal bands of --time-width (default: 5 of days, or 6 of months after the same-month band).")
    Integer timeBands;
    @Option(names = "--simulations", defaultValue = "999")
    int simulations;
    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Override
    public Integer call() throws Exception {
        double[] limits = Arrays.stream(bands.split(",")).map(String::trim).mapToDouble(Double::parseDouble).toArray();
        try (Workspace ws = options.data.open()) {
            NearRepeat.Result r = new RepeatService(ws).nearRepeat(options.selection(), limits, width, timeBands, simulations, seed);
            r.reading().forEach(System.err::println);
            return options.write(r, csv -> {
                csv.row(Arrays.asList("distance", "time", "observed", "expected", "knox_ratio", "p"));
                for (NearRepeat.Cell[] row : r.cells()) {
                    for (NearRepeat.Cell c : row) {
                        csv.row(Arrays.asList(c.space(), c.time(), c.observed(), Math.round(c.expected() * 100) / 100.0,
                                c.knoxRatio() == null ? null : Math.round(c.knoxRatio() * 100) / 100.0, c.p()));
                    }
                }
            });
        }
    }
}
