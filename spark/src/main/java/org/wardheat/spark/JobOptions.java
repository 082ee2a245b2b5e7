package org.wardheat.spark;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@link WardAggregationJob}, checked before any work.
 *
 * @param crimesPath  a directory (searched recursively) of police.uk {@code *-street.csv} files, gzipped or not;
 *                    any path Spark reads: local, {@code hdfs://}, {@code s3a://}
 * @param wardsPath   a GeoJSON FeatureCollection of ward polygons in WGS84 longitude/latitude
 * @param outPath     the output directory (replaced)
 * @param codeField   the ward code property, or null to detect one named like {@code WD22CD}
 * @param cellsMetres grid cell sizes in metres (EPSG:27700), each 10 to 10,000
 * @param master      the Spark master for a run outside spark-submit (e.g. {@code local[*]}), or null
 */
public record JobOptions(String crimesPath, String wardsPath, String outPath, String codeField,
                         List<Integer> cellsMetres, String master) {
    public static final String USAGE = "usage: WardAggregationJob --crimes DIR --wards WARDS.geojson --out DIR"
            + " [--code-field WD22CD] [--cells 250,100] [--master local[*]]";

    public JobOptions {
        if (crimesPath == null || wardsPath == null || outPath == null) {
            throw new IllegalArgumentException("--crimes, --wards and --out are required; " + USAGE);
        }
        cellsMetres = List.copyOf(cellsMetres);
        for (int cell : cellsMetres) {
            if (cell < 10 || cell > 10_000) {
                throw new IllegalArgumentException("--cells: each cell size must be 10 to 10000 metres, not " + cell);
            }
        }
        if (cellsMetres.size() != cellsMetres.stream().distinct().count()) {
            throw new IllegalArgumentException("--cells: a cell size is given twice: " + cellsMetres);
        }
    }

    public static JobOptions parse(String... args) {
        String crimes = null, wards = null, out = null, code = null, master = null;
        List<Integer> cells = List.of(250);
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value; " + USAGE);
            }
            String value = args[++i];
            switch (name) {
                case "--crimes" -> crimes = value;
                case "--wards" -> wards = value;
                case "--out" -> out = value;
                case "--code-field" -> code = value;
                case "--master" -> master = value;
                case "--cells" -> cells = cells(value);
                default -> throw new IllegalArgumentException("unknown option " + name + "; " + USAGE);
            }
        }
        return new JobOptions(crimes, wards, out, code, cells, master);
    }

    private static List<Integer> cells(String value) {
        List<Integer> cells = new ArrayList<>();
        for (String part : value.split(",")) {
            try {
                cells.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--cells: '" + part + "' is not a whole number of metres");
            }
        }
        return cells;
    }
}
