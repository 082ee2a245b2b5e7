package org.wardheat.imports;

import org.wardheat.model.Incident;

/** Turns one CSV record into an {@link Incident}, or rejects it with the field and reason. */
public interface RowParser {
    /**
     * @param fields the record's fields, as many as the header has
     * @return the incident; with NaN coordinates when the row has no location
     */
    Incident parse(String[] fields) throws RejectedRow;
}
