// Focus areas: a selection of wards (click to toggle) or a drawn polygon/rectangle (leaflet-draw), its
// summary, and saved areas (list, load, rename, delete). State lives in the shared view state and URL.

const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const fmt = (v, d = 0) => (v === null || v === undefined ? '–' : Number(v).toLocaleString('en-GB', { minimumFractionDigits: d, maximumFractionDigits: d }));
const pct = (v) => (v === null || v === undefined ? '–' : `${v > 0 ? '+' : ''}${fmt(v, 1)}%`);

/** Polygon rings as "lon lat,lon lat;..." for the URL, and back. */
export function encodePolygon(geometry) {
  return geometry.coordinates[0].map(([x, y]) => `${x.toFixed(5)} ${y.toFixed(5)}`).join(',');
}

export function decodePolygon(text) {
  const ring = text.split(',').map((p) => p.trim().split(/\s+/).map(Number));
  return { type: 'Polygon', coordinates: [ring] };
}

/** The query parameters naming the current area (saved id, wards or polygon). */
export function areaParams(state) {
  const q = new URLSearchParams();
  if (state.areaId) q.set('area_id', state.areaId);
  else if (state.wards.length) state.wards.forEach((w) => q.append('ward', w));
  else if (state.polygon) q.set('area', JSON.stringify(decodePolygon(state.polygon)));
  return q;
}

export function describeArea(state, wardNames) {
  if (state.areaId) return `Saved area: ${state.areaName || '#' + state.areaId}`;
  if (state.wards.length) return `${state.wards.length} ward${state.wards.length > 1 ? 's' : ''}: ${state.wards.map((w) => wardNames[w] || w).join(', ')}`;
  if (state.polygon) return 'A drawn area';
  return null;
}

/** Adds leaflet-draw's polygon and rectangle tools; calls onDrawn(geometry) with a GeoJSON polygon. */
export function addDrawTools(map, onDrawn) {
  const drawn = new L.FeatureGroup().addTo(map);
  map.addControl(new L.Control.Draw({
    position: 'topleft',
    draw: { polyline: false, circle: false, circlemarker: false, marker: false,
      polygon: { allowIntersection: false, shapeOptions: { color: '#0b57d0' } }, rectangle: { shapeOptions: { color: '#0b57d0' } } },
    edit: false,
  }));
  map.on(L.Draw.Event.CREATED, (e) => {
    drawn.clearLayers();
    drawn.addLayer(e.layer);
    onDrawn(e.layer.toGeoJSON().geometry);
  });
  return {
    front() {
      drawn.bringToFront();
    },
    show(geometry) {
      drawn.clearLayers();
      if (geometry) L.geoJSON(geometry, { style: { color: '#0b57d0', weight: 3, fillOpacity: 0.05 } }).eachLayer((l) => drawn.addLayer(l));
    },
  };
}

/** The summary panel's HTML. */
export function summaryHtml(s) {
  const t = s.total;
  const cats = s.categories.slice().sort((a, b) => b.count - a.count).map((c) => `<tr><td>${esc(c.category)}</td><td>${fmt(c.count)}</td><td>${fmt(c.previous)}</td><td>${c.difference > 0 ? '+' : ''}${fmt(c.difference)}</td><td>${pct(c.changePct)}</td></tr>`).join('');
  const places = s.topPlaces.map((p) => `<li>${esc(p.label)}: ${fmt(p.records)}</li>`).join('');
  const cells = s.hotCells.map((c) => `<li>Gi* z ${fmt(c.gistar, 1)} at ${fmt(c.lat, 4)}, ${fmt(c.lon, 4)} (${fmt(c.n)} in the cell)</li>`).join('');
  return `<p class="sentence" data-total="${t.count}">${fmt(t.count)} incidents against ${fmt(t.previous)} (${pct(t.changePct)})${t.ratePer1000 !== null ? `, ${fmt(t.ratePer1000, 1)} per 1,000 residents` : ''}.</p>
    <p class="note">${fmt(100 * s.shareOfIncidents, 1)}% of the borough's incidents, ${s.shareOfResidents === null ? '–' : fmt(100 * s.shareOfResidents, 1) + '%'} of its residents (${fmt(s.residents)}), ${fmt(100 * s.shareOfArea, 1)}% of its area (${fmt(s.areaKm2, 2)} km²).</p>
    <table><thead><tr><th>Category</th><th>Now</th><th>Before</th><th>Diff.</th><th>Change</th></tr></thead><tbody>${cats}</tbody></table>
    ${places ? `<p class="note"><b>Top repeat locations</b></p><ol class="places-list">${places}</ol>` : ''}
    ${cells ? `<p class="note"><b>Hot cells (Gi* 95%)</b></p><ul class="places-list">${cells}</ul>` : ''}`;
}

export function strategicRows(rows) {
  return rows.map((r) => `<tr${r.category === 'All' ? ' class="total"' : ''}><td>${esc(r.category)}</td><td>${fmt(r.count)}</td><td>${fmt(r.previous)}</td><td>${r.difference > 0 ? '+' : ''}${fmt(r.difference)}</td><td>${pct(r.changePct)}</td></tr>`).join('');
}

export function savedListHtml(features) {
  return features.map((f) => `<li data-id="${f.properties.id}"><span class="load">${esc(f.properties.name)}</span>`
    + '<button type="button" class="rename">Rename</button><button type="button" class="delete">Delete</button></li>').join('')
    || '<li class="note">None yet.</li>';
}
