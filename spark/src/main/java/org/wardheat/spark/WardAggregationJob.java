package org.wardheat.spark;

import org.apache.sedona.spark.SedonaContext;
import org.apache.spark.sql.SparkSession;

import java.util.Map;

/**
 * Entry point for spark-submit: police.uk files joined to wards, counted by ward × month × category
 * and by grid cell. See the README ("Past one machine: the spark module") for the output format and the
 * spark-submit line.
 */
public final class WardAggregationJob {
    private WardAggregationJob() {
    }

    public static void main(String[] args) {
        JobOptions options;
        try {
            options = JobOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("wardheat-spark: " + e.getMessage());
            System.exit(2);
            return;
        }
        SparkSession.Builder builder = SedonaContext.builder().appName("wardheat ward aggregates");
        if (options.master() != null) {
            builder.master(options.master());
        }
        SparkSession spark = SedonaContext.create(builder.getOrCreate());
        try {
            Map<String, Long> report = run(spark, options);
            report.forEach((k, v) -> System.out.println(k + "," + v));
        } finally {
            spark.stop();
        }
    }

    /** Runs the job on a session that has Sedona's functions registered ({@link SedonaContext#create}). */
    public static Map<String, Long> run(SparkSession spark, JobOptions options) {
        return new WardAggregation(spark, options).writeAll(options.outPath(), options.cellsMetres());
    }
}
