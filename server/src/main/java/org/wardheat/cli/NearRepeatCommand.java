package org.wardheat.cli;

import org.wardheat.service.Workspace;
import org.wardheat.query.Analyses;
import org.wardheat.query.Limits;
import org.wardheat.query.NearRepeatQuery;
import org.wardheat.query.Values;
import org.wardheat.repeats.NearRepeat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "near-repeat", description = {
        "Knox test for near repeats (as the Near Repeat Calculator): spatial bands in metres after 'same location',",
        "temporal bands in days (months for police.uk data), dates permuted --simulations times (seeded)."})
final class NearRepeatCommand implements Callable<Integer> {
    @Mixin
    RecordOptions options;
    @Option(names = "--bands", defaultValue = NearRepeatQuery.DEFAULT_BANDS, description = "Spatial band limits in metres (default: ${DEFAULT-VALUE}).")
    String bands;
    @Option(names = "--time-width", description = "Temporal band width in days, or months for month-only data (default: 14 days or 1 month).")
    Integer width;
    @Option(names = "--time-bands", description = "How many temporal bands (default: 5 of days or 6 of months).")
    Integer timeBands;
    @Option(names = "--simulations", defaultValue = "" + NearRepeatQuery.DEFAULT_SIMULATIONS, description = "Default: ${DEFAULT-VALUE}.")
    int simulations;
    @Option(names = "--seed", defaultValue = "" + NearRepeatQuery.DEFAULT_SEED, description = "Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() throws Exception {
        String format = options.output.format("csv", "json", "geojson", "gpkg");
        NearRepeatQuery q = new NearRepeatQuery(options.selection(), Values.increasing("bands", bands, Limits.BAND_METRES, Limits.MAX_SPATIAL_BANDS),
                width, timeBands, simulations, seed);
        try (Workspace ws = options.data.open()) {
            Analyses analyses = Analyses.of(ws);
            NearRepeat.Result r = analyses.nearRepeat(q);
            r.reading().forEach(System.err::println);
            if (format.equals("json")) {
                options.output.json(r);
            } else {
                options.output.table(analyses.nearRepeatTable(q, r), format, Map.of());
            }
        }
        return 0;
    }
}
