package org.wardheat.hotspot;

import java.util.Locale;

/**
 * Which cells of a hotspot layer a map needs, so that a layer sends only the cells it draws. Exports keep
 * every cell ({@link Only#ALL}).
 *
 * <ul>
 *   <li>{@link Only#NONZERO}: cells where any value is non-zero (see {@link CellLayer#nonEmptyCells()}).</li>
 *   <li>{@link Only#SIGNIFICANT}, the cells that carry information: for {@code gistar} the cells with a
 *       significant bin (bin ≠ 0, hot or cold); for {@code kde} the cells whose density is at least
 *       {@code kdeFloor} × the area's average density (incidents / area, per km²); for {@code change} cells with an
 *       incident in either period or a class other than "not hot"; for {@code classify} cells with a class other
 *       than "no pattern"; otherwise as {@code NONZERO}.</li>
 * </ul>
 */
public final class DrawnCells {
    /** The default KDE floor: cells below the area's average density are not sent. */
    public static final double DEFAULT_KDE_FLOOR = 1.0;
    /** The KDE floor's range, as a multiple of the area's average density. */
    public static final double MAX_KDE_FLOOR = 100;

    /** Which cells to send. */
    public enum Only {
        ALL, NONZERO, SIGNIFICANT;

        /** {@code all}, {@code nonzero} or {@code significant}; null or blank gives {@code all}. */
        public static Only parse(String text) {
            if (text == null || text.isBlank()) {
                return ALL;
            }
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "all" -> ALL;
                case "nonzero" -> NONZERO;
                case "significant" -> SIGNIFICANT;
                default -> throw new IllegalArgumentException("only must be all, nonzero or significant, not '" + text + "'");
            };
        }
    }

    private DrawnCells() {
    }

    /** Checks a KDE floor (a multiple of the area's average density, 0 to {@value #MAX_KDE_FLOOR}). */
    public static double checkKdeFloor(double floor) {
        if (!(floor >= 0 && floor <= MAX_KDE_FLOOR)) {
            throw new IllegalArgumentException("kde_floor must be between 0 and " + (int) MAX_KDE_FLOOR
                    + " (a multiple of the area's average density), not " + floor);
        }
        return floor;
    }

    /**
     * The cells to send, or null for all of them.
     *
     * @param kdeFloor for KDE with {@code SIGNIFICANT}: the lowest density sent, as a multiple of the area's average
     */
    public static boolean[] select(CellLayer layer, Only only, double kdeFloor) {
        checkKdeFloor(kdeFloor);
        if (only == Only.ALL) {
            return null;
        }
        if (only == Only.NONZERO) {
            return layer.nonEmptyCells();
        }
        int size = layer.grid().size();
        boolean[] keep = new boolean[size];
        switch (layer.analysis()) {
            case "gistar" -> {
                for (int c = 0; c < size; c++) {
                    keep[c] = ((Number) layer.value("bin", c)).intValue() != 0;
                }
            }
            case "kde" -> {
                double area = number(layer, "area_km2");
                double mean = area > 0 ? number(layer, "incidents") / area : 0;
                double[] kde = layer.doubles("kde");
                for (int c = 0; c < size; c++) {
                    keep[c] = kde[c] > 0 && kde[c] >= kdeFloor * mean;
                }
            }
            case "change" -> {
                for (int c = 0; c < size; c++) {
                    keep[c] = ((Number) layer.value("n_before", c)).doubleValue() != 0
                            || ((Number) layer.value("n_after", c)).doubleValue() != 0
                            || !"not hot".equals(layer.value("class", c));
                }
            }
            case "classify" -> {
                for (int c = 0; c < size; c++) {
                    keep[c] = !"no pattern".equals(layer.value("class", c));
                }
            }
            default -> {
                return layer.nonEmptyCells();
            }
        }
        return keep;
    }

    private static double number(CellLayer layer, String parameter) {
        Object v = layer.parameters().get(parameter);
        return v instanceof Number n ? n.doubleValue() : 0;
    }
}
