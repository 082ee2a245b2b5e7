package org.wardheat.cli;

import org.wardheat.boundaries.DeprivationContext;
import org.wardheat.boundaries.Ward;
import org.wardheat.export.Column;
import org.wardheat.export.FeatureTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "context", description = {
        "Deprivation (IoD 2019 by LSOA 2011) and residents by age (Census 2021 by LSOA 2021) per ward and for a focus",
        "area made of wards: population-weighted mean IMD rank (1 = most deprived in England), share of residents in",
        "the most deprived decile, residents per age band."})
final class ContextCommand implements Callable<Integer> {
    @Mixin
    DataOption data;
    @Option(names = "--boundaries", paramLabel = "ID", description = "The boundary set (not needed with --area-id).")
    String boundaries;
    @Option(names = "--area-id", paramLabel = "N", description = "A saved focus area made of wards (instead of --ward).")
    Long areaId;
    @Option(names = "--ward", paramLabel = "CODE", description = "A ward of the focus area (repeatable; default: the whole set).")
    List<String> wards = List.of();
    @Option(names = "--lsoa11-polygons", required = true, paramLabel = "GEOJSON", description = "LSOA 2011 polygons (repeatable).")
    List<Path> lsoa11;
    @Option(names = "--lsoa21-polygons", required = true, paramLabel = "GEOJSON", description = "Census LSOA 2021 polygons (repeatable).")
    List<Path> lsoa21;
    @Option(names = "--population", required = true, paramLabel = "CSV", description = "Census 2021 residents: lsoa21_code, age_group, usual_residents.")
    Path population;
    @Option(names = "--iod", required = true, paramLabel = "CSV", description = "IoD 2019: lsoa11_code, index_of_multiple_deprivation_imd_rank and _decile.")
    Path iod;
    @Option(names = "--store", description = {"Also store each ward's figures for the set: the map's context layer, the focus-area",
            "summary and rates per population of an age group (--per-population) use them."})
    boolean store;
    @Mixin
    Output output;

    @Override
    public Integer call() throws Exception {
        return output.run(data, (analyses, format) -> {
            String set = boundaries;
            List<String> picked = wards;
            if (areaId != null) {
                var area = analyses.area(new org.wardheat.query.AreaQuery(null, List.of(), null, areaId));
                if (area.wardCodes().isEmpty()) {
                    throw new org.wardheat.query.InvalidParameterException("area-id", "focus area " + areaId
                            + " is a drawn polygon; context figures are by ward for now: save the area as wards");
                }
                set = area.boundaries();
                picked = area.wardCodes();
            }
            String setId = set;
            List<Ward> all = analyses.boundaryWards(setId);
            List<String> chosen = picked.isEmpty() ? all.stream().map(Ward::code).toList() : picked;
            for (String c : chosen) {
                if (all.stream().noneMatch(w -> w.code().equals(c))) {
                    throw new org.wardheat.query.InvalidParameterException("ward", "'" + c + "' is not a ward of " + setId);
                }
            }
            DeprivationContext ctx = DeprivationContext.read(all, lsoa11, lsoa21, population, iod);
            if (store) {
                analyses.storeContext(setId, ctx, population.getFileName() + " + " + iod.getFileName());
                System.err.println("context stored for the " + all.size() + " areas of " + setId);
            }
            DeprivationContext.Figures focus = ctx.figures(chosen);
            List<Column> columns = new ArrayList<>(List.of(Column.text("area_code"), Column.text("area_name"), Column.decimal("residents", 0),
                    Column.decimal("mean_imd_rank", 1), Column.decimal("share_imd_decile_1", 4)));
            focus.byAge().keySet().forEach(band -> columns.add(Column.decimal(band.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_"), 0)));
            FeatureTable.Builder b = FeatureTable.builder("context_" + setId, columns);
            List<Object> json = new ArrayList<>();
            for (Ward w : all) {
                if (chosen.contains(w.code())) {
                    DeprivationContext.Figures f = ctx.figures(List.of(w.code()));
                    b.add(w.geometry(), row(w.code(), w.name(), f, focus));
                    json.add(Map.of("code", w.code(), "name", w.name(), "figures", f));
                }
            }
            b.add(null, row("focus", "the " + chosen.size() + " wards together", focus, focus));
            json.add(Map.of("code", "focus", "figures", focus));
            return new Output.Result(json, b.build());
        }, Output.ALL);
    }

    private static Object[] row(String code, String name, DeprivationContext.Figures f, DeprivationContext.Figures bands) {
        List<Object> v = new ArrayList<>(List.of(code, name, f.residents()));
        v.add(f.meanRank());
        v.add(f.shareMostDeprived());
        bands.byAge().keySet().forEach(band -> v.add(f.byAge().getOrDefault(band, 0.0)));
        return v.toArray();
    }
}
