package org.wardheat.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All stored incidents held in memory, column by column, for fast analysis: month ({@code yyyymm}),
 * category and dataset (as indexes into dictionaries), WGS84 longitude/latitude (NaN when without
 * location) and weight. Immutable once loaded.
 *
 * <p>A row may also stand for several incidents of one month, category and dataset ({@link #records} of
 * them, {@link #weight} their weight sum): the store's ward counts are loaded as such a table, whose rows
 * have no position (longitude 0 when located, NaN when not).
 */
public final class IncidentTable {
    private final int size;
    private final int[] month;
    private final short[] category;
    private final short[] dataset;
    private final double[] lon;
    private final double[] lat;
    private final double[] weight;
    /** Incidents per row; null when every row is one incident. */
    private final long[] records;
    private final List<String> categories;
    private final List<String> datasets;
    private final Map<String, Set<Integer>> covered;
    private final Map<Integer, String> sources;

    private IncidentTable(int size, int[] month, short[] category, short[] dataset, double[] lon, double[] lat,
                          double[] weight, long[] records, List<String> categories, List<String> datasets,
                          Map<String, Set<Integer>> covered, Map<Integer, String> sources) {
        this.covered = covered;
        this.sources = sources;
        this.records = records;
        this.size = size;
        this.month = month;
        this.category = category;
        this.dataset = dataset;
        this.lon = lon;
        this.lat = lat;
        this.weight = weight;
        this.categories = List.copyOf(categories);
        this.datasets = List.copyOf(datasets);
    }

    /** Builds a table row by row; the store's incident aggregate loads it with this, tests build their own. */
    public static final class Builder {
        private int size;
        private int[] month = new int[1024];
        private short[] category = new short[1024];
        private short[] dataset = new short[1024];
        private double[] lon = new double[1024];
        private double[] lat = new double[1024];
        private double[] weight = new double[1024];
        private long[] records;
        private final List<String> categories = new ArrayList<>();
        private final Map<String, Short> categoryIds = new HashMap<>();
        private final List<String> datasets = new ArrayList<>();
        private final Map<String, Short> datasetIds = new HashMap<>();
        private final Map<String, Set<Integer>> covered = new HashMap<>();
        private final Map<Integer, StringBuilder> sources = new HashMap<>();

        /**
         * Records that {@code datasetName} covers every month from {@code fromYyyymm} to {@code toYyyymm}
         * (an imported file's first and last record month), besides the months its rows fall in.
         */
        public Builder covers(String datasetName, int fromYyyymm, int toYyyymm) {
            Set<Integer> months = covered.computeIfAbsent(datasetName, k -> new java.util.HashSet<>());
            for (int m = fromYyyymm; m <= toYyyymm; m = Period.next(m)) {
                months.add(m);
            }
            return this;
        }

        /**
         * Records that the stored rows of months {@code fromYyyymm} to {@code toYyyymm} include those of the
         * imported file named by {@code file} (its id, checksum and import time), for {@link #source}.
         */
        public Builder source(int fromYyyymm, int toYyyymm, String file) {
            for (int m = fromYyyymm; m <= toYyyymm; m = Period.next(m)) {
                sources.computeIfAbsent(m, k -> new StringBuilder()).append(file).append(';');
            }
            return this;
        }

        /** Names a category before any row has it, so that the dictionary keeps the given order. */
        public Builder category(String categoryName) {
            id(categoryName, categories, categoryIds);
            return this;
        }

        /** Names a dataset before any row has it, so that the dictionary keeps the given order. */
        public Builder dataset(String datasetName) {
            id(datasetName, datasets, datasetIds);
            return this;
        }

        /**
         * Adds a row standing for {@code count} incidents of one month, category and dataset, located or not,
         * whose weights sum to {@code weightSum}.
         */
        public Builder addRows(int yyyymm, String categoryName, String datasetName, boolean located, long count,
                               double weightSum) {
            if (records == null) {
                records = new long[month.length];
                Arrays.fill(records, 0, size, 1);
            }
            add(yyyymm, categoryName, datasetName, located ? 0 : Double.NaN, located ? 0 : Double.NaN, weightSum);
            records[size - 1] = count;
            return this;
        }

        /** Adds one incident. */
        public Builder add(int yyyymm, String categoryName, String datasetName, double lonDeg, double latDeg, double w) {
            if (size == month.length) {
                int n = size * 2;
                month = Arrays.copyOf(month, n);
                category = Arrays.copyOf(category, n);
                dataset = Arrays.copyOf(dataset, n);
                lon = Arrays.copyOf(lon, n);
                lat = Arrays.copyOf(lat, n);
                weight = Arrays.copyOf(weight, n);
                if (records != null) {
                    records = Arrays.copyOf(records, n);
                }
            }
            if (records != null) {
                records[size] = 1;
            }
            month[size] = yyyymm;
            category[size] = id(categoryName, categories, categoryIds);
            dataset[size] = id(datasetName, datasets, datasetIds);
            lon[size] = lonDeg;
            lat[size] = latDeg;
            weight[size] = w;
            size++;
            return this;
        }

        private static short id(String name, List<String> names, Map<String, Short> ids) {
            Short id = ids.get(name);
            if (id == null) {
                if (names.size() == Short.MAX_VALUE) {
                    throw new IllegalStateException("more than " + Short.MAX_VALUE + " distinct categories or datasets");
                }
                id = (short) names.size();
                names.add(name);
                ids.put(name, id);
            }
            return id;
        }

        public IncidentTable build() {
            Map<String, Set<Integer>> all = new HashMap<>();
            covered.forEach((d, m) -> all.put(d, new java.util.HashSet<>(m)));
            for (int i = 0; i < size; i++) {
                all.computeIfAbsent(datasets.get(dataset[i]), k -> new java.util.HashSet<>()).add(month[i]);
            }
            all.replaceAll((d, m) -> Set.copyOf(m));
            return new IncidentTable(size, Arrays.copyOf(month, size), Arrays.copyOf(category, size),
                    Arrays.copyOf(dataset, size), Arrays.copyOf(lon, size), Arrays.copyOf(lat, size),
                    Arrays.copyOf(weight, size), records == null ? null : Arrays.copyOf(records, size), categories, datasets,
                    Map.copyOf(all), sources.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                            Map.Entry::getKey, e -> e.getValue().toString())));
        }
    }

    public int size() {
        return size;
    }

    /**
     * What the rows of month {@code yyyymm} were read from: the imported files whose rows include that month
     * (each by id, checksum and import time, in id order), or null when the table was not read from a store
     * or has no such month. Rows are only ever added and deleted with their file, so two tables read with the
     * same source hold the same rows of that month, in the same order: caches of per-row results key on it.
     */
    public String source(int yyyymm) {
        return sources.get(yyyymm);
    }

    public int month(int i) {
        return month[i];
    }

    public String category(int i) {
        return categories.get(category[i]);
    }

    /**
     * The months ({@code yyyymm}) a dataset covers: those its records fall in, and every month from the first
     * to the last record month of each file imported into it (see {@link Builder#covers}); empty for an unknown dataset.
     */
    public Set<Integer> coveredMonths(String datasetName) {
        return covered.getOrDefault(datasetName, Set.of());
    }

    /** The dataset name of row {@code i}. */
    public String dataset(int i) {
        return datasets.get(dataset[i]);
    }

    public double lon(int i) {
        return lon[i];
    }

    public double lat(int i) {
        return lat[i];
    }

    public double weight(int i) {
        return weight[i];
    }

    /** How many incidents row {@code i} stands for: 1 but in a table of counts. */
    public long records(int i) {
        return records == null ? 1 : records[i];
    }

    public boolean hasLocation(int i) {
        return !Double.isNaN(lon[i]);
    }

    /** The distinct category names, in first-seen order. */
    public List<String> categories() {
        return categories;
    }

    public List<String> datasets() {
        return datasets;
    }

    /**
     * A row filter for the named categories and datasets; an empty set means all.
     *
     * @throws IllegalArgumentException naming an unknown category or dataset and listing the known ones
     */
    public Filter filter(Set<String> categoryNames, Set<String> datasetNames) {
        return new Filter(mask(categoryNames, categories, "category", CategoryGroups.installed()), mask(datasetNames, datasets, "dataset", null));
    }

    /**
     * As {@link #filter} but names this table does not hold are passed over (they may name area totals, see
     * {@link AreaTotalTable}); when names are given and none is held, no row passes.
     */
    public Filter filterKnown(Set<String> categoryNames, Set<String> datasetNames) {
        return new Filter(mask(categoryNames, categories, null, null), mask(datasetNames, datasets, null, null));
    }

    /**
     * The rows' mask of the names wanted; an unknown name fails naming {@code what} when {@code what} is given, else
     * is passed over.
     *
     * @param groups a name one of these groups holds matches nothing when the table has no such category (a group's
     *               categories are those police.uk has ever published, not all of them in every file); null: every
     *               unknown name is an error (when {@code what} is given)
     */
    private static boolean[] mask(Set<String> wanted, List<String> names, String what, CategoryGroups groups) {
        boolean[] mask = new boolean[Math.max(1, names.size())];
        if (wanted == null || wanted.isEmpty()) {
            Arrays.fill(mask, true);
            return mask;
        }
        for (String w : wanted) {
            int i = indexIgnoringCase(names, w);
            if (i >= 0) {
                mask[i] = true;
            } else if (what != null && (groups == null || !groups.isMember(w.trim()))) {
                throw new IllegalArgumentException("unknown " + what + " '" + w + "'; known: " + names);
            }
        }
        return mask;
    }

    private static int indexIgnoringCase(List<String> names, String w) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(w.trim())) {
                return i;
            }
        }
        return -1;
    }

    /** Which rows count, by category and dataset. */
    public final class Filter {
        private final boolean[] categoryMask;
        private final boolean[] datasetMask;

        private Filter(boolean[] categoryMask, boolean[] datasetMask) {
            this.categoryMask = categoryMask;
            this.datasetMask = datasetMask;
        }

        public boolean test(int i) {
            return categoryMask[category[i]] && datasetMask[dataset[i]];
        }
    }
}
