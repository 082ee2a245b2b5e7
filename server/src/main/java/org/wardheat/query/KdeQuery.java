package org.wardheat.query;

/**
 * Quartic kernel density per cell. CLI {@code hotspots kde}; HTTP {@code /api/hotspots/kde}.
 *
 * @param bandwidthMetres kernel radius ({@link Limits#BANDWIDTH_METRES}, at most {@link Limits#MAX_BANDWIDTH_CELLS}
 *                        cells and the extent's longer side), or null for the rule of thumb × {@code adjust}
 * @param adjust          factor on the rule-of-thumb bandwidth ({@link Limits#KDE_ADJUST}), default {@value #DEFAULT_ADJUST}
 */
public record KdeQuery(HotspotQuery on, Double bandwidthMetres, double adjust) implements HotspotAnalysis {
    public static final double DEFAULT_ADJUST = 1;

    @Override
    public void validate(DataMonths data) {
        on.validate(data);
        Limits.BANDWIDTH_METRES.checkOptional("bandwidth", bandwidthMetres);
        Limits.KDE_ADJUST.check("adjust", adjust);
    }

    @Override
    public void validateCell(double cellMetres, double extentMetres) {
        Bandwidths.check("bandwidth", bandwidthMetres, cellMetres, extentMetres);
    }
}
