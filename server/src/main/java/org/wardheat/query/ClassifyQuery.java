package org.wardheat.query;

import org.wardheat.hotspot.HotspotClassification;
import org.wardheat.hotspot.PAdjust;

import java.util.Map;

/**
 * Persistent, emerging, former and intermittent hot and cold spots over a run of periods (sfhotspot's
 * classification). CLI {@code hotspots classify}; HTTP {@code /api/hotspots/classify}.
 *
 * @param every      {@code month} (default), {@code quarter} or {@code year}
 * @param thresholds {@code hotspot_prop}, {@code persistent_prop}, {@code recent_prop} ({@link Limits#PROPORTION})
 *                   and {@code critical_p} ({@link Limits#CRITICAL_P}); defaults {@link HotspotClassification.Thresholds#DEFAULT}
 */
public record ClassifyQuery(HotspotQuery on, Every every, HotspotClassification.Thresholds thresholds, PAdjust pAdjust)
        implements HotspotAnalysis {
    public static final Every DEFAULT_EVERY = Every.MONTH;
    public static final HotspotClassification.Thresholds DEFAULT_THRESHOLDS = HotspotClassification.Thresholds.DEFAULT;

    /** The length of each period of the run. */
    public enum Every {
        MONTH(1), QUARTER(3), YEAR(12);

        public final int months;

        Every(int months) {
            this.months = months;
        }

        /** The words {@code every=} takes. */
        public static Map<String, Every> words() {
            return Values.words(values());
        }
    }

    public ClassifyQuery {
        every = every == null ? DEFAULT_EVERY : every;
        thresholds = thresholds == null ? DEFAULT_THRESHOLDS : thresholds;
        pAdjust = pAdjust == null ? GiStarQuery.DEFAULT_P_ADJUST : pAdjust;
    }

    @Override
    public void validate(DataMonths data) {
        on.validate(data);
        Limits.PROPORTION.check("hotspot_prop", thresholds.hotspotProp());
        Limits.PROPORTION.check("persistent_prop", thresholds.persistentProp());
        Limits.PROPORTION.check("recent_prop", thresholds.recentProp());
        Limits.CRITICAL_P.check("critical_p", thresholds.criticalP());
    }
}
