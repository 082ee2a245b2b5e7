package org.wardheat.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads police.uk street-level files and classifies every row as wardheat's import does: {@code located},
 * {@code without location} (both coordinates blank, police.uk's "No Location"), or {@code rejected: FIELD}
 * (Month not YYYY-MM with a year 1900-2999, blank Crime type, a coordinate that is not a finite number,
 * only one coordinate given, longitude and latitude swapped, or a position outside the UK: longitude -9.5
 * to 3.0, latitude 49.0 to 61.5).
 */
final class PoliceUkRows {
    static final List<String> REQUIRED = List.of("Month", "Longitude", "Latitude", "Crime type");

    private PoliceUkRows() {
    }

    /**
     * @param path a directory searched recursively for {@code *-street.csv} and {@code *-street.csv.gz}
     * @return columns {@code row_id} (long, unique), {@code month} (YYYY-MM), {@code category},
     * {@code lon}, {@code lat} (degrees, WGS84) and {@code status}
     */
    static Dataset<Row> read(SparkSession spark, String path) {
        Dataset<Row> raw = spark.read().option("header", "true").option("recursiveFileLookup", "true")
                .option("pathGlobFilter", "*-street.csv*").csv(path);
        List<String> missing = new ArrayList<>(REQUIRED);
        missing.removeAll(Arrays.asList(raw.columns()));
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(path + ": police.uk street files lack the columns " + missing);
        }
        raw.createOrReplaceTempView("police_uk_raw");
        return spark.sql("""
                SELECT monotonically_increasing_id() AS row_id, month_s AS month, category, lon, lat,
                  CASE
                    WHEN NOT (month_s RLIKE '^[0-9]{4}-[0-9]{2}$' AND CAST(substr(month_s, 1, 4) AS INT) BETWEEN 1900 AND 2999
                              AND CAST(substr(month_s, 6, 2) AS INT) BETWEEN 1 AND 12) THEN 'rejected: Month'
                    WHEN category = '' THEN 'rejected: Crime type'
                    WHEN lon_s <> '' AND (lon IS NULL OR isnan(lon) OR abs(lon) = double('infinity')) THEN 'rejected: Longitude'
                    WHEN lat_s <> '' AND (lat IS NULL OR isnan(lat) OR abs(lat) = double('infinity')) THEN 'rejected: Latitude'
                    WHEN lon_s = '' AND lat_s = '' THEN 'without location'
                    WHEN lon_s = '' THEN 'rejected: Longitude'
                    WHEN lat_s = '' THEN 'rejected: Latitude'
                    WHEN NOT (lon BETWEEN -9.5 AND 3.0 AND lat BETWEEN 49.0 AND 61.5) THEN 'rejected: Longitude'
                    ELSE 'located'
                  END AS status
                FROM (SELECT coalesce(trim(`Month`), '') AS month_s, coalesce(trim(`Crime type`), '') AS category,
                             coalesce(trim(Longitude), '') AS lon_s, coalesce(trim(Latitude), '') AS lat_s,
                             CAST(trim(Longitude) AS DOUBLE) AS lon, CAST(trim(Latitude) AS DOUBLE) AS lat
                      FROM police_uk_raw)
                """);
    }
}
