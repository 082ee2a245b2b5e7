package org.wardheat.query;

import org.locationtech.jts.geom.Geometry;
import org.wardheat.service.RepeatService;

/**
 * Which records a record-level analysis reads (repeats, needles, encampments, near repeats).
 *
 * @param boundaries a boundary set: records outside its wards are left out, and places get their ward (optional)
 * @param ward       a ward code of {@code boundaries} to keep only its records (optional; needs {@code boundaries})
 * @param area       a WGS84 polygon to keep only the records inside (optional)
 */
public record RecordSelection(Filter filter, String boundaries, String ward, Geometry area) {
    public RecordSelection {
        boundaries = Checks.optional("boundaries", boundaries);
        ward = Checks.optional("ward", ward);
        if (ward != null && boundaries == null) {
            throw new InvalidParameterException("ward", "needs boundaries (the set the ward belongs to)");
        }
    }

    /** The same selection with {@code dataset} when no dataset is given. */
    public RecordSelection withDefaultDataset(String dataset) {
        return new RecordSelection(filter.withDefaultDataset(dataset), boundaries, ward, area);
    }

    public void validate(DataMonths data) {
        filter.validate(data);
    }

    public RepeatService.Selection toSelection() {
        return new RepeatService.Selection(filter.datasetSet(), filter.categorySet(), filter.period(), boundaries, ward, area);
    }
}
