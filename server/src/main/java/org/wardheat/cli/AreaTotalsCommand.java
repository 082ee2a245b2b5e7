package org.wardheat.cli;

import org.wardheat.boundaries.LsoaApportionment;
import org.wardheat.boundaries.Ward;
import org.wardheat.export.AreaTotalLayers;
import org.wardheat.imports.AreaTotalReader;
import org.wardheat.model.Period;
import org.wardheat.service.AreaTotals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "area-totals", description = {
        "Counts that arrive as totals by area and month (ward, district or LSOA code, or a name) placed on the areas of a",
        "boundary set: ward/district codes and names exactly, LSOA totals split over wards by population (an estimate).",
        "Area totals have no coordinates: they are never part of the hotspot surfaces."})
final class AreaTotalsCommand implements Callable<Integer> {
    @Mixin
    DataOption data;
    @Option(names = "--boundaries", required = true, paramLabel = "ID", description = "The boundary set the totals go to.")
    String boundaries;
    @Mixin
    ApportionmentOptions split;
    @Option(names = "--category", description = "The category of every row when the file has no category column.")
    String category;
    @Option(names = "--from", required = true, paramLabel = "YYYY-MM")
    String from;
    @Option(names = "--to", required = true, paramLabel = "YYYY-MM")
    String to;
    @Parameters(paramLabel = "FILE")
    Path file;
    @Mixin
    Output output;

    @Override
    public Integer call() throws Exception {
        Period period;
        try {
            period = Period.of(from, to);
        } catch (IllegalArgumentException e) {
            throw new org.wardheat.query.InvalidParameterException("from", e.getMessage());
        }
        org.wardheat.service.AreaTotalImport.Apportionment how = split.apportionment();
        AreaTotalReader.Result read = AreaTotalReader.read(file, category);
        return output.run(data, (analyses, format) -> {
            List<Ward> areas = analyses.boundaryWards(boundaries);
            LsoaApportionment apportionment = how.lsoaPolygons().isEmpty() ? null
                    : LsoaApportionment.read(areas, how.lsoaPolygons(), how.populationPolygons(), how.population());
            AreaTotals.Result r = AreaTotals.place(areas, read.rows(), apportionment, period);
            System.err.printf("%s: %d rows read: %d taken, %d rejected%n", file.getFileName(), read.read(), read.rows().size(), read.rejected().size());
            read.rejected().stream().limit(20).forEach(x -> System.err.printf("  line %d, %s: %s%n", x.line(), x.field(), x.reason()));
            System.err.printf(java.util.Locale.ROOT, "%s: %.0f counted; %.0f placed exactly by code or name, %.0f by LSOA (estimate), %.0f unmatched;"
                            + " %.1f%% of the counts needed splitting between wards%n", period, r.total(), r.exact(), r.apportioned(),
                    r.unmatched().values().stream().mapToDouble(Double::doubleValue).sum(), 100 * r.splitShare());
            if (apportionment != null && (apportionment.byInteriorPoint() > 0 || apportionment.outside() > 0)) {
                System.err.printf("LSOAs: %d placed by their own interior point (no population unit inside), %d outside every ward%n",
                        apportionment.byInteriorPoint(), apportionment.outside());
            }
            if (!r.unmatched().isEmpty()) {
                System.err.println("unmatched areas: " + String.join(", ", r.unmatched().keySet().stream().limit(30).toList())
                        + (r.unmatched().size() > 30 ? " … (" + r.unmatched().size() + ")" : ""));
            }
            return new Output.Result(Map.of("boundaries", boundaries, "period", period.toString(), "total", r.total(), "exact", r.exact(),
                    "apportioned", r.apportioned(), "split_share", r.splitShare(), "unmatched", r.unmatched(), "counts", r.counts()),
                    AreaTotalLayers.areas(r, areas, boundaries, period.toString()));
        }, Output.ALL);
    }
}
