package org.wardheat.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The batch computation: police.uk rows joined to wards with Sedona, then counted.
 *
 * <p>A located row goes to the ward whose polygon covers its point ({@code ST_Intersects} of a point and
 * a polygon, boundary included); a point on an edge shared by two wards goes to the ward whose code sorts
 * first, as in wardheat's {@code WardIndex}, so every point counts in at most one ward. The wards are
 * broadcast to every executor (Sedona's broadcast index join). Each joined point is projected to British
 * National Grid once (Sedona {@code ST_Transform}, GeoTools underneath as in wardheat) and kept, so every
 * grid size reuses it.
 *
 * <p>Outputs (see the README, "Past one machine: the spark module"): {@code ward_counts},
 * {@code grid_counts_<cell>m} per cell size and {@code report}, each a directory with one CSV part file
 * with a header.
 */
public final class WardAggregation {
    private final SparkSession spark;
    private final Dataset<Row> inWards;
    private final Dataset<Row> rows;

    /** Reads, classifies and joins; nothing is computed until an output is asked for. */
    public WardAggregation(SparkSession spark, JobOptions options) {
        this.spark = spark;
        this.rows = PoliceUkRows.read(spark, options.crimesPath()).persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> wards = WardBoundaries.read(spark, options.wardsPath(), options.codeField());
        rows.createOrReplaceTempView("police_uk_rows");
        wards.createOrReplaceTempView("wards");
        this.inWards = spark.sql("""
                SELECT row_id, month, category, ward_code, ST_X(bng) AS easting, ST_Y(bng) AS northing
                FROM (SELECT *, ST_Transform(ST_Point(lon, lat), 'EPSG:4326', 'EPSG:27700') AS bng
                      FROM (SELECT /*+ BROADCAST(w) */ p.row_id, first(p.month) AS month, first(p.category) AS category,
                                   first(p.lon) AS lon, first(p.lat) AS lat, min(w.code) AS ward_code
                            FROM (SELECT *, ST_Point(lon, lat) AS geom FROM police_uk_rows WHERE status = 'located') p
                            JOIN wards w ON ST_Intersects(w.geom, p.geom)
                            GROUP BY p.row_id))
                """).persist(StorageLevel.MEMORY_AND_DISK());
        inWards.createOrReplaceTempView("in_wards");
    }

    /** {@code ward_code, month, category, count}: located rows in each ward, by month and category. */
    public Dataset<Row> wardCounts() {
        return spark.sql("SELECT ward_code, month, category, count(*) AS count FROM in_wards GROUP BY ward_code, month, category");
    }

    /**
     * {@code ward_code, cell_metres, col, row, month, category, count}: the same rows by square cell of
     * British National Grid (EPSG:27700, transformed with Sedona's ST_Transform); the cell holds eastings
     * {@code [col × cell, (col + 1) × cell)} and northings {@code [row × cell, (row + 1) × cell)} in metres.
     */
    public Dataset<Row> gridCounts(int cellMetres) {
        return spark.sql("SELECT ward_code, " + cellMetres + " AS cell_metres,"
                + " CAST(floor(easting / " + cellMetres + ") AS BIGINT) AS col,"
                + " CAST(floor(northing / " + cellMetres + ") AS BIGINT) AS row,"
                + " month, category, count(*) AS count"
                + " FROM in_wards GROUP BY ward_code, col, row, month, category");
    }

    /**
     * Every row read, accounted for: {@code rows_read = imported + outside_every_ward + without_location +
     * rejected}, and the rejected rows by field.
     */
    public Map<String, Long> report() {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (Row r : rows.groupBy("status").count().collectAsList()) {
            byStatus.put(r.getString(0), r.getLong(1));
        }
        long located = byStatus.getOrDefault("located", 0L);
        long imported = inWards.count();
        Map<String, Long> report = new LinkedHashMap<>();
        report.put("rows_read", byStatus.values().stream().mapToLong(Long::longValue).sum());
        report.put("imported", imported);
        report.put("outside_every_ward", located - imported);
        report.put("without_location", byStatus.getOrDefault("without location", 0L));
        report.put("rejected", byStatus.entrySet().stream().filter(e -> e.getKey().startsWith("rejected"))
                .mapToLong(Map.Entry::getValue).sum());
        byStatus.entrySet().stream().filter(e -> e.getKey().startsWith("rejected")).sorted(Map.Entry.comparingByKey())
                .forEach(e -> report.put("rejected_" + e.getKey().substring("rejected: ".length()).replace(' ', '_'), e.getValue()));
        return report;
    }

    /** Writes ward_counts, grid_counts_&lt;cell&gt;m and report under {@code out}; returns the report. */
    public Map<String, Long> writeAll(String out, List<Integer> cellsMetres) {
        write(wardCounts(), out + "/ward_counts", "ward_code", "month", "category");
        for (int cell : cellsMetres) {
            write(gridCounts(cell), out + "/grid_counts_" + cell + "m", "ward_code", "col", "row", "month", "category");
        }
        Map<String, Long> report = report();
        List<Row> lines = report.entrySet().stream().map(e -> org.apache.spark.sql.RowFactory.create(e.getKey(), e.getValue())).toList();
        Dataset<Row> table = spark.createDataFrame(lines, new org.apache.spark.sql.types.StructType()
                .add("measure", "string").add("count", "long"));
        table.coalesce(1).write().mode(SaveMode.Overwrite).option("header", "true").csv(out + "/report");
        return report;
    }

    private static void write(Dataset<Row> table, String path, String... sortColumns) {
        table.repartition(1).sortWithinPartitions(sortColumns[0], java.util.Arrays.copyOfRange(sortColumns, 1, sortColumns.length))
                .write().mode(SaveMode.Overwrite).option("header", "true").csv(path);
    }
}
