package org.wardheat.text;

import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Every limit wardheat puts on the input it reads, in one place: incident files (police.uk, council
 * records), population and harm-weight CSVs, column mappings, boundary GeoJSON and drawn areas. Input
 * beyond a limit is refused with a message naming the limit; nothing is stored. The limits keep one file
 * or one request from taking the heap, the disk or the analyses down (issue #8).
 *
 * <p>The static constants are the limits in force. The record's components are the limits of one import
 * call; {@link #DEFAULT} holds the constants, and tests build smaller ones to try the limits quickly.
 *
 * @param maxDecompressedBytes    bytes of decompressed text one import call may read, over all its files
 * @param maxCompressionRatio     decompressed bytes per compressed byte allowed for one gzip file or zip
 *                                member, once it has given {@link #COMPRESSION_RATIO_GRACE_BYTES}
 * @param maxRowsPerCall          rows one import call may read, over all its files
 * @param maxFieldChars           characters in one CSV field
 * @param maxRecordChars          characters in one CSV record (a line, or the lines a quoted field spans)
 * @param maxCategoriesPerDataset distinct categories (crime types) in one dataset
 * @param maxCategories           distinct categories in the whole store
 * @param maxDatasets             datasets in the store
 */
public record InputLimits(long maxDecompressedBytes, double maxCompressionRatio, long maxRowsPerCall, int maxFieldChars,
                          int maxRecordChars, int maxCategoriesPerDataset, int maxCategories, int maxDatasets) {

    /** Decompressed bytes per import call: 2 GiB (all 32 real Kent files are 100 MB; a force-year about 60 MB). */
    public static final long MAX_DECOMPRESSED_BYTES = 2L << 30;
    /** Decompressed/compressed size: 100 (police.uk CSVs gzip about 4:1; a gzip bomb of one row repeated, 1000:1). */
    public static final double MAX_COMPRESSION_RATIO = 100;
    /** Decompressed bytes of a file before {@link #MAX_COMPRESSION_RATIO} applies: 16 MiB, so small repetitive files pass. */
    public static final long COMPRESSION_RATIO_GRACE_BYTES = 16L << 20;
    /** Rows per import call: 5,000,000 (a year of police.uk data for the largest force is about 1.2 M). */
    public static final long MAX_ROWS_PER_CALL = 5_000_000;
    /** Characters in one CSV field: 32,768. */
    public static final int MAX_FIELD_CHARS = 32_768;
    /** Characters in one CSV record: 131,072. */
    public static final int MAX_RECORD_CHARS = 131_072;
    /** Fields in one CSV record: 1,024. */
    public static final int MAX_FIELDS = 1_024;
    /** Characters of one number in a CSV field ({@link Decimal}): 40. */
    public static final int MAX_NUMBER_CHARS = 40;
    /** Distinct categories in one dataset: 1,000 (police.uk has 14 crime types). */
    public static final int MAX_CATEGORIES_PER_DATASET = 1_000;
    /** Distinct categories in the store: 10,000 (the in-memory incident table holds at most 32,767). */
    public static final int MAX_CATEGORIES = 10_000;
    /** Datasets in the store: 200. */
    public static final int MAX_DATASETS = 200;
    /** The earliest month an incident may have: January 1990. The latest is {@link #latestMonth()}. */
    public static final YearMonth EARLIEST_MONTH = YearMonth.of(1990, 1);

    /** Bytes of a boundary GeoJSON file: 256 MiB (Kent's 255 wards are 1.2 MB; England's LSOAs, generalised, about 150 MB). */
    public static final long MAX_GEOJSON_BYTES = 256L << 20;
    /** Positions (vertices) in one boundary GeoJSON file: 10,000,000. */
    public static final int MAX_GEOJSON_VERTICES = 10_000_000;
    /** Characters of an area's GeoJSON text (a drawn or uploaded focus area): 4,000,000. */
    public static final int MAX_AREA_CHARS = 4_000_000;
    /** Positions (vertices) in one area: 20,000 (a district outline, generalised, has about 2,000). */
    public static final int MAX_AREA_VERTICES = 20_000;
    /** Nesting depth of JSON arrays and objects: 32 (a GeoJSON MultiPolygon in a FeatureCollection needs 8). */
    public static final int MAX_JSON_DEPTH = 32;
    /** Characters of one JSON string (a property value or name): 65,536. */
    public static final int MAX_JSON_STRING_CHARS = 65_536;
    /** Characters of one JSON number: 64. */
    public static final int MAX_JSON_NUMBER_CHARS = 64;
    /** Bytes of a column-mapping file: 64 KiB. */
    public static final int MAX_MAPPING_BYTES = 64 << 10;
    /** Characters of one column name or fixed category in a column mapping: 200. */
    public static final int MAX_MAPPING_VALUE_CHARS = 200;

    /** The limits in force. */
    public static final InputLimits DEFAULT = new InputLimits(MAX_DECOMPRESSED_BYTES, MAX_COMPRESSION_RATIO,
            MAX_ROWS_PER_CALL, MAX_FIELD_CHARS, MAX_RECORD_CHARS, MAX_CATEGORIES_PER_DATASET, MAX_CATEGORIES, MAX_DATASETS);

    public InputLimits {
        if (maxDecompressedBytes <= 0 || !(maxCompressionRatio >= 1) || maxRowsPerCall <= 0 || maxFieldChars <= 0
                || maxRecordChars < maxFieldChars || maxCategoriesPerDataset <= 0 || maxCategories < maxCategoriesPerDataset
                || maxDatasets <= 0) {
            throw new IllegalArgumentException("inconsistent input limits");
        }
    }

    /** The latest month an incident may have: next month (UTC), so a file for the month just ended always passes. */
    public static YearMonth latestMonth() {
        return YearMonth.now(ZoneOffset.UTC).plusMonths(1);
    }
}
