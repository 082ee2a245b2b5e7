package org.wardheat.cli;

import org.wardheat.query.Limits;
import org.wardheat.query.NearRepeatQuery;
import org.wardheat.query.Values;
import org.wardheat.repeats.NearRepeat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "near-repeat", description = {
        "Knox test for near repeats (as the Near Repeat Calculator), dates permuted --simulations times (seeded).",
        "Spatial bands: 'same location' (0 m), then each --bands limit in metres, over the previous one up to and including its own.",
        "Temporal bands: --time-width days, or for month-only police.uk data a 'same month' band and then --time-width months."})
final class NearRepeatCommand implements Callable<Integer> {
    @Mixin
    RecordOptions options;
    @Option(names = "--bands", defaultValue = NearRepeatQuery.DEFAULT_BANDS, description = "Spatial band limits in metres (default: ${DEFAULT-VALUE}).")
    String bands;
    @Option(names = "--time-width", description = "Temporal band width in days, or months for month-only data (default: 14 days or 1 month).")
    Integer width;
    @Option(names = "--time-bands", description = "How many temporal bands of --time-width (default: 5 of days, or 6 of months after the same-month band).")
    Integer timeBands;
    @Option(names = "--simulations", defaultValue = "" + NearRepeatQuery.DEFAULT_SIMULATIONS, description = "Default: ${DEFAULT-VALUE}.")
    int simulations;
    @Option(names = "--seed", defaultValue = "" + NearRepeatQuery.DEFAULT_SEED, description = "Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() throws Exception {
        NearRepeatQuery q = new NearRepeatQuery(options.selection(), Values.increasing("bands", bands, Limits.BAND_METRES, Limits.MAX_SPATIAL_BANDS),
                width, timeBands, simulations, seed);
        return options.output.run(options.data, (analyses, format) -> {
            NearRepeat.Result r = analyses.nearRepeat(q);
            r.reading().forEach(System.err::println);
            return new Output.Result(r, analyses.nearRepeatTable(q, r));
        }, Output.ALL);
    }
}
