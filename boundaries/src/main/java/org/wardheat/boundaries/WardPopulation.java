package org.wardheat.boundaries;

import org.locationtech.jts.geom.Point;
import org.wardheat.text.BoundedInput;
import org.wardheat.text.CsvReader;
import org.wardheat.text.Decimal;
import org.wardheat.text.Header;
import org.wardheat.text.InputLimits;
import org.wardheat.text.Text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resident population per ward, read from a ward CSV or estimated from LSOA populations and polygons.
 *
 * <p>LSOA estimate: each LSOA's residents go whole to the ward containing the LSOA's interior point
 * (JTS {@code getInteriorPoint}), the way ONS best-fit lookups assign small areas. Census 2021 publishes
 * LSOA counts; ward estimates lag boundary changes, so this gives populations for any ward vintage.
 */
public final class WardPopulation {

    /**
     * @param residents   residents per ward code, for the wards found
     * @param source      a description of where the figures came from
     * @param notes       what was left out and why (unknown codes, LSOAs outside every ward)
     */
    public record Result(Map<String, Double> residents, String source, List<String> notes) {
    }

    private WardPopulation() {
    }

    /**
     * Reads a CSV of ward code and residents. The code column is the first header named like
     * {@code ward_code}, {@code WD22CD} or {@code code}; the residents column is named {@code residents},
     * {@code population}, {@code usual_residents} or {@code count}. Codes not in {@code wardCodes} are
     * reported in the notes, not stored.
     */
    public static Result fromWardCsv(Path file, java.util.Set<String> wardCodes) {
        Map<String, Double> byCode = readCounts(file, new String[]{"ward_code", "wardcode", "WD25CD", "WD24CD", "WD23CD", "WD22CD", "WD21CD", "WD19CD", "WD13CD", "code"});
        Map<String, Double> residents = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (Map.Entry<String, Double> e : byCode.entrySet()) {
            if (wardCodes.contains(e.getKey())) {
                residents.put(e.getKey(), e.getValue());
            } else {
                notes.add(file.getFileName() + ": ward code " + e.getKey() + " is not in the boundary set; ignored");
            }
        }
        for (String code : wardCodes) {
            if (!residents.containsKey(code)) {
                notes.add("no population for ward " + code + ": its rates will be empty");
            }
        }
        return new Result(residents, file.getFileName().toString(), notes);
    }

    /**
     * Estimates ward residents from LSOA counts and LSOA polygons.
     *
     * @param index       the boundary set's wards
     * @param lsoaPolygons GeoJSON of LSOA polygons ({@code LSOA21CD} or {@code LSOA11CD})
     * @param lsoaCounts  CSV of LSOA code and residents; several rows per LSOA (age bands) are summed
     */
    public static Result fromLsoas(WardIndex index, Path lsoaPolygons, Path lsoaCounts) {
        BoundaryReader.Result lsoas = BoundaryReader.forLsoas().read(lsoaPolygons);
        Map<String, Double> counts = readCounts(lsoaCounts, new String[]{"lsoa21_code", "lsoa21cd", "lsoa11_code", "lsoa11cd", "lsoa_code", "lsoacode", "code"});
        Map<String, Double> residents = new LinkedHashMap<>();
        for (Ward w : WardIndex.sortedByCode(index.wards())) {
            residents.put(w.code(), 0.0);
        }
        List<String> notes = new ArrayList<>();
        int assigned = 0, outside = 0, noCount = 0;
        for (Ward lsoa : lsoas.wards()) {
            Double n = counts.get(lsoa.code());
            if (n == null) {
                noCount++;
                continue;
            }
            Point p = lsoa.geometry().getInteriorPoint();
            int w = index.locate(p.getX(), p.getY());
            if (w == WardIndex.OUTSIDE) {
                outside++;
                continue;
            }
            residents.merge(index.wards().get(w).code(), n, Double::sum);
            assigned++;
        }
        notes.add(assigned + " LSOAs assigned to wards by interior point");
        if (outside > 0) {
            notes.add(outside + " LSOAs lie outside every ward of the set and were left out");
        }
        if (noCount > 0) {
            notes.add(noCount + " LSOA polygons have no count in " + lsoaCounts.getFileName() + " and were left out");
        }
        residents.forEach((code, n) -> {
            if (n == 0) {
                notes.add("ward " + code + " received no LSOA: its rates will be empty");
            }
        });
        residents.values().removeIf(n -> n == 0);
        return new Result(residents, "LSOA estimate: " + lsoaCounts.getFileName() + " + " + lsoaPolygons.getFileName(), notes);
    }

    /**
     * Reads code → summed count from a CSV (optionally gzipped) with the strict CSV reader and the default
     * {@link InputLimits}, naming file, line and field on error. Counts are plain decimals; thousands
     * separators ({@code "5,120"}) are allowed.
     */
    static Map<String, Double> readCounts(Path file, String[] codeColumns) {
        Map<String, Double> counts = new HashMap<>();
        try (CsvReader csv = new CsvReader(BoundedInput.open(file), StandardCharsets.UTF_8, InputLimits.DEFAULT)) {
            Header header = Header.read(csv);
            int code = header.find(codeColumns);
            int value = header.find("residents", "usual_residents", "population", "all_residents", "count", "total");
            if (code < 0 || value < 0) {
                throw new BoundaryException(file + ": line 1: need a code column and a residents column, found "
                        + header.names());
            }
            long rows = 0;
            for (String[] row = csv.next(); row != null; row = csv.next()) {
                if (row.length == 1 && row[0].isBlank()) {
                    continue;
                }
                if (++rows > InputLimits.MAX_ROWS_PER_CALL) {
                    throw new BoundaryException(file + ": more than " + InputLimits.MAX_ROWS_PER_CALL
                            + " rows (limit InputLimits.MAX_ROWS_PER_CALL)");
                }
                if (row.length != header.size()) {
                    throw new BoundaryException(file + ": line " + csv.line() + ": expected " + header.size()
                            + " fields, found " + row.length);
                }
                double n;
                try {
                    n = Decimal.parse(row[value].replace(",", ""));
                } catch (NumberFormatException e) {
                    throw new BoundaryException(file + ": line " + csv.line() + ": field '" + header.name(value)
                            + "': not a number: '" + Text.shorten(row[value]) + "'");
                }
                if (n < 0) {
                    throw new BoundaryException(file + ": line " + csv.line() + ": field '" + header.name(value)
                            + "': residents must be zero or more, found " + row[value]);
                }
                counts.merge(row[code].trim(), n, Double::sum);
            }
        } catch (CsvReader.BadRecord e) {
            throw new BoundaryException(file + ": line " + e.line() + (e.field() >= 0 ? ", field " + (e.field() + 1) : "")
                    + ": " + e.reason(), e);
        } catch (IOException e) {
            throw new BoundaryException(file + ": " + e.getMessage(), e);
        }
        return counts;
    }
}
