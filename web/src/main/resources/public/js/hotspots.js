// Hotspot layers on the map: Gi* bins, kernel density and change, each with a fixed, explained legend.
// The server computes every value in metres; this module only draws what it is given.

const GI_BINS = [
  { bin: 3, colour: '#b2182b', label: 'Hot spot, 99% confidence' },
  { bin: 2, colour: '#ef6548', label: 'Hot spot, 95% confidence' },
  { bin: 1, colour: '#fdbb84', label: 'Hot spot, 90% confidence' },
  { bin: 0, colour: '#d9d9d9', label: 'Not significant' },
  { bin: -1, colour: '#d1e5f0', label: 'Cold spot, 90% confidence' },
  { bin: -2, colour: '#67a9cf', label: 'Cold spot, 95% confidence' },
  { bin: -3, colour: '#2166ac', label: 'Cold spot, 99% confidence' },
];
const KDE_COLOURS = ['#fcfbfd', '#dadaeb', '#9e9ac8', '#6a51a3', '#3f007d'];
const CHANGE_BREAKS = [-10, -5, -2, 2, 5, 10];
const CHANGE_COLOURS = ['#2166ac', '#67a9cf', '#d1e5f0', '#f7f7f7', '#fddbc7', '#ef8a62', '#b2182b'];

function classOf(value, breaks) {
  let k = 0;
  while (k < breaks.length && value >= breaks[k]) k++;
  return k;
}

const KDE_MULTIPLES = [1, 2, 4, 8];

const fmt = (v, d = 1) => Number(v).toLocaleString('en-GB', { maximumFractionDigits: d });

/** Style, legend and tooltip for one analysis, given its GeoJSON layer. */
function styler(analysis, layer) {
  const props = layer.features.map((f) => f.properties);
  if (analysis === 'gistar') {
    const colours = Object.fromEntries(GI_BINS.map((b) => [b.bin, b.colour]));
    return {
      colour: (p) => colours[p.bin],
      opacity: (p) => (p.bin === 0 ? 0.35 : 0.8),
      legend: `<h4>Getis-Ord Gi* (${layer.parameters.p_adjust.toUpperCase()}-adjusted)</h4>`
        + GI_BINS.map((b) => `<div><i style="background:${b.colour}"></i>${b.label}</div>`).join('')
        + '<small>Cells with no incidents nearby are not drawn.</small>',
      tooltip: (p) => `${p.n} incidents · Gi* z = ${fmt(p.gistar, 2)} · adjusted p = ${Number(p.p_adjusted).toPrecision(2)}`,
    };
  }
  if (analysis === 'kde') {
    // classes are multiples of the area's mean density, so a class means the same on every map
    const mean = layer.parameters.incidents / (layer.parameters.area_km2 || 1);
    const breaks = KDE_MULTIPLES.map((m) => m * mean);
    const names = ['below the average', '1 to 2 x average', '2 to 4 x average', '4 to 8 x average', '8 x average or more'];
    const rows = KDE_COLOURS.map((c, k) => `<div><i style="background:${c}"></i>${names[k]}${k > 0 ? ` (${fmt(breaks[k - 1], 0)}+)` : ''}</div>`);
    return {
      colour: (p) => KDE_COLOURS[classOf(p.kde, breaks)],
      opacity: (p) => (p.kde < mean ? 0.25 : 0.8),
      legend: `<h4>Kernel density, incidents per km²</h4>${rows.join('')}<small>Quartic kernel, bandwidth ${fmt(layer.parameters.bandwidth_m, 0)} m; average ${fmt(mean, 0)} per km² over the area.</small>`,
      tooltip: (p) => `${fmt(p.kde)} per km² · ${p.n} incidents in the cell`,
    };
  }
  const labels = ['10 or more fewer', '5 to 9 fewer', '2 to 4 fewer', 'within ±1', '2 to 4 more', '5 to 9 more', '10 or more more'];
  return {
    colour: (p) => CHANGE_COLOURS[classOf(p.change, CHANGE_BREAKS)],
    opacity: () => 0.8,
    legend: `<h4>Change in incidents per cell</h4>${CHANGE_COLOURS.map((c, k) => `<div><i style="background:${c}"></i>${labels[k]}</div>`).join('')}`
      + '<div><i style="background:none;border:2px solid #000"></i>became a hot spot (Gi* 95%)</div>'
      + `<small>${layer.parameters.period_before} against ${layer.parameters.period}.</small>`,
    tooltip: (p) => `${p.n_before} → ${p.n_after} (${p.change > 0 ? '+' : ''}${p.change}) · ${p.class}`,
    weight: (p) => (p.class === 'became hot' ? 2 : 0.3),
  };
}

/**
 * Draws a hotspot layer on the map and returns { layer, legendHtml }.
 * @param {L.Map} map
 * @param {string} analysis 'gistar' | 'kde' | 'change'
 * @param {object} geojson the server's layer with its parameters
 */
export function drawHotspots(map, analysis, geojson) {
  const s = styler(analysis, geojson);
  const layer = L.geoJSON(geojson, {
    renderer: L.canvas(),
    style: (f) => ({ fillColor: s.colour(f.properties), fillOpacity: s.opacity(f.properties), color: '#333',
      weight: s.weight ? s.weight(f.properties) : 0.2 }),
    onEachFeature: (f, l) => l.bindTooltip(s.tooltip(f.properties), { sticky: true }),
  }).addTo(map);
  return { layer, legendHtml: s.legend };
}

/** The query string for a hotspot analysis from the shared view state. */
export function hotspotQuery(state, extra = {}) {
  const q = new URLSearchParams({ boundaries: state.boundaries, from: state.from, to: state.to });
  state.categories.forEach((c) => q.append('category', c));
  if (state.dataset) q.set('dataset', state.dataset);
  if (state.cell) q.set('cell', state.cell);
  if (state.shape && state.shape !== 'square') q.set('shape', state.shape);
  if (state.bandwidth && state.hotspot === 'kde') q.set('bandwidth', state.bandwidth);
  Object.entries(extra).forEach(([k, v]) => q.set(k, v));
  return q.toString();
}
