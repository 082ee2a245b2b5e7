package org.wardheat.query;

import org.wardheat.model.Period;
import org.wardheat.hotspot.PAdjust;

import java.util.Map;

/**
 * Hit rate, PAI and recapture rate index of hotspots chosen on the period, scored on {@code test}.
 * CLI {@code hotspots evaluate}; HTTP {@code /api/hotspots/evaluate}.
 *
 * @param test            the later period scored against (required)
 * @param method          {@code kde} (default: the top {@code top_share} of cells) or {@code gistar} (bin ≥ {@code hot_bin})
 * @param topShare        {@link Limits#TOP_SHARE}, default {@value #DEFAULT_TOP_SHARE}
 * @param bandwidthMetres as {@link KdeQuery#bandwidthMetres()}
 */
public record EvaluateQuery(HotspotQuery on, Period test, Method method, double topShare, Double bandwidthMetres, PAdjust pAdjust,
                            int hotBin) implements HotspotAnalysis {
    public static final Method DEFAULT_METHOD = Method.KDE;
    public static final double DEFAULT_TOP_SHARE = 0.05;

    public enum Method {
        KDE, GISTAR;

        public static Map<String, Method> words() {
            return Values.words(values());
        }
    }

    public EvaluateQuery {
        method = method == null ? DEFAULT_METHOD : method;
        pAdjust = pAdjust == null ? GiStarQuery.DEFAULT_P_ADJUST : pAdjust;
        if (test == null) {
            throw new InvalidParameterException("test", "missing; expected the later period YYYY-MM:YYYY-MM");
        }
    }

    @Override
    public void validate(DataMonths data) {
        on.validate(data);
        data.check("test", test);
        Limits.TOP_SHARE.check("top_share", topShare);
        Limits.BANDWIDTH_METRES.checkOptional("bandwidth", bandwidthMetres);
        Limits.HOT_BIN.check("hot_bin", hotBin);
    }

    @Override
    public void validateCell(double cellMetres, double extentMetres) {
        Bandwidths.check("bandwidth", bandwidthMetres, cellMetres, extentMetres);
    }
}
