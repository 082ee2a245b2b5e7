package org.wardheat.cli;

import org.wardheat.service.HotspotService;
import org.wardheat.service.Workspace;
import org.wardheat.model.Period;
import org.wardheat.hotspot.CellLayer;
import org.wardheat.hotspot.Grid;
import org.wardheat.hotspot.HarmWeights;
import org.wardheat.hotspot.HotspotClassification;
import org.wardheat.hotspot.PAdjust;
import org.wardheat.export.Exporter;
import org.wardheat.export.Layers;
import org.wardheat.output.WardOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "hotspots", description = "Hotspot surfaces on a grid in metres: kde, gistar, change, classify, evaluate.",
        subcommands = {HotspotsCommand.Kde.class, HotspotsCommand.GiStar.class, HotspotsCommand.Change.class,
                HotspotsCommand.Classify.class, HotspotsCommand.Evaluate.class})
final class HotspotsCommand {

    /** The options every hotspot analysis takes. */
    static final class Common {
        @Mixin
        DataOption data;
        @Option(names = "--boundaries", required = true, paramLabel = "ID", description = "The area: this set's wards.")
        String boundaries;
        @Mixin
        FilterOptions filter;
        @Option(names = "--cell", paramLabel = "METRES", description = "Cell size in metres (default: shorter side of the extent / 50, rounded down to 100 m).")
        Double cell;
        @Option(names = "--shape", defaultValue = "square", description = "square or hex (default: ${DEFAULT-VALUE}).")
        String shape;
        @Option(names = "--crs", defaultValue = "EPSG:27700", description = "Projected CRS in metres (default: ${DEFAULT-VALUE}).")
        String crs;
        @Option(names = "--record-weights", description = "Weight each incident by its record's count (e.g. needles in a find).")
        boolean recordWeights;
        @Option(names = "--harm-weights", paramLabel = "CSV", description = {"A CSV of category,weight (a header row is optional): each incident weighs its category's weight.",
                "A category analysed but missing from the file is an error listing them, unless --default-weight is given."})
        Path harmWeights;
        @Option(names = "--default-weight", paramLabel = "W", description = "With --harm-weights: the weight of categories the file does not name.")
        Double defaultWeight;
        @Option(names = "--area", paramLabel = "GEOJSON", description = "Analyse this polygon (lon/lat GeoJSON) instead of the whole boundary set.")
        Path area;
        @Option(names = "--format", defaultValue = "csv", description = "csv or geojson (default: ${DEFAULT-VALUE}).")
        String format;
        @Option(names = "--output", paramLabel = "FILE")
        Path output;

        HotspotService.Request request() throws Exception {
            return new HotspotService.Request(boundaries, filter.categorySet(), filter.datasetSet(), filter.period(),
                    Grid.Shape.parse(shape), cell, crs, new HotspotService.Weights(recordWeights, harm()),
                    area == null ? null : org.wardheat.boundaries.AreaReader.read(area));
        }

        private HarmWeights harm() throws Exception {
            if (harmWeights == null) {
                if (defaultWeight != null) {
                    throw new IllegalArgumentException("--default-weight needs --harm-weights");
                }
                return null;
            }
            return HarmWeights.read(harmWeights, defaultWeight);
        }

        int write(CellLayer layer) throws Exception {
            if (!format.equals("csv") && !format.equals("geojson")) {
                throw new IllegalArgumentException("--format must be csv or geojson, not '" + format + "'");
            }
            try (OutputStream out = Output.open(output)) {
                if (format.equals("csv")) {
                    Exporter.csv(Layers.cells(layer), out);
                } else {
                    Exporter.geojson(Layers.cells(layer), java.util.Map.of("analysis", layer.analysis(), "parameters", layer.parameters()), out);
                }
            }
            System.err.println(WardOutput.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(layer.parameters()));
            return 0;
        }

        <T> T run(java.util.function.Function<HotspotService, T> analysis) {
            try (Workspace ws = data.open()) {
                return analysis.apply(new HotspotService(ws));
            }
        }
    }

    @Command(name = "kde", description = "Quartic kernel density per cell, in weighted incidents per km².")
    static final class Kde implements Callable<Integer> {
        @Mixin
        Common common;
        @Option(names = "--bandwidth", paramLabel = "METRES", description = "Kernel radius (default: rule of thumb, see --adjust).")
        Double bandwidth;
        @Option(names = "--adjust", defaultValue = "1", description = "Factor on the default bandwidth (default: ${DEFAULT-VALUE}).")
        double adjust;

        @Override
        public Integer call() throws Exception {
            HotspotService.Request r = common.request();
            return common.write(common.run(s -> s.kde(r, bandwidth, adjust)));
        }
    }

    @Command(name = "gistar", description = "Getis-Ord Gi* per cell with adjusted p-values and ArcGIS-style bins.")
    static final class GiStar implements Callable<Integer> {
        @Mixin
        Common common;
        @Option(names = "--p-adjust", defaultValue = "fdr", description = "fdr (Benjamini-Hochberg), holm or none.")
        String adjust;
        @Option(names = "--neighbour-distance", paramLabel = "METRES", description = "Default: cell size x sqrt(2) (squares) or cell size (hexagons).")
        Double distance;
        @Option(names = "--weighted", description = "Use the sum of weights per cell instead of the count.")
        boolean weighted;

        @Override
        public Integer call() throws Exception {
            HotspotService.Request r = common.request();
            return common.write(common.run(s -> s.gistar(r, PAdjust.parse(adjust), distance, weighted)));
        }
    }

    @Command(name = "change", description = "Counts before and after, their difference, Gi* of each, and cells that became, stayed or stopped being hot.")
    static final class Change implements Callable<Integer> {
        @Mixin
        Common common;
        @Option(names = "--before", paramLabel = "YYYY-MM:YYYY-MM", description = "Default: the previous period of the same length.")
        String before;
        @Option(names = "--p-adjust", defaultValue = "fdr")
        String adjust;
        @Option(names = "--hot-bin", defaultValue = "2", description = "A cell is hot at this Gi* bin or above (default: ${DEFAULT-VALUE}, 95%).")
        int hotBin;

        @Override
        public Integer call() throws Exception {
            HotspotService.Request r = common.request();
            Period b = before == null ? null : Period.parse(before);
            return common.write(common.run(s -> s.change(r, b, PAdjust.parse(adjust), hotBin)));
        }
    }

    @Command(name = "classify", description = "Persistent, emerging, former and intermittent hot and cold spots over a run of periods.")
    static final class Classify implements Callable<Integer> {
        @Mixin
        Common common;
        @Option(names = "--every", defaultValue = "month", description = "month, quarter or year (default: ${DEFAULT-VALUE}).")
        String every;
        @Option(names = "--hotspot-prop", defaultValue = "0.1")
        double hotspotProp;
        @Option(names = "--persistent-prop", defaultValue = "0.8")
        double persistentProp;
        @Option(names = "--recent-prop", defaultValue = "0.2")
        double recentProp;
        @Option(names = "--critical-p", defaultValue = "0.05")
        double criticalP;
        @Option(names = "--p-adjust", defaultValue = "fdr")
        String adjust;

        @Override
        public Integer call() throws Exception {
            HotspotService.Request r = common.request();
            int months = switch (every) {
                case "month" -> 1;
                case "quarter" -> 3;
                case "year" -> 12;
                default -> throw new IllegalArgumentException("--every must be month, quarter or year, not '" + every + "'");
            };
            HotspotClassification.Thresholds t = new HotspotClassification.Thresholds(hotspotProp, persistentProp, recentProp, criticalP);
            return common.write(common.run(s -> s.classify(r, months, t, PAdjust.parse(adjust))));
        }
    }

    @Command(name = "evaluate", description = "Hit rate, PAI and recapture rate index of hotspots chosen on --from..--to against --test.")
    static final class Evaluate implements Callable<Integer> {
        @Mixin
        Common common;
        @Option(names = "--test", required = true, paramLabel = "YYYY-MM:YYYY-MM", description = "The later period to score against.")
        String test;
        @Option(names = "--method", defaultValue = "kde", description = "kde (top share of cells) or gistar (significant hot cells).")
        String method;
        @Option(names = "--top-share", defaultValue = "0.05", description = "Share of cells taken as hotspots with kde (default: ${DEFAULT-VALUE}).")
        double topShare;
        @Option(names = "--bandwidth", paramLabel = "METRES")
        Double bandwidth;
        @Option(names = "--p-adjust", defaultValue = "fdr")
        String adjust;
        @Option(names = "--hot-bin", defaultValue = "2")
        int hotBin;

        @Override
        public Integer call() throws Exception {
            HotspotService.Request r = common.request();
            Period t = Period.parse(test);
            return common.write(common.run(s -> s.evaluate(r, t, method, topShare, bandwidth, PAdjust.parse(adjust), hotBin)));
        }
    }
}
