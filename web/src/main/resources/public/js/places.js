// Place layers: repeat locations as proportional symbols, encampments coloured by days in situ,
// and the near-repeat (Knox) table. Values come from the server; this module only draws them.

const fmt = (v, d = 0) => Number(v).toLocaleString('en-GB', { maximumFractionDigits: d });
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

/** Proportional circles (area ∝ value) with a popup of counts by period. */
export function drawRepeats(map, geojson, by) {
  const values = geojson.features.map((f) => (by === 'count' ? f.properties.count : f.properties.records));
  const max = Math.max(1, ...values);
  const layer = L.geoJSON(geojson, {
    pointToLayer: (f, latlng) => {
      const v = by === 'count' ? f.properties.count : f.properties.records;
      return L.circleMarker(latlng, { radius: 4 + 22 * Math.sqrt(v / max), color: '#5b2a86', weight: 1.5, fillColor: '#8e5cc2', fillOpacity: 0.55 });
    },
    onEachFeature: (f, l) => {
      const p = f.properties;
      const periods = Object.entries(p.byPeriod || {}).map(([k, v]) => `<tr><td>${esc(k)}</td><td>${fmt(v)}</td></tr>`).join('');
      l.bindPopup(`<div class="popup"><h3>${p.rank}. ${esc(p.label)}</h3><table>
        <tr><td>Ward</td><td>${esc(p.wardName || '–')}</td></tr>
        <tr><td>Incidents</td><td>${fmt(p.records)}</td></tr><tr><td>Summed count</td><td>${fmt(p.count)}</td></tr>
        <tr><td>First / last</td><td>${esc(p.first)} / ${esc(p.last)}</td></tr>
        ${p.outlierRecords ? `<tr><td>Outlier records</td><td>${p.outlierRecords}</td></tr>` : ''}${periods}</table></div>`);
      l.bindTooltip(`${esc(p.label)}: ${fmt(by === 'count' ? p.count : p.records)}`);
    },
  }).addTo(map);
  const legend = `<h4>Repeat locations</h4><div>circle area ∝ ${by === 'count' ? 'summed count' : 'incidents'} (largest ${fmt(max)})</div>`;
  return { layer, legend };
}

const STAY_COLOURS = [[3, '#fdd49e'], [7, '#fc8d59'], [14, '#d7301f'], [Infinity, '#7f0000']];

/** Encampments as points coloured by days in situ; open ones drawn with a dashed ring. */
export function drawEncampments(map, years) {
  const group = L.featureGroup();
  years.forEach((y) => y.stays.forEach((s) => {
    if (s.lon === null || Number.isNaN(s.lon)) return;
    const colour = STAY_COLOURS.find(([limit]) => s.days <= limit)[1];
    const extra = s.extra ? JSON.parse(s.extra) : {};
    L.circleMarker([s.lat, s.lon], { radius: 7, color: s.open ? '#000' : '#444', dashArray: s.open ? '3' : null, weight: s.open ? 2 : 1, fillColor: colour, fillOpacity: 0.85 })
      .bindPopup(`<div class="popup"><h3>${esc(s.location)}</h3><table><tr><td>From</td><td>${esc(s.start)}</td></tr>
        <tr><td>To</td><td>${s.open ? 'still open' : esc(s.end)}</td></tr><tr><td>Days in situ</td><td>${s.days}</td></tr>
        ${extra.vehicles != null ? `<tr><td>Vehicles</td><td>${extra.vehicles}</td></tr>` : ''}
        ${extra.people != null ? `<tr><td>People</td><td>${extra.people}</td></tr>` : ''}</table></div>`)
      .addTo(group);
  }));
  group.addTo(map);
  const legend = '<h4>Encampments, days in situ</h4>'
    + STAY_COLOURS.map(([limit, c], k) => `<div><i style="background:${c}"></i>${k === 0 ? 'up to 3' : limit === Infinity ? 'over 14' : `${STAY_COLOURS[k - 1][0] + 1} to ${limit}`}</div>`).join('')
    + '<div><i style="background:none;border:2px dashed #000"></i>still open</div>';
  return { layer: group, legend };
}

/** The Knox table: observed / expected and the ratio per band pair, significant cells shaded. */
export function knoxTable(result) {
  const head = `<tr><th></th>${result.timeBands.map((t) => `<th>${esc(t)}</th>`).join('')}</tr>`;
  const rows = result.cells.map((row, a) => `<tr><th>${esc(result.spaceBands[a])}</th>${row.map((c) => {
    const sig = c.p < 0.05 && c.knoxRatio >= 1.2;
    return `<td class="${sig ? 'sig' : ''}" title="observed ${c.observed}, expected ${fmt(c.expected, 1)}, p = ${c.p.toFixed(3)}">${c.knoxRatio === null ? '–' : fmt(c.knoxRatio, 2)}</td>`;
  }).join('')}</tr>`).join('');
  return `<p class="note">${result.reading.map(esc).join('<br>')}</p><table class="knox">${head}${rows}</table>`
    + `<p class="note">Knox ratios; shaded: ratio ≥ 1.2 with p &lt; 0.05 (${result.parameters.simulations} permutations, ${fmt(result.incidents)} incidents).</p>`;
}
