package org.wardheat.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Reads ward polygons from GeoJSON with Sedona's GeoJSON data source. */
final class WardBoundaries {
    private static final Pattern WARD_CODE = Pattern.compile("(?i)WD\\d\\dCD");

    private WardBoundaries() {
    }

    /**
     * @return one row per ward: {@code code} (string) and {@code geom} (WGS84 lon/lat polygon; an invalid
     * polygon is repaired with ST_MakeValid, as wardheat repairs it with JTS GeometryFixer)
     * @throws IllegalArgumentException when no code field is given and none or several look like one,
     *                                  or when two features share a code
     */
    static Dataset<Row> read(SparkSession spark, String path, String codeField) {
        // a FeatureCollection file is one row with a 'features' array: one row per feature after explode
        Dataset<Row> features = spark.read().format("geojson").option("multiLine", "true").load(path)
                .selectExpr("explode(features) AS f").select("f.*");
        StructType properties = (StructType) features.schema().apply("properties").dataType();
        String code = codeField != null ? codeField : detectCodeField(properties, path);
        if (!Arrays.asList(properties.fieldNames()).contains(code)) {
            throw new IllegalArgumentException(path + ": the features have no property '" + code + "'");
        }
        features.createOrReplaceTempView("ward_features");
        Dataset<Row> wards = spark.sql("SELECT CAST(properties.`" + code + "` AS STRING) AS code,"
                + " CASE WHEN ST_IsValid(geometry) THEN geometry ELSE ST_MakeValid(geometry) END AS geom"
                + " FROM ward_features WHERE geometry IS NOT NULL");
        List<Row> duplicates = wards.groupBy("code").count().where("count > 1").limit(3).collectAsList();
        if (!duplicates.isEmpty()) {
            throw new IllegalArgumentException(path + ": ward code " + duplicates.get(0).getString(0) + " appears more than once");
        }
        return wards;
    }

    private static String detectCodeField(StructType properties, String path) {
        List<String> candidates = Arrays.stream(properties.fields()).map(StructField::name)
                .filter(n -> WARD_CODE.matcher(n).matches()).toList();
        if (candidates.size() != 1) {
            throw new IllegalArgumentException(path + ": cannot tell the ward code property (found " + candidates
                    + " among " + Arrays.toString(properties.fieldNames()) + "); give --code-field");
        }
        return candidates.get(0);
    }
}
