// What lies under a point of the map: point-in-polygon over GeoJSON features (lon/lat), with each feature's
// bounding box computed once. Pure: no DOM, no Leaflet, so `node --test` runs it.

/** The rings of a Polygon or MultiPolygon geometry, as lists of polygons (outer ring first, then holes). */
function polygons(geometry) {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

/** True when [lon, lat] is inside the ring (even-odd rule; a point on an edge may go either way). */
export function inRing(lon, lat, ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if ((yi > lat) !== (yj > lat) && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** True when [lon, lat] is inside the Polygon or MultiPolygon (inside an outer ring and outside its holes). */
export function inGeometry(lon, lat, geometry) {
  return polygons(geometry).some(([outer, ...holes]) => inRing(lon, lat, outer) && !holes.some((h) => inRing(lon, lat, h)));
}

function bbox(geometry) {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygons(geometry)) {
    for (const [x, y] of polygon[0]) {
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    }
  }
  return b;
}

/**
 * An index of a FeatureCollection's polygons: at(lon, lat) gives the first feature holding the point, or null.
 * Bounding boxes are checked first, so a few thousand cells are searched in well under a millisecond.
 */
export function featureIndex(collection) {
  const items = (collection && collection.features ? collection.features : []).map((f) => ({ f, b: bbox(f.geometry) }));
  return {
    at(lon, lat) {
      for (const { f, b } of items) {
        if (lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3] && inGeometry(lon, lat, f.geometry)) return f;
      }
      return null;
    },
    size: items.length,
  };
}

/** A rough area in km² of a lon/lat bounding box [west, south, east, north] (equirectangular; enough for a size estimate). */
export function bboxAreaKm2([w, s, e, n]) {
  const km = 111.32;
  return Math.abs(e - w) * km * Math.cos(((s + n) / 2) * Math.PI / 180) * Math.abs(n - s) * km;
}
