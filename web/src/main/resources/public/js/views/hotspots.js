// Hotspot layers on the map: Gi* bins, kernel density and change, each with a fixed, explained legend.
// The server computes every value in metres, and the comparison period; this module only draws.
import { api, latestOnly } from '../api.js';
import { html, num } from '../format.js';
import { legendSection } from './legend.js';
import { $ } from './dom.js';
import { featureIndex, bboxAreaKm2 } from '../geo.js';

/** Hotspot layers of more cells than this (estimated before asking) need the user's go-ahead. */
export const CELL_BUDGET = 150000;

/** The cells a grid of `cellM` metres has over a bounding box [w, s, e, n]; with no cell size, the server's default (about 2,500). */
export function estimateCells(bbox, cellM) {
  if (!cellM) return 2500;
  return Math.round((bboxAreaKm2(bbox) * 1e6) / (cellM * cellM));
}

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
const KDE_MULTIPLES = [1, 2, 4, 8];
const KDE_NAMES = ['below the average', '1 to 2 x average', '2 to 4 x average', '4 to 8 x average', '8 x average or more'];
const CHANGE_BREAKS = [-10, -5, -2, 2, 5, 10];
const CHANGE_COLOURS = ['#2166ac', '#67a9cf', '#d1e5f0', '#f7f7f7', '#fddbc7', '#ef8a62', '#b2182b'];
const CHANGE_LABELS = ['10 or more fewer', '5 to 9 fewer', '2 to 4 fewer', 'within ±1', '2 to 4 more', '5 to 9 more', '10 or more more'];

function classOf(value, breaks) {
  let k = 0;
  while (k < breaks.length && value >= breaks[k]) k++;
  return k;
}

const approx = (v, d = 1) => num(v, d, { trim: true });

/** Style, legend and tooltip for one analysis, given its GeoJSON layer. */
function styler(analysis, layer) {
  const par = layer.parameters;
  if (analysis === 'gistar') {
    const colours = Object.fromEntries(GI_BINS.map((b) => [b.bin, b.colour]));
    return {
      colour: (p) => colours[p.bin],
      opacity: (p) => (p.bin === 0 ? 0.35 : 0.8),
      legend: legendSection(`Getis-Ord Gi* (${String(par.p_adjust).toUpperCase()}-adjusted)`, GI_BINS.filter((b) => b.bin !== 0),
        'Only significant cells are drawn; the download has every cell.'),
      tooltip: (p) => html`${p.n} incidents · Gi* z = ${approx(p.gistar, 2)} · adjusted p = ${Number(p.p_adjusted).toPrecision(2)}`,
      info: (p) => html`<tr><td>Incidents in the cell</td><td>${num(p.n)}</td></tr><tr><td>Gi* z</td><td>${approx(p.gistar, 2)}</td></tr>
        <tr><td>p (adjusted)</td><td>${Number(p.pvalue).toPrecision(2)} (${Number(p.p_adjusted).toPrecision(2)})</td></tr>
        <tr><td>Bin</td><td>${p.bin} (${(GI_BINS.find((b) => b.bin === p.bin) || {}).label || ''})</td></tr>`,
    };
  }
  if (analysis === 'kde') {
    // classes are multiples of the area's mean density, so a class means the same on every map
    const mean = par.incidents / (par.area_km2 || 1);
    const breaks = KDE_MULTIPLES.map((m) => m * mean);
    const rows = KDE_COLOURS.map((colour, k) => ({ colour, label: `${KDE_NAMES[k]}${k > 0 ? ` (${approx(breaks[k - 1], 0)}+)` : ''}` }));
    return {
      colour: (p) => KDE_COLOURS[classOf(p.kde, breaks)],
      opacity: (p) => (p.kde < mean ? 0.25 : 0.8),
      legend: legendSection('Kernel density, incidents per km²', rows.slice(1),
        `Quartic kernel, bandwidth ${approx(par.bandwidth_m, 0)} m; average ${approx(mean, 0)} per km² over the area; cells below it are not drawn.`),
      tooltip: (p) => html`${approx(p.kde)} per km² · ${p.n} incidents in the cell`,
      info: (p) => html`<tr><td>Density</td><td>${approx(p.kde)} per km²</td></tr><tr><td>Incidents in the cell</td><td>${num(p.n)}</td></tr>`,
    };
  }
  const rows = CHANGE_COLOURS.map((colour, k) => ({ colour, label: CHANGE_LABELS[k] }));
  return {
    colour: (p) => CHANGE_COLOURS[classOf(p.change, CHANGE_BREAKS)],
    opacity: () => 0.8,
    legend: legendSection('Change in incidents per cell', [...rows, { ring: 'solid', label: 'became a hot spot (Gi* 95%)' }],
      `${par.period_before} against ${par.period}.`),
    tooltip: (p) => html`${p.n_before} → ${p.n_after} (${p.change > 0 ? '+' : ''}${p.change}) · ${p.class}`,
    info: (p) => html`<tr><td>Before / after</td><td>${num(p.n_before)} / ${num(p.n_after)}</td></tr><tr><td>Change</td><td>${p.change > 0 ? '+' : ''}${num(p.change)}</td></tr>
      <tr><td>Gi* z before / after</td><td>${approx(p.gistar_before, 2)} / ${approx(p.gistar_after, 2)}</td></tr><tr><td>Class</td><td>${p.class}</td></tr>`,
    weight: (p) => (p.class === 'became hot' ? 2 : 0.3),
  };
}

/**
 * The hotspot layer view: refresh(state, bbox) draws the chosen analysis, or removes it for 'none'; cancel() stops
 * the request in flight; at(latlng) gives the cell under a point with its tooltip and info rows.
 */
export function createHotspotView(map) {
  const view = { layer: null, legend: null };
  const next = latestOnly();
  const renderer = L.canvas({ pane: 'hotspots' });
  let index = featureIndex(null);
  let styled = null;
  const clear = () => {
    if (view.layer) view.layer.remove();
    renderer.remove(); // Leaflet keeps a renderer's canvas on the map after its last layer goes: take it off too
    view.layer = null;
    view.legend = null;
    index = featureIndex(null);
  };
  view.cancel = () => next();
  view.at = (latlng) => {
    const f = index.at(latlng.lng, latlng.lat);
    return f && { properties: f.properties, tooltip: styled.tooltip(f.properties), info: styled.info(f.properties) };
  };
  /** @param bbox [w, s, e, n] of the wards, for the size estimate */
  view.refresh = async (state, bbox) => {
    const signal = next();
    $('hotspot-links').hidden = state.hotspot === 'none';
    $('hotspot-note').textContent = '';
    if (state.hotspot === 'none') { clear(); return; }
    const cells = bbox ? estimateCells(bbox, state.cell) : 0;
    if (cells > CELL_BUDGET && !window.confirm(`This layer has about ${num(cells)} cells of ${state.cell} m; it may take a while and a lot of memory. Request it?`)) {
      clear();
      $('hotspot-note').textContent = `Not requested: about ${num(cells)} cells. Choose a larger cell size.`;
      return;
    }
    const before = state.hotspot === 'change' ? (await api.periods(state, signal)).comparison : null;
    const period = before && `${before.from}:${before.to}`;
    const geojson = await api.hotspots(state, period, signal);
    if (signal.aborted) return;
    const s = styler(state.hotspot, geojson);
    // built whole, then swapped for the old layer in one step: never two hotspot layers on the map
    const layer = L.geoJSON(geojson, {
      renderer, interactive: false,
      style: (f) => ({ fillColor: s.colour(f.properties), fillOpacity: s.opacity(f.properties), color: '#333',
        weight: s.weight ? s.weight(f.properties) : 0.2 }),
    });
    clear();
    view.layer = layer.addTo(map);
    styled = s;
    index = featureIndex(geojson);
    view.legend = s.legend;
    const p = geojson.parameters;
    const sent = geojson.cells ? ` (${num(geojson.cells.sent)} drawn)` : '';
    $('hotspot-note').textContent = `${num(p.cells)} cells of ${p.cell_size_m} m${sent} (${String(p.cell_size_rule).split(':')[0]}), ${num(p.incidents)} incidents.`
      + (p.warning ? ` Note: ${p.warning}.` : '');
    $('hotspot-geojson').href = api.hotspotUrl(state, period, 'geojson');
    $('hotspot-csv').href = api.hotspotUrl(state, period, 'csv');
  };
  return view;
}
