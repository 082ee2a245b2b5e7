package org.wardheat.cli;

import org.wardheat.service.Workspace;
import org.wardheat.boundaries.WardPopulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "population", description = "Set ward populations, used for rates per 1,000 residents.",
        subcommands = {PopulationCommand.Add.class})
final class PopulationCommand {

    @Command(name = "add", description = {
            "Set a boundary set's ward populations, from a ward CSV (ward code, residents)",
            "or estimated from LSOA counts and LSOA polygons (each LSOA to the ward holding its interior point)."})
    static final class Add implements Callable<Integer> {
        @Mixin
        DataOption data;
        @Option(names = "--boundaries", required = true, paramLabel = "ID")
        String boundaries;
        @Option(names = "--lsoa-polygons", paramLabel = "GEOJSON", description = "LSOA polygons (LSOA21CD or LSOA11CD).")
        Path lsoaPolygons;
        @Option(names = "--lsoa-counts", paramLabel = "CSV", description = "LSOA residents (e.g. Census 2021 usual residents).")
        Path lsoaCounts;
        @Parameters(paramLabel = "FILE", arity = "0..1", description = "A ward CSV with a code and a residents column.")
        Path wardCsv;

        @Override
        public Integer call() {
            boolean lsoa = lsoaPolygons != null || lsoaCounts != null;
            if (lsoa == (wardCsv != null) || (lsoa && (lsoaPolygons == null || lsoaCounts == null))) {
                throw new IllegalArgumentException("give either a ward CSV, or both --lsoa-polygons and --lsoa-counts");
            }
            try (Workspace ws = data.open()) {
                WardPopulation.Result r = lsoa ? ws.addPopulationFromLsoas(boundaries, lsoaPolygons, lsoaCounts)
                        : ws.addPopulationCsv(boundaries, wardCsv);
                double total = r.residents().values().stream().mapToDouble(Double::doubleValue).sum();
                System.out.printf("population of %s: %d wards, %,.0f residents (%s)%n", boundaries,
                        r.residents().size(), total, r.source());
                r.notes().forEach(n -> System.out.println("  " + n));
            }
            return 0;
        }
    }
}
