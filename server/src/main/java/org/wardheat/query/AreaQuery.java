package org.wardheat.query;

import java.util.List;

/**
 * Which area a summary or strategic table covers: a saved focus area ({@code area_id}), wards of a boundary set
 * ({@code ward}, repeatable), a drawn polygon ({@code area}, GeoJSON in lon/lat, at most
 * {@link Limits#MAX_POLYGON_VERTICES} vertices), or the whole set.
 *
 * @param boundaries the boundary set (required unless {@code areaId})
 * @param areaGeoJson the drawn polygon's GeoJSON text, or null (read by the area service once checked here)
 */
public record AreaQuery(String boundaries, List<String> wards, String areaGeoJson, Long areaId) {
    public AreaQuery {
        wards = Values.names("ward", wards);
        if (areaId == null) {
            boundaries = Checks.required("boundaries", boundaries);
        } else {
            Limits.AREA_ID.check("area_id", (double) areaId);
        }
        if (areaGeoJson != null && areaGeoJson.isBlank()) {
            areaGeoJson = null;
        }
        if (areaGeoJson != null) {
            Values.area("area", areaGeoJson); // vertex count and shape, before any geometry work
            if (!wards.isEmpty()) {
                throw new InvalidParameterException("area", "given with ward; expected either wards or a drawn area, not both");
            }
        }
    }

    /** The scope a table is named after: the saved area, the wards, the drawn area, or the boundary set. */
    public String scope() {
        return areaId != null ? "area-" + areaId : !wards.isEmpty() ? String.join("-", wards) : areaGeoJson != null ? "drawn-area" : boundaries;
    }
}
