package org.wardheat.query;

import org.wardheat.analysis.PriorityMatrix;
import org.wardheat.hotspot.HarmWeights;
import org.wardheat.model.Period;

import java.util.Map;

/**
 * The priority matrix ({@link PriorityMatrix}): every category (or group) of a boundary set scored on volume,
 * rate, significant change, concentration and harm. CLI {@code priorities}; HTTP {@code /api/priorities},
 * {@code /api/export/priorities}.
 *
 * @param comparison the period compared against ({@code compare}, as {@link WardsQuery})
 * @param rows       {@code categories} (default) or {@code groups} (the groups but "All crime")
 * @param weights    the component weights ({@code weight_volume}, {@code weight_rate}, {@code weight_change},
 *                   {@code weight_concentration}, {@code weight_harm}; {@link Limits#COMPONENT_WEIGHT}), defaults
 *                   {@link #DEFAULT_WEIGHTS}
 * @param alpha      the significance level of the change test ({@link Limits#ALPHA}), default {@value #DEFAULT_ALPHA}
 * @param topWards   k of the top-k ward share ({@link Limits#TOP_WARDS_SHARE}), default {@value #DEFAULT_TOP_WARDS}
 * @param harm       harm weights per category (CLI {@code --harm-weights CSV}, HTTP {@code harm_weights=CATEGORY:W|...}),
 *                   or null: harm then scores 0 for every row
 * @param allowPartial score change even when the periods are not comparable ({@link org.wardheat.model.Coverage});
 *                   otherwise the change component is left out and the reasons say why
 * @param sharing    disclosure control of the table ({@link Sharing#OFF} by default)
 */
public record PriorityQuery(String boundaries, Filter filter, Period comparison, Rows rows, PriorityMatrix.Weights weights, double alpha,
                            int topWards, HarmWeights harm, boolean allowPartial, Sharing sharing) {
    /** Rate weighs 0 by default: over one boundary set, the rate per 1,000 residents ranks categories exactly as volume does. */
    public static final PriorityMatrix.Weights DEFAULT_WEIGHTS = new PriorityMatrix.Weights(1, 0, 1, 1, 1);
    public static final double DEFAULT_ALPHA = 0.05;
    public static final int DEFAULT_TOP_WARDS = 5;

    public enum Rows {
        CATEGORIES, GROUPS;

        public static Map<String, Rows> words() {
            return Values.words(values());
        }
    }

    public PriorityQuery {
        boundaries = Checks.required("boundaries", boundaries);
        rows = rows == null ? Rows.CATEGORIES : rows;
        weights = weights == null ? DEFAULT_WEIGHTS : weights;
        sharing = sharing == null ? Sharing.OFF : sharing;
    }

    /** Change withheld without comparable data, no disclosure control. */
    public PriorityQuery(String boundaries, Filter filter, Period comparison, Rows rows, PriorityMatrix.Weights weights, double alpha,
                         int topWards, HarmWeights harm) {
        this(boundaries, filter, comparison, rows, weights, alpha, topWards, harm, false, Sharing.OFF);
    }

    /** The same query with disclosure control {@code s} (e.g. forced for a viewer). */
    public PriorityQuery withSharing(Sharing s) {
        return new PriorityQuery(boundaries, filter, comparison, rows, weights, alpha, topWards, harm, allowPartial, s);
    }

    public void validate(DataMonths data) {
        filter.validate(data);
        data.check("compare", comparison);
        Limits.ALPHA.check("alpha", alpha);
        Limits.TOP_WARDS_SHARE.check("top_wards", topWards);
        sharing.validate();
    }

    /** The weights from their parameters, each checked against {@link Limits#COMPONENT_WEIGHT}; null for the default. */
    public static PriorityMatrix.Weights weights(Double volume, Double rate, Double change, Double concentration, Double harm) {
        PriorityMatrix.Weights d = DEFAULT_WEIGHTS;
        double v = weight("weight_volume", volume, d.volume()), r = weight("weight_rate", rate, d.rate()),
                c = weight("weight_change", change, d.change()), k = weight("weight_concentration", concentration, d.concentration()),
                h = weight("weight_harm", harm, d.harm());
        if (v + r + c + k + h == 0) {
            throw new InvalidParameterException("weight_volume", "every component weight is 0; at least one must be above 0");
        }
        return new PriorityMatrix.Weights(v, r, c, k, h);
    }

    private static double weight(String name, Double value, double fallback) {
        return value == null ? fallback : Limits.COMPONENT_WEIGHT.check(name, value);
    }
}
