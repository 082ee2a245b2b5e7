package org.wardheat.service;

import org.locationtech.jts.geom.Geometry;
import org.wardheat.model.Period;
import org.wardheat.boundaries.Projection;
import org.wardheat.boundaries.Ward;
import org.wardheat.boundaries.WardIndex;
import org.wardheat.repeats.Encampments;
import org.wardheat.model.Incident;
import org.wardheat.repeats.MonthlyTable;
import org.wardheat.repeats.NearRepeat;
import org.wardheat.repeats.Outliers;
import org.wardheat.repeats.Places;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Repeat locations, outliers, the monthly needle table, the encampment summary and near repeats, over
 * stored incident records. Records can be limited to a boundary set's wards, one ward, or a polygon.
 */
public final class RepeatService {
    private final Workspace workspace;

    public RepeatService(Workspace workspace) {
        this.workspace = workspace;
    }

    /**
     * Which records to analyse.
     *
     * @param boundaries a boundary set: records outside its wards are left out (null: keep all)
     * @param ward       a ward code of that set to keep only its records, or null
     * @param area       a WGS84 polygon to keep only the records inside, or null
     */
    public record Selection(Set<String> datasets, Set<String> categories, Period period, String boundaries, String ward,
                            Geometry area) {
        public Selection {
            datasets = datasets == null ? Set.of() : Set.copyOf(datasets);
            categories = categories == null ? Set.of() : Set.copyOf(categories);
        }
    }

    /** The selected records, each with its ward (null without a boundary set). */
    public record Selected(List<Incident> records, List<Ward> wards, int withoutLocation, int outsideArea) {
    }

    public Selected select(Selection s) {
        List<Incident> all = workspace.store().incidents().records(s.datasets(), s.categories(),
                Period.key(s.period().from()), Period.key(s.period().to()));
        WardIndex index = s.boundaries() == null ? null : workspace.boundarySet(s.boundaries()).index();
        if (s.ward() != null && index != null && index.wards().stream().noneMatch(w -> w.code().equals(s.ward()))) {
            throw new IllegalArgumentException("no ward " + s.ward() + " in boundary set " + s.boundaries());
        }
        var locator = s.area() == null ? null : new org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator(s.area());
        List<Incident> kept = new ArrayList<>();
        List<Ward> wards = new ArrayList<>();
        int noLocation = 0, outside = 0;
        for (Incident r : all) {
            Ward ward = null;
            if (r.hasLocation() && index != null) {
                int w = index.locate(r.lon(), r.lat());
                ward = w < 0 ? null : index.wards().get(w);
            }
            if (!r.hasLocation() && (index != null || locator != null)) {
                noLocation++;
                continue;
            }
            boolean in = (index == null || ward != null) && (s.ward() == null || (ward != null && ward.code().equals(s.ward())))
                    && (locator == null || locator.locate(new org.locationtech.jts.geom.Coordinate(r.lon(), r.lat()))
                    != org.locationtech.jts.geom.Location.EXTERIOR);
            if (!in) {
                outside++;
                continue;
            }
            kept.add(r);
            wards.add(ward);
        }
        return new Selected(kept, wards, noLocation, outside);
    }

    /** A place with its figures. */
    /**
     * The default grouping for the chosen datasets (none: all): by coordinates when any is police.uk data (its
     * points are anonymised snap points, and its labels generic), else by label (council records name their places).
     */
    public Places.Rule defaultRule(java.util.Set<String> datasets) {
        boolean police = false;
        for (org.wardheat.store.DatasetInfo d : workspace.store().importLog().datasets()) {
            if ((datasets.isEmpty() || datasets.contains(d.id())) && "police-uk".equals(d.kind())) {
                police = true;
            }
        }
        return police || datasets.isEmpty() ? Places.Rule.COORDINATES : Places.Rule.LABEL;
    }

    public record Place(int rank, String label, double lon, double lat, String wardCode, String wardName, int records,
                        double count, String first, String last, Map<String, Double> byPeriod, int outlierRecords) {
    }

    public record RepeatResult(List<Place> places, int placesFound, int records, double count, double countWithoutOutliers,
                               int outlierRecords, List<String> outliers, Map<String, Object> parameters) {
    }

    /**
     * Ranks places by records ({@code by = records}) or by summed count ({@code by = count}).
     *
     * @param periods         periods to count each place in side by side (may be empty)
     * @param excludeOutliers leave flagged records out of every figure
     */
    public RepeatResult repeats(Selection s, Places.Rule rule, double metres, int minPoints, String by, int top,
                                List<Period> periods, Outliers.Rules outlierRules, boolean excludeOutliers) {
        boolean byCount = switch (by) {
            case "count" -> true;
            case "records" -> false;
            default -> throw new IllegalArgumentException("rank by records or count, not '" + by + "'");
        };
        Selected sel = select(s);
        List<Incident> records = sel.records();
        List<Places.Place> groups = Places.group(records, rule, metres, minPoints);
        String[] flags = Outliers.flag(records, groups, outlierRules);
        double total = 0, clean = 0;
        int flagged = 0;
        List<String> outlierNotes = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            total += records.get(i).weight();
            if (flags[i] == null) {
                clean += records.get(i).weight();
            } else {
                flagged++;
                Incident r = records.get(i);
                outlierNotes.add((r.date() != null ? r.date() : r.monthText()) + " " + (r.location() == null ? "(no label)" : r.location())
                        + ": " + flags[i]);
            }
        }
        List<Place> places = new ArrayList<>();
        for (Places.Place g : groups) {
            int n = 0, out = 0;
            double sum = 0, lon = 0, lat = 0, located = 0;
            String first = null, last = null;
            Map<String, Integer> labels = new HashMap<>();
            Map<String, Integer> wardVotes = new HashMap<>();
            Map<String, Double> byPeriod = new LinkedHashMap<>();
            periods.forEach(p -> byPeriod.put(p.toString(), 0.0));
            for (int i : g.members()) {
                Incident r = records.get(i);
                if (flags[i] != null) {
                    out++;
                    if (excludeOutliers) {
                        continue;
                    }
                }
                n++;
                sum += r.weight();
                if (r.hasLocation()) {
                    lon += r.lon();
                    lat += r.lat();
                    located++;
                }
                String when = r.date() != null ? r.date() : r.monthText();
                first = first == null || when.compareTo(first) < 0 ? when : first;
                last = last == null || when.compareTo(last) > 0 ? when : last;
                if (r.location() != null) {
                    labels.merge(r.location().trim(), 1, Integer::sum);
                }
                Ward w = sel.wards().get(i);
                if (w != null) {
                    wardVotes.merge(w.code() + "\t" + w.name(), 1, Integer::sum);
                }
                for (Period p : periods) {
                    if (p.contains(r.month())) {
                        byPeriod.merge(p.toString(), byCount ? r.weight() : 1, Double::sum);
                    }
                }
            }
            if (n == 0) {
                continue;
            }
            String label = labels.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse("(no label)");
            String[] ward = wardVotes.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> e.getKey().split("\t"))
                    .orElse(new String[]{null, null});
            places.add(new Place(0, label, located == 0 ? Double.NaN : lon / located, located == 0 ? Double.NaN : lat / located,
                    ward[0], ward[1], n, sum, first, last, byPeriod, out));
        }
        places.sort(Comparator.comparingDouble((Place p) -> -(byCount ? p.count() : p.records()))
                .thenComparing(p -> -(byCount ? p.records() : p.count())).thenComparing(Place::label));
        List<Place> ranked = new ArrayList<>();
        for (int k = 0; k < Math.min(top, places.size()); k++) {
            Place p = places.get(k);
            ranked.add(new Place(k + 1, p.label(), p.lon(), p.lat(), p.wardCode(), p.wardName(), p.records(), p.count(),
                    p.first(), p.last(), p.byPeriod(), p.outlierRecords()));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("period", s.period().toString());
        params.put("grouping", rule.name().toLowerCase() + (rule == Places.Rule.DISTANCE ? " (DBSCAN " + metres + " m, " + minPoints + " points with itself)" : ""));
        params.put("ranked_by", by);
        params.put("outlier_rule", outlierRules.toString());
        params.put("outliers_excluded", excludeOutliers);
        params.put("records_without_location", sel.withoutLocation());
        params.put("records_outside_area", sel.outsideArea());
        return new RepeatResult(ranked, places.size(), records.size(), total, clean, flagged, outlierNotes, params);
    }

    /** Top N places per period, side by side: for each period, its own ranking. */
    public Map<String, List<Place>> topPerPeriod(Selection s, Places.Rule rule, double metres, int minPoints, String by,
                                                 int top, List<Period> periods, Outliers.Rules rules, boolean exclude) {
        Map<String, List<Place>> out = new LinkedHashMap<>();
        for (Period p : periods) {
            Selection one = new Selection(s.datasets(), s.categories(), p, s.boundaries(), s.ward(), s.area());
            out.put(p.toString(), repeats(one, rule, metres, minPoints, by, top, List.of(), rules, exclude).places());
        }
        return out;
    }

    public MonthlyTable.Table monthlyTable(Selection s, int firstMonth, String measure, Outliers.Rules rules, boolean exclude) {
        List<Incident> records = select(s).records();
        if (exclude) {
            records = Outliers.without(records, Outliers.flag(records, Places.group(records, Places.Rule.LABEL, 0, 0), rules));
        }
        return MonthlyTable.build(records, firstMonth, measure);
    }

    public List<Encampments.Year> encampments(Selection s, int firstMonth, LocalDate asOf) {
        return Encampments.summarise(select(s).records(), firstMonth, asOf, s.period().to().atEndOfMonth());
    }

    /**
     * Near repeats: day precision when every record has a date, otherwise months (police.uk).
     *
     * @param temporalWidth band width in days or months; null for 14 days or 1 month
     * @param temporalBands how many bands; null for 5 (days) or 6 (months)
     */
    public NearRepeat.Result nearRepeat(Selection s, double[] spatialBands, Integer temporalWidth, Integer temporalBands,
                                        int simulations, long seed) {
        List<Incident> records = select(s).records().stream().filter(Incident::hasLocation).toList();
        if (records.size() < 2) {
            throw new IllegalArgumentException("near-repeat analysis needs at least 2 located incidents; found " + records.size());
        }
        boolean days = records.stream().allMatch(r -> r.date() != null);
        double[] xy = new double[2 * records.size()];
        int[] t = new int[records.size()];
        for (int i = 0; i < records.size(); i++) {
            Incident r = records.get(i);
            xy[2 * i] = r.lon();
            xy[2 * i + 1] = r.lat();
            t[i] = days ? (int) LocalDate.parse(r.date()).toEpochDay() : (r.month() / 100) * 12 + r.month() % 100 - 1;
        }
        Projection.transformInPlace(xy, Projection.WGS84, Projection.BNG);
        double[] x = new double[records.size()], y = new double[records.size()];
        for (int i = 0; i < records.size(); i++) {
            x[i] = xy[2 * i];
            y[i] = xy[2 * i + 1];
        }
        String what = s.categories().size() == 1 ? s.categories().iterator().next() : "incident";
        int width = temporalWidth != null ? temporalWidth : days ? 14 : 1;
        int bands = temporalBands != null ? temporalBands : days ? 5 : 6;
        return NearRepeat.test(x, y, t, new NearRepeat.Parameters(spatialBands, width, bands,
                days ? "days" : "months", simulations, seed), what);
    }
}
