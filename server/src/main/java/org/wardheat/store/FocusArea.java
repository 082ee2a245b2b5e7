package org.wardheat.store;

import org.locationtech.jts.geom.Geometry;

import java.util.List;

/**
 * A saved focus area: a set of wards of a boundary set, or a drawn polygon.
 *
 * @param wardCodes the wards it was made of, or empty for a drawn area
 * @param geometry  its outline in WGS84 lon/lat
 */
public record FocusArea(long id, String name, String boundaries, List<String> wardCodes, Geometry geometry,
                        String createdAt, String updatedAt) {
}
