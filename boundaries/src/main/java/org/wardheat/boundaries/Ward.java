package org.wardheat.boundaries;

import org.locationtech.jts.geom.Geometry;

/**
 * One electoral ward of a boundary set.
 *
 * @param code     the ONS ward code (e.g. {@code E05004982}) or the value of the chosen code property
 * @param name     the ward name
 * @param district the local authority district code, or {@code null} when the file has none
 * @param geometry the ward's Polygon or MultiPolygon in WGS84 longitude/latitude (EPSG:4326, x = lon)
 */
public record Ward(String code, String name, String district, Geometry geometry) {
}
