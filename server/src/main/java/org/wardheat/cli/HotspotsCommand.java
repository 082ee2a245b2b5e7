package org.wardheat.cli;

import org.wardheat.export.Exporter;
import org.wardheat.export.Layers;
import org.wardheat.hotspot.CellLayer;
import org.wardheat.hotspot.Grid;
import org.wardheat.hotspot.HotspotClassification;
import org.wardheat.query.ChangeQuery;
import org.wardheat.query.ClassifyQuery;
import org.wardheat.query.EvaluateQuery;
import org.wardheat.query.GiStarQuery;
import org.wardheat.query.HotspotAnalysis;
import org.wardheat.query.HotspotQuery;
import org.wardheat.query.KdeQuery;
import org.wardheat.query.Limits;
import org.wardheat.query.Values;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "hotspots", description = "Hotspot surfaces on a grid in metres: kde, gistar, change, classify, evaluate.",
        subcommands = {HotspotsCommand.Kde.class, HotspotsCommand.GiStar.class, HotspotsCommand.Change.class,
                HotspotsCommand.Classify.class, HotspotsCommand.Evaluate.class})
final class HotspotsCommand {

    /** The options every hotspot analysis takes: they build a {@link HotspotQuery}, as the HTTP parameters do. */
    static final class Common {
        @Mixin
        DataOption data;
        @Option(names = "--boundaries", required = true, paramLabel = "ID", description = "The area: this set's wards.")
        String boundaries;
        @Mixin
        FilterOptions filter;
        @Option(names = "--cell", paramLabel = "METRES", description = "Cell size in metres (default: shorter side of the extent / 50, rounded down to 100 m).")
        Double cell;
        @Option(names = "--shape", paramLabel = "square|hex", description = "Cell shape (default: " + HotspotQuery.DEFAULT_SHAPE + ").")
        String shape;
        @Option(names = "--crs", defaultValue = Limits.DEFAULT_CRS, description = "Projected CRS in metres (default: ${DEFAULT-VALUE}).")
        String crs;
        @Option(names = "--record-weights", description = "Weight each incident by its record's count (e.g. needles in a find); as --measure count.")
        boolean recordWeights;
        @Option(names = "--measure", paramLabel = "records|count", description = "count sums each record's count column (as --record-weights); default: count for needle finds, else records.")
        String measure;
        @Mixin
        HarmOptions harm;
        @Option(names = "--area", paramLabel = "GEOJSON", description = "Analyse this polygon (lon/lat GeoJSON file) instead of the whole boundary set.")
        Path area;
        @Mixin
        ShareOptions share;
        @Mixin
        Output output;

        HotspotQuery query() throws Exception {
            return new HotspotQuery(boundaries, filter.filter(), shape == null ? null : Values.choice("shape", shape, Values.words(Grid.Shape.values())),
                    cell, crs, recordWeights ? Boolean.TRUE : measure == null ? null
                            : Values.choice("measure", measure, org.wardheat.query.ChangeOptions.measures()) == org.wardheat.analysis.ChangeRules.Measure.COUNT,
                    harm.harm(), area == null ? null : Values.area("area", Files.readString(area)),
                    share.sharing(output.format));
        }

        /** Runs the analysis and writes its cells (CSV, GeoJSON with the parameters, or GeoPackage); the parameters go to standard error. */
        int run(HotspotAnalysis query) throws Exception {
            return output.run(data, (analyses, format) -> {
                CellLayer layer = analyses.hotspots(query);
                System.err.println(Exporter.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(layer.parameters()));
                return new Output.Result(null, analyses.cellsTable(query, layer, null), Map.of("analysis", layer.analysis(), "parameters", layer.parameters()));
            }, "csv", "geojson", "gpkg");
        }
    }

    @Command(name = "kde", description = "Quartic kernel density per cell, in weighted incidents per km².")
    static final class Kde implements Callable<Integer> {
        @Mixin
        Common common;
        @Option(names = "--bandwidth", paramLabel = "METRES", description = "Kernel radius (default: rule of thumb, see --adjust).")
        Double bandwidth;
        @Option(names = "--adjust", defaultValue = "" + KdeQuery.DEFAULT_ADJUST, description = "Factor on the default bandwidth (default: ${DEFAULT-VALUE}).")
        double adjust;

        @Override
        public Integer call() throws Exception {
            return common.run(new KdeQuery(common.query(), bandwidth, adjust));
        }
    }

    @Command(name = "gistar", description = "Getis-Ord Gi* per cell with adjusted p-values and ArcGIS-style bins.")
    static final class GiStar implements Callable<Integer> {
        @Mixin
        Common common;
        @Option(names = "--p-adjust", paramLabel = "fdr|holm|none", description = "fdr (Benjamini-Hochberg, default), holm or none.")
        String adjust;
        @Option(names = "--neighbour-distance", paramLabel = "METRES", description = "Default: cell size x sqrt(2) (squares) or cell size (hexagons).")
        Double distance;
        @Option(names = "--weighted", description = "Use the sum of weights per cell instead of the count.")
        boolean weighted;

        @Override
        public Integer call() throws Exception {
            return common.run(new GiStarQuery(common.query(), GiStarOptions.pAdjust(adjust), distance, weighted));
        }
    }

    @Command(name = "change", description = "Counts before and after, their difference, Gi* of each, and cells that became, stayed or stopped being hot.")
    static final class Change implements Callable<Integer> {
        @Mixin
        Common common;
        @Option(names = "--before", paramLabel = "YYYY-MM:YYYY-MM", description = "Default: the previous period of the same length.")
        String before;
        @Option(names = "--allow-partial", description = "Run even when the before-period lacks data in some months or differs in length.")
        boolean allowPartial;
        @Mixin
        GiStarOptions gi;

        @Override
        public Integer call() throws Exception {
            return common.run(new ChangeQuery(common.query(), before == null ? null : Values.period("before", before), gi.pAdjust(), gi.hotBin, allowPartial));
        }
    }

    @Command(name = "classify", description = "Persistent, emerging, former and intermittent hot and cold spots over a run of periods.")
    static final class Classify implements Callable<Integer> {
        @Mixin
        Common common;
        @Option(names = "--every", paramLabel = "month|quarter|year", description = "The length of each period (default: month).")
        String every;
        @Option(names = "--hotspot-prop", description = "Default: 0.1.")
        Double hotspotProp;
        @Option(names = "--persistent-prop", description = "Default: 0.8.")
        Double persistentProp;
        @Option(names = "--recent-prop", description = "Default: 0.2.")
        Double recentProp;
        @Option(names = "--critical-p", description = "Default: 0.05.")
        Double criticalP;
        @Option(names = "--p-adjust", paramLabel = "fdr|holm|none", description = "fdr (default), holm or none.")
        String adjust;

        @Override
        public Integer call() throws Exception {
            HotspotClassification.Thresholds d = ClassifyQuery.DEFAULT_THRESHOLDS;
            HotspotClassification.Thresholds t = new HotspotClassification.Thresholds(hotspotProp == null ? d.hotspotProp() : hotspotProp,
                    persistentProp == null ? d.persistentProp() : persistentProp, recentProp == null ? d.recentProp() : recentProp,
                    criticalP == null ? d.criticalP() : criticalP);
            return common.run(new ClassifyQuery(common.query(), every == null ? null : Values.choice("every", every, ClassifyQuery.Every.words()),
                    t, GiStarOptions.pAdjust(adjust)));
        }
    }

    @Command(name = "evaluate", description = "Hit rate, PAI and recapture rate index of hotspots chosen on --from..--to against --test.")
    static final class Evaluate implements Callable<Integer> {
        @Mixin
        Common common;
        @Option(names = "--test", required = true, paramLabel = "YYYY-MM:YYYY-MM", description = "The later period to score against.")
        String test;
        @Option(names = "--method", paramLabel = "kde|gistar", description = "kde (top share of cells, default) or gistar (significant hot cells).")
        String method;
        @Option(names = "--top-share", defaultValue = "" + EvaluateQuery.DEFAULT_TOP_SHARE, description = "Share of cells taken as hotspots with kde (default: ${DEFAULT-VALUE}).")
        double topShare;
        @Option(names = "--bandwidth", paramLabel = "METRES")
        Double bandwidth;
        @Mixin
        GiStarOptions gi;

        @Override
        public Integer call() throws Exception {
            return common.run(new EvaluateQuery(common.query(), Values.period("test", test),
                    method == null ? null : Values.choice("method", method, EvaluateQuery.Method.words()), topShare, bandwidth,
                    gi.pAdjust(), gi.hotBin));
        }
    }
}
