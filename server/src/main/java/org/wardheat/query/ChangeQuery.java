package org.wardheat.query;

import org.wardheat.model.Period;
import org.wardheat.hotspot.PAdjust;

/**
 * Counts and Gi* before and after; cells that became, stayed or stopped being hot. CLI {@code hotspots change};
 * HTTP {@code /api/hotspots/change}.
 *
 * @param before  the earlier period, or null for the one of the same length just before
 * @param allowPartial run even when the before-period (or the period) lacks data in some months or the two differ
 *                in length ({@link org.wardheat.model.Coverage}); otherwise that is refused, naming the months
 * @param hotBin  a cell is hot at this Gi* bin or above ({@link Limits#HOT_BIN}), default {@value #DEFAULT_HOT_BIN}
 */
public record ChangeQuery(HotspotQuery on, Period before, PAdjust pAdjust, int hotBin, boolean allowPartial) implements HotspotAnalysis {
    public static final int DEFAULT_HOT_BIN = 2;

    /** Refuses a before-period without comparable data ({@code allowPartial} false). */
    public ChangeQuery(HotspotQuery on, Period before, PAdjust pAdjust, int hotBin) {
        this(on, before, pAdjust, hotBin, false);
    }

    public ChangeQuery {
        pAdjust = pAdjust == null ? GiStarQuery.DEFAULT_P_ADJUST : pAdjust;
    }

    /** The earlier period the analysis uses. */
    public Period beforePeriod() {
        return before != null ? before : on.filter().period().previous();
    }

    @Override
    public void validate(DataMonths data) {
        on.validate(data);
        if (before != null) {
            data.check("before", before);
        }
        Limits.HOT_BIN.check("hot_bin", hotBin);
    }
}
