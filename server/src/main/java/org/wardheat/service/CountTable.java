package org.wardheat.service;

import org.wardheat.boundaries.WardIndex;
import org.wardheat.model.IncidentTable;

/**
 * A boundary set's stored ward counts, ready for the ward and strategic tables: rows of counted incidents
 * ({@link IncidentTable#records} and weight sum per ward × month × category × dataset) and each row's ward as
 * an index into the set's code-ordered wards, or {@link WardIndex#OUTSIDE} (outside every ward, or without location).
 */
public record CountTable(IncidentTable rows, int[] wardOf) {
}
