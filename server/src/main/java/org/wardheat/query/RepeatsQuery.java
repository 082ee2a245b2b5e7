package org.wardheat.query;

import org.wardheat.model.Period;
import org.wardheat.repeats.Outliers;
import org.wardheat.repeats.Places;

import java.util.List;
import java.util.Map;

/**
 * Ranked repeat locations. CLI {@code repeats}; HTTP {@code /api/repeats}, {@code /api/export/repeats}.
 *
 * @param groupBy         {@code coordinates}, {@code label} or {@code distance} (DBSCAN); null for the data kind's default
 *                        (coordinates for police.uk data, whose points are anonymous snap points; label for council records)
 * @param distanceMetres  DBSCAN radius ({@link Limits#DBSCAN_METRES}), default {@value #DEFAULT_DISTANCE_METRES}
 * @param minPoints       DBSCAN neighbours of a core point ({@link Limits#MIN_POINTS}), default {@value #DEFAULT_MIN_POINTS}
 * @param by              rank by {@code records} (default) or summed {@code count}
 * @param top             how many places ({@link Limits#TOP_PLACES}), default {@value #DEFAULT_TOP} on the CLI and over HTTP
 * @param periods         periods to count each place in side by side (at most {@link Limits#MAX_PERIODS})
 * @param outliers        {@code outlier_record_factor}, {@code outlier_place_factor} ({@link Limits#OUTLIER_FACTOR}),
 *                        {@code outlier_minimum} ({@link Limits#OUTLIER_MINIMUM}); default {@link Outliers.Rules#DEFAULT}
 * @param excludeOutliers leave flagged records out of every figure
 */
public record RepeatsQuery(RecordSelection select, Places.Rule groupBy, double distanceMetres, int minPoints, By by, int top,
                           List<Period> periods, Outliers.Rules outliers, boolean excludeOutliers) {
    public static final double DEFAULT_DISTANCE_METRES = 50;
    public static final int DEFAULT_MIN_POINTS = 2;
    public static final By DEFAULT_BY = By.RECORDS;
    /** 10 on the CLI and over HTTP (it was 20 over HTTP; the page asks for 20 itself). */
    public static final int DEFAULT_TOP = 10;

    /** What places are ranked by. */
    public enum By {
        RECORDS, COUNT;

        public static Map<String, By> words() {
            return Values.words(values());
        }
    }

    public RepeatsQuery {
        by = by == null ? DEFAULT_BY : by;
        periods = periods == null ? List.of() : List.copyOf(periods);
        outliers = outliers == null ? Outliers.Rules.DEFAULT : outliers;
    }

    public static Map<String, Places.Rule> groupings() {
        return Values.words(Places.Rule.values());
    }

    public void validate(DataMonths data) {
        select.validate(data);
        Limits.DBSCAN_METRES.check("distance", distanceMetres);
        Limits.MIN_POINTS.check("min_points", minPoints);
        Limits.TOP_PLACES.check("top", top);
        if (periods.size() > Limits.MAX_PERIODS) {
            throw new InvalidParameterException("periods", periods.size() + " periods; expected at most " + Limits.MAX_PERIODS);
        }
        periods.forEach(p -> data.check("periods", p));
        Outlier.check(outliers);
    }
}
