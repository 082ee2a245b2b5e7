package org.wardheat.service;

import org.wardheat.boundaries.Ward;
import org.wardheat.boundaries.WardIndex;
import org.wardheat.store.BoundarySetInfo;

import java.util.List;
import java.util.Map;

/**
 * A boundary set ready for analysis, immutable: wards in code order (WGS84), their index, and the
 * residents per ward code (wards without a figure absent).
 */
public record LoadedSet(BoundarySetInfo info, List<Ward> wards, WardIndex index, Map<String, Double> population) {
}
