package org.wardheat.store;

import java.util.List;

/** A stored boundary set's description: where it came from, its fields and CRS, repairs, and counts. */
public record BoundarySetInfo(String id, String source, String codeField, String nameField, String sourceCrs,
                              List<String> repaired, String addedAt, int wards, int wardsWithPopulation) {
}
