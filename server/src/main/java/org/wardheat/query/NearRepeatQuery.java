package org.wardheat.query;

/**
 * The Knox near-repeat test. CLI {@code near-repeat}; HTTP {@code /api/near-repeat}, {@code /api/export/near-repeat}.
 *
 * @param bandsMetres increasing distance band limits after "same location" (1 to {@link Limits#MAX_SPATIAL_BANDS},
 *                    each {@link Limits#BAND_METRES}), default {@value #DEFAULT_BANDS}
 * @param timeWidth   time band width in days, or months for month-only data ({@link Limits#TIME_WIDTH}), or null
 *                    for 14 days or 1 month
 * @param timeBands   how many time bands ({@link Limits#TIME_BANDS}), or null for 5 (days) or 6 (months)
 * @param simulations permutations ({@link Limits#SIMULATIONS}), default {@value #DEFAULT_SIMULATIONS}
 * @param seed        the permutations' random seed, default {@value #DEFAULT_SEED}
 */
public record NearRepeatQuery(RecordSelection select, double[] bandsMetres, Integer timeWidth, Integer timeBands, int simulations,
                              long seed) {
    public static final String DEFAULT_BANDS = "200,400,600,800,1000";
    public static final int DEFAULT_SIMULATIONS = 999;
    public static final long DEFAULT_SEED = 1;

    public NearRepeatQuery {
        bandsMetres = bandsMetres == null ? Values.increasing("bands", DEFAULT_BANDS, Limits.BAND_METRES, Limits.MAX_SPATIAL_BANDS)
                : bandsMetres.clone();
    }

    public void validate(DataMonths data) {
        select.validate(data);
        Values.increasing("bands", java.util.Arrays.stream(bandsMetres).mapToObj(org.wardheat.output.Numbers::text)
                .collect(java.util.stream.Collectors.joining(",")), Limits.BAND_METRES, Limits.MAX_SPATIAL_BANDS);
        if (timeWidth != null) {
            Limits.TIME_WIDTH.check("time_width", timeWidth);
        }
        if (timeBands != null) {
            Limits.TIME_BANDS.check("time_bands", timeBands);
        }
        Limits.SIMULATIONS.check("simulations", simulations);
    }
}
