package org.wardheat.cli;

import org.wardheat.service.AreaTotalImport;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/** How LSOA area totals are split over wards by population: the options of {@code area-totals} and {@code import --area-totals}. */
final class ApportionmentOptions {
    @Option(names = "--lsoa-polygons", paramLabel = "GEOJSON", description = "Polygons of the LSOAs the file names (2011 or 2021; repeatable).")
    List<Path> lsoaPolygons = List.of();
    @Option(names = "--population-polygons", paramLabel = "GEOJSON", description = "Polygons of the population units, e.g. Census LSOA 2021 (repeatable).")
    List<Path> populationPolygons = List.of();
    @Option(names = "--population", paramLabel = "CSV", description = "Residents per population unit (code, residents; rows per unit summed).")
    Path population;

    /** The apportionment; refused (parameter {@code population}) when LSOA polygons come without the population. */
    AreaTotalImport.Apportionment apportionment() {
        try {
            return new AreaTotalImport.Apportionment(lsoaPolygons, populationPolygons, population);
        } catch (IllegalArgumentException e) {
            throw new org.wardheat.query.InvalidParameterException("population", e.getMessage());
        }
    }
}
