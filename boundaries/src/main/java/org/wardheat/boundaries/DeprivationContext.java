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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Deprivation (IoD 2019, by LSOA 2011) and population by age (Census 2021, by LSOA 2021) for wards and groups
 * of wards (focus areas).
 *
 * <p>Method: every Census 2021 LSOA is placed at its polygon's interior point (JTS {@code getInteriorPoint},
 * WGS84 lon/lat); that point lies in one LSOA 2011 (whose IoD rank and decile it takes) and one ward. An area's
 * population-weighted average rank is Σ residents × rank / Σ residents over the Census LSOAs placed in it; its
 * share in the most deprived decile is the residents whose LSOA 2011 is in decile 1 over all its residents.
 * Rank 1 is the most deprived of England's 32,844 LSOAs. Census LSOAs whose point lies in no IoD LSOA count in
 * the population but not in the deprivation figures ({@link Figures#residentsWithIod}).</p>
 */
public final class DeprivationContext {
    /** One Census LSOA placed: its ward, its residents by age band, and the IoD of the LSOA 2011 holding it (null if none). */
    private record Unit(String ward, Map<String, Double> byAge, Integer rank, Integer decile) {
    }

    /**
     * @param residents          all residents placed in the area
     * @param residentsWithIod   of which in an LSOA 2011 with an IoD figure
     * @param meanRank           population-weighted mean IMD rank (null without IoD residents)
     * @param shareMostDeprived  share of {@code residentsWithIod} in IMD decile 1 (null without IoD residents)
     * @param byAge              residents per Census age band, in band order
     */
    public record Figures(double residents, double residentsWithIod, Double meanRank, Double shareMostDeprived,
                         Map<String, Double> byAge) {
    }

    private final List<Unit> units;

    private DeprivationContext(List<Unit> units) {
        this.units = units;
    }

    /**
     * @param wards          the set's wards (WGS84)
     * @param lsoa11Polygons LSOA 2011 polygons (GeoJSON, {@code LSOA11CD})
     * @param lsoa21Polygons Census LSOA 2021 polygons (GeoJSON, {@code LSOA21CD})
     * @param ageCsv         Census residents: {@code lsoa21_code, age_group, usual_residents} (one row per band)
     * @param iodCsv         IoD 2019: {@code lsoa11_code}, {@code index_of_multiple_deprivation_imd_rank}, {@code ..._decile}
     */
    public static DeprivationContext read(List<Ward> wards, List<Path> lsoa11Polygons, List<Path> lsoa21Polygons, Path ageCsv, Path iodCsv) {
        List<Ward> l11 = new ArrayList<>(), l21 = new ArrayList<>();
        lsoa11Polygons.forEach(f -> l11.addAll(BoundaryReader.forLsoas().read(f).wards()));
        lsoa21Polygons.forEach(f -> l21.addAll(BoundaryReader.forLsoas().read(f).wards()));
        Map<String, Map<String, Double>> ages = new HashMap<>();
        for (String[] row : rows(ageCsv, "lsoa21_code", "age_group", "usual_residents")) {
            ages.computeIfAbsent(row[0], k -> new TreeMap<>(DeprivationContext::byBand)).merge(row[1], number(ageCsv, row), Double::sum);
        }
        Map<String, int[]> iod = new HashMap<>();
        for (String[] row : rows(iodCsv, "lsoa11_code", "index_of_multiple_deprivation_imd_rank", "index_of_multiple_deprivation_imd_decile")) {
            iod.put(row[0], new int[]{(int) Decimal.parse(row[1]), (int) Decimal.parse(row[2])});
        }
        WardIndex wardIndex = new WardIndex(wards), l11Index = new WardIndex(l11);
        List<Unit> units = new ArrayList<>();
        for (Ward u : l21) {
            Map<String, Double> a = ages.get(u.code());
            if (a == null) {
                continue;
            }
            Point p = u.geometry().getInteriorPoint();
            int w = wardIndex.locate(p.getX(), p.getY());
            if (w == WardIndex.OUTSIDE) {
                continue;
            }
            int l = l11Index.locate(p.getX(), p.getY());
            int[] d = l == WardIndex.OUTSIDE ? null : iod.get(l11Index.wards().get(l).code());
            units.add(new Unit(wardIndex.wards().get(w).code(), a, d == null ? null : d[0], d == null ? null : d[1]));
        }
        return new DeprivationContext(units);
    }

    /** The figures for the wards {@code wardCodes} together. */
    public Figures figures(Collection<String> wardCodes) {
        double residents = 0, withIod = 0, rankSum = 0, decile1 = 0;
        Map<String, Double> byAge = new TreeMap<>(DeprivationContext::byBand);
        for (Unit u : units) {
            if (!wardCodes.contains(u.ward())) {
                continue;
            }
            double n = u.byAge().values().stream().mapToDouble(Double::doubleValue).sum();
            residents += n;
            u.byAge().forEach((band, k) -> byAge.merge(band, k, Double::sum));
            if (u.rank() != null) {
                withIod += n;
                rankSum += n * u.rank();
                decile1 += u.decile() == 1 ? n : 0;
            }
        }
        return new Figures(residents, withIod, withIod == 0 ? null : rankSum / withIod, withIod == 0 ? null : decile1 / withIod, byAge);
    }

    /** Orders Census bands by their first number ("Aged 15 years and under" before "Aged 16 to 24 years"). */
    private static int byBand(String a, String b) {
        int c = Integer.compare(firstNumber(a), firstNumber(b));
        return c != 0 ? c : a.compareTo(b);
    }

    private static int firstNumber(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+").matcher(s);
        return m.find() ? Integer.parseInt(m.group()) - (s.contains("under") ? 1000 : 0) : Integer.MAX_VALUE;
    }

    private static double number(Path file, String[] row) {
        return Decimal.parse(row[2].replace(",", ""));
    }

    /** The named columns of every row (strict CSV, default limits); a bad row fails the file, naming its line and field. */
    private static List<String[]> rows(Path file, String... columns) {
        List<String[]> out = new ArrayList<>();
        try (CsvReader csv = new CsvReader(BoundedInput.open(file), StandardCharsets.UTF_8, InputLimits.DEFAULT)) {
            Header header = Header.read(csv);
            int[] at = new int[columns.length];
            for (int i = 0; i < columns.length; i++) {
                at[i] = header.find(columns[i]);
                if (at[i] < 0) {
                    throw new BoundaryException(file + ": line 1: no column '" + columns[i] + "' (found " + header.names() + ")");
                }
            }
            long n = 0;
            for (String[] row = csv.next(); row != null; row = csv.next()) {
                if (++n > InputLimits.MAX_ROWS_PER_CALL) {
                    throw new BoundaryException(file + ": more than " + InputLimits.MAX_ROWS_PER_CALL + " rows (limit InputLimits.MAX_ROWS_PER_CALL)");
                }
                if (row.length != header.size()) {
                    throw new BoundaryException(file + ": line " + csv.lastLine() + ": expected " + header.size() + " fields, found " + row.length);
                }
                String[] picked = new String[columns.length];
                for (int i = 0; i < columns.length; i++) {
                    picked[i] = row[at[i]].trim();
                }
                for (int i = 1; i < columns.length; i++) {
                    if (columns[i].endsWith("rank") || columns[i].endsWith("decile") || columns[i].endsWith("residents")) {
                        try {
                            Decimal.parse(picked[i].replace(",", ""));
                        } catch (NumberFormatException e) {
                            throw new BoundaryException(file + ": line " + csv.lastLine() + ": field '" + columns[i] + "': not a number: '"
                                    + Text.shorten(picked[i]) + "'");
                        }
                    }
                }
                out.add(picked);
            }
        } catch (CsvReader.BadRecord e) {
            throw new BoundaryException(file + ": line " + e.line() + ": " + e.reason(), e);
        } catch (IOException e) {
            throw new BoundaryException(file + ": " + e.getMessage(), e);
        }
        return out;
    }
}
