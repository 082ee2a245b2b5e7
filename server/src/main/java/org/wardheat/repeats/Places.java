package org.wardheat.repeats;

import org.wardheat.boundaries.Projection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wardheat.model.Incident;

/**
 * Groups incidents into places. Three rules:
 * <ul>
 *   <li>{@link Rule#COORDINATES}: identical coordinates (to 1e-6°; police.uk snaps crimes to anonymous
 *       points, so a place is one point);</li>
 *   <li>{@link Rule#LABEL}: the same normalised location label ({@link Labels}); records without a label, or
 *       with a generic one (police.uk's "On or near Supermarket", {@link Labels#isGeneric}), fall back to their
 *       coordinates, so a generic name never merges places across an area;</li>
 *   <li>{@link Rule#DISTANCE}: DBSCAN in British National Grid metres: points with at least
 *       {@code minPoints} points within {@code metres}, counting the point itself (the usual DBSCAN
 *       convention, as scikit-learn's {@code min_samples}), are cores, and clusters grow through cores;
 *       points in no cluster are places of their own. With the default 2, two finds at one spot are
 *       one place.</li>
 * </ul>
 * Records without a location and without a label are left out (counted by the caller).
 */
public final class Places {
    public enum Rule {
        COORDINATES, LABEL, DISTANCE;

        public static Rule parse(String s) {
            return switch (s == null ? "coordinates" : s.toLowerCase(Locale.ROOT)) {
                case "coordinates", "point" -> COORDINATES;
                case "label", "location" -> LABEL;
                case "distance", "dbscan" -> DISTANCE;
                default -> throw new IllegalArgumentException("grouping must be coordinates, label or distance, not '" + s + "'");
            };
        }
    }

    /** A place: the indexes of its records in the list given to {@link #group}. */
    public record Place(String key, List<Integer> members) {
    }

    private Places() {
    }

    /**
     * @param metres    the DBSCAN radius (for {@link Rule#DISTANCE})
     * @param minPoints DBSCAN's minimum points within {@code metres} of a core point, itself included, at
     *                  least 1 (for {@link Rule#DISTANCE})
     */
    public static List<Place> group(List<Incident> records, Rule rule, double metres, int minPoints) {
        return switch (rule) {
            case COORDINATES -> byKey(records, r -> r.hasLocation() ? coordinateKey(r) : null);
            case LABEL -> byKey(records, r -> {
                String l = Labels.normalise(r.location());
                return l != null && !Labels.isGeneric(l) ? "label:" + l : r.hasLocation() ? coordinateKey(r) : null;
            });
            case DISTANCE -> dbscan(records, metres, minPoints);
        };
    }

    private interface KeyOf {
        String key(Incident r);
    }

    private static List<Place> byKey(List<Incident> records, KeyOf keyOf) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            String k = keyOf.key(records.get(i));
            if (k != null) {
                groups.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
            }
        }
        List<Place> places = new ArrayList<>();
        groups.forEach((k, m) -> places.add(new Place(k, m)));
        return places;
    }

    static String coordinateKey(Incident r) {
        return String.format(Locale.ROOT, "point:%.6f,%.6f", r.lon(), r.lat());
    }

    private static List<Place> dbscan(List<Incident> records, double metres, int minPoints) {
        if (!(metres > 0)) {
            throw new IllegalArgumentException("the grouping distance must be more than 0 metres, not " + metres);
        }
        if (minPoints < 1) {
            throw new IllegalArgumentException("the minimum points of a DBSCAN core (the point itself included) must be at least 1, not " + minPoints);
        }
        List<Integer> located = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).hasLocation()) {
                located.add(i);
            }
        }
        int n = located.size();
        double[] xy = new double[2 * n];
        for (int k = 0; k < n; k++) {
            xy[2 * k] = records.get(located.get(k)).lon();
            xy[2 * k + 1] = records.get(located.get(k)).lat();
        }
        Projection.transformInPlace(xy, Projection.WGS84, Projection.BNG);
        double[] x = new double[n], y = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = xy[2 * k];
            y[k] = xy[2 * k + 1];
        }
        org.wardheat.geom.PointIndex index = new org.wardheat.geom.PointIndex(x, y, metres);
        int[] cluster = new int[n];
        Arrays.fill(cluster, -1);
        int next = 0;
        for (int k = 0; k < n; k++) {
            org.wardheat.Cancellation.check();
            if (cluster[k] != -1) {
                continue;
            }
            int[] nb = index.within(x[k], y[k], metres);
            if (nb.length < minPoints) { // nb holds the point itself
                continue; // not a core point: noise unless a cluster reaches it
            }
            int id = next++;
            cluster[k] = id;
            java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
            for (int j : nb) {
                queue.add(j);
            }
            while (!queue.isEmpty()) {
                org.wardheat.Cancellation.check();
                int j = queue.poll();
                if (cluster[j] != -1 && cluster[j] != -2) {
                    continue;
                }
                cluster[j] = id;
                int[] nbj = index.within(x[j], y[j], metres);
                if (nbj.length >= minPoints) {
                    for (int m : nbj) {
                        if (cluster[m] == -1) {
                            queue.add(m);
                        }
                    }
                }
            }
        }
        Map<Integer, List<Integer>> groups = new HashMap<>();
        List<Place> places = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            if (cluster[k] < 0) {
                places.add(new Place("point:" + located.get(k), List.of(located.get(k))));
            } else {
                groups.computeIfAbsent(cluster[k], c -> new ArrayList<>()).add(located.get(k));
            }
        }
        groups.forEach((c, m) -> places.add(new Place("cluster:" + c, m)));
        return places;
    }
}
