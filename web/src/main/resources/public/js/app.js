// The ward map: loads the controls, draws the choropleth with a legend, popups and the ranked table.
import { api } from './api.js';
import { scaleFor } from './palette.js';
import { trendSvg } from './trend.js';
import { drawHotspots, hotspotQuery } from './hotspots.js';
import { drawRepeats, drawEncampments, knoxTable } from './places.js';
import { initUpload } from './upload.js';
import { addDrawTools, areaParams, describeArea, encodePolygon, decodePolygon, summaryHtml, strategicRows, savedListHtml } from './focus.js';

const $ = (id) => document.getElementById(id);
const state = { boundaries: null, categories: [], from: null, to: null, compare: 'previous', measure: 'count', hotspot: 'none', cell: '', bandwidth: '', shape: 'square', dataset: '', places: 'none', wards: [], polygon: null, areaId: null, areaName: null, view: null };
const MEASURE_TITLES = { count: 'Incidents', rate_per_1000: 'Rate per 1,000 residents', change_pct: '% change on comparison period' };

const map = L.map('map', { zoomControl: true, preferCanvas: false });
let wardLayer = null;
let lastLayer = null;
let fitted = false;
let hotspotLayer = null;
let hotspotLegend = '';
let placesLayer = null;
let placesLegend = '';
let draw = null;
const wardNames = {};

const legend = L.control({ position: 'bottomright' });
legend.onAdd = () => L.DomUtil.create('div', 'legend');
legend.addTo(map);

function setStatus(text, isError = false) {
  $('status').textContent = text;
  $('status').classList.toggle('error', isError);
}

function fmt(v, digits = 0) {
  return v === null || v === undefined ? '–' : Number(v).toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function fmtChange(p) {
  if (p.change_pct === null) return p.change > 0 ? `+${p.change} (new)` : `${p.change}`;
  const sign = p.change_pct > 0 ? '+' : '';
  return `${sign}${fmt(p.change_pct, 1)}%`;
}

/** Reads the state from the URL hash, so a link reproduces the view. */
function readHash() {
  const q = new URLSearchParams(location.hash.slice(1));
  for (const key of ['boundaries', 'from', 'to', 'compare', 'measure', 'hotspot', 'cell', 'bandwidth', 'shape', 'dataset', 'places']) if (q.get(key)) state[key] = q.get(key);
  if (q.getAll('category').length) state.categories = q.getAll('category');
  if (q.get('wards')) state.wards = q.get('wards').split(',');
  if (q.get('poly')) state.polygon = q.get('poly');
  if (q.get('area_id')) state.areaId = q.get('area_id');
  if (q.get('map')) state.view = q.get('map').split(',').map(Number);
}

function writeHash() {
  const q = new URLSearchParams({ boundaries: state.boundaries, from: state.from, to: state.to, compare: state.compare, measure: state.measure });
  for (const key of ['hotspot', 'cell', 'bandwidth', 'shape', 'dataset', 'places']) if (state[key] && state[key] !== 'none' && state[key] !== 'square') q.set(key, state[key]);
  state.categories.forEach((c) => q.append('category', c));
  if (state.areaId) q.set('area_id', state.areaId);
  else if (state.wards.length) q.set('wards', state.wards.join(','));
  else if (state.polygon) q.set('poly', state.polygon);
  if (fitted) { const c = map.getCenter(); q.set('map', `${c.lat.toFixed(5)},${c.lng.toFixed(5)},${map.getZoom()}`); }
  history.replaceState(null, '', `#${q}`);
}

function option(select, value, label, selected) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  o.selected = selected;
  select.appendChild(o);
}

async function init() {
  readHash();
  const config = await api.config();
  $('demo-badge').hidden = !config.demo;
  const osm = config.tileUrl ? L.tileLayer(config.tileUrl, { maxZoom: 19, attribution: config.tileAttribution }) : null;
  const none = L.layerGroup();
  (osm || none).addTo(map);
  L.control.layers(osm ? { 'Street map': osm, 'No basemap': none } : { 'No basemap': none }, {}, { position: 'topright' }).addTo(map);
  // wired first, so that a new, empty data directory can be filled from the page
  initUpload($('import-form'), { preset: $('import-preset'), mapping: $('import-mapping'), report: $('import-report'),
    boundaries: () => state.boundaries, onImported: afterImport });
  if (await loadPickers()) await start();
}

let started = false;

/** After an import: new datasets, categories or months show in the pickers; the views redraw. */
async function afterImport() {
  if (!(await loadPickers())) return;
  if (started) await refresh();
  else await start();
}

function replaceOptions(select, items) {
  select.innerHTML = '';
  items.forEach(([value, label, selected]) => option(select, value, label, selected));
}

/** Fills the boundary set, dataset, category and month pickers; false when there is nothing to show yet. */
async function loadPickers() {
  const [sets, categories, months, datasets] = await Promise.all([api.boundarySets(), api.categories(), api.months(), api.datasets()]);
  if (!state.dataset) state.dataset = (datasets.find((d) => d.kind === 'police-uk') || { id: '' }).id;
  replaceOptions($('dataset'), [['', 'all datasets', state.dataset === ''],
    ...datasets.map((d) => [d.id, `${d.id} (${d.incidents.toLocaleString()})`, d.id === state.dataset])]);
  if (sets.length === 0) {
    setStatus('No boundary set yet: add one with "wardheat boundaries add".', true);
    return false;
  }
  if (!sets.some((s) => s.id === state.boundaries)) state.boundaries = sets[0].id;
  replaceOptions($('boundaries'), sets.map((s) => [s.id, `${s.id} (${s.wards} wards)`, s.id === state.boundaries]));
  replaceOptions($('categories'), categories.map((c) => [c.category, `${c.category} (${c.count.toLocaleString()})`, state.categories.includes(c.category)]));
  const monthNames = months.map((m) => m.month);
  if (monthNames.length === 0) {
    setStatus('No incidents yet: import files below, or with "wardheat import".', true);
    return false;
  }
  const last = monthNames[monthNames.length - 1];
  if (!state.to || !monthNames.includes(state.to)) state.to = last;
  if (!state.from || !monthNames.includes(state.from)) state.from = monthNames[Math.max(0, monthNames.indexOf(state.to) - 11)];
  replaceOptions($('from'), monthNames.map((m) => [m, m, m === state.from]));
  replaceOptions($('to'), monthNames.map((m) => [m, m, m === state.to]));
  return true;
}

/** Sets the controls from the state, wires them, and draws the first view. */
async function start() {
  started = true;
  $('compare').value = state.compare;
  $('places').value = state.places;
  $('hotspot').value = state.hotspot;
  $('cell').value = state.cell;
  $('shape').value = state.shape;
  $('bandwidth').value = state.bandwidth;
  document.querySelector(`input[name=measure][value=${state.measure}]`).checked = true;

  $('group-by').addEventListener('change', () => refreshPlaces().catch((err) => setStatus(err.message, true)));
  $('rank-by').addEventListener('change', () => refreshPlaces().catch((err) => setStatus(err.message, true)));
  $('places').addEventListener('change', () => { state.places = $('places').value; writeHash(); refreshPlaces().catch((err) => setStatus(err.message, true)); });
  $('near-repeat').addEventListener('click', runNearRepeat);
  draw = addDrawTools(map, (geometry) => {
    state.polygon = encodePolygon(geometry);
    state.wards = [];
    state.areaId = null;
    draw.show(geometry);
    afterAreaChange();
  });
  if (state.polygon) draw.show(decodePolygon(state.polygon));
  map.on('moveend', () => { if (fitted) writeHash(); });
  $('focus-clear').addEventListener('click', () => { state.wards = []; state.polygon = null; state.areaId = null; draw.show(null); afterAreaChange(); });
  $('focus-save').addEventListener('click', saveArea);
  $('print').addEventListener('click', () => window.print());
  $('focus-saved').addEventListener('click', savedAreaAction);
  await loadSaved();
  $('controls').addEventListener('change', (e) => {
    if (e.target.name === 'measure') {
      state.measure = e.target.value;
      writeHash();
      if (lastLayer) draw_(lastLayer);
      return;
    }
    state.boundaries = $('boundaries').value;
    state.categories = [...$('categories').selectedOptions].map((o) => o.value);
    state.from = $('from').value;
    state.to = $('to').value;
    state.compare = $('compare').value;
    state.hotspot = $('hotspot').value;
    state.cell = $('cell').value;
    state.shape = $('shape').value;
    state.bandwidth = $('bandwidth').value;
    state.dataset = $('dataset').value;
    state.places = $('places').value;
    if (e.target.name === 'boundaries') fitted = false;
    refresh();
  });
  await refresh();
}

async function refresh() {
  writeHash();
  setStatus('Loading…');
  try {
    const [layer] = await Promise.all([api.wardLayer(state), refreshHotspots(), refreshPlaces()]);
    lastLayer = layer;
    draw_(layer);
    await refreshFocus();
    setStatus(`${layer.features.length} wards · ${state.from} to ${state.to}`);
  } catch (err) {
    setStatus(err.message, true);
  }
}

/** Fetches and draws the chosen hotspot layer (or removes it), above the wards. */
async function refreshHotspots() {
  if (hotspotLayer) hotspotLayer.remove();
  hotspotLayer = null;
  hotspotLegend = '';
  $('hotspot-links').hidden = state.hotspot === 'none';
  $('hotspot-note').textContent = '';
  if (state.hotspot === 'none') return;
  const extra = state.hotspot === 'change' ? { before: comparisonPeriod() } : {};
  const query = hotspotQuery(state, extra);
  const response = await fetch(`/api/hotspots/${state.hotspot}?${query}&only=nonzero`);
  const geojson = await response.json();
  if (!response.ok) throw new Error(geojson.error);
  const drawn = drawHotspots(map, state.hotspot, geojson);
  hotspotLayer = drawn.layer;
  hotspotLegend = drawn.legendHtml;
  const p = geojson.parameters;
  $('hotspot-note').textContent = `${p.cells.toLocaleString()} cells of ${p.cell_size_m} m (${p.cell_size_rule.split(':')[0]}), ${p.incidents.toLocaleString()} incidents.`
    + (p.warning ? ` Note: ${p.warning}.` : '');
  $('hotspot-geojson').href = `/api/hotspots/${state.hotspot}?${query}&download=1`;
  $('hotspot-csv').href = `/api/hotspots/${state.hotspot}?${query}&format=csv`;
}

/** The selection query the record-level routes take. */
function recordQuery(extra = {}) {
  const q = new URLSearchParams({ boundaries: state.boundaries, from: state.from, to: state.to, ...extra });
  if (state.dataset) q.set('dataset', state.dataset);
  state.categories.forEach((c) => q.append('category', c));
  return q;
}

/** Draws the chosen place layer and the ranked list beside the map. */
async function refreshPlaces() {
  if (placesLayer) placesLayer.remove();
  placesLayer = null;
  placesLegend = '';
  $('places-list').innerHTML = '';
  $('places-note').textContent = '';
  if (state.places === 'none') { updateLegend(); return; }
  if (state.places === 'repeats') {
    const by = $('rank-by').value;
    const response = await fetch(`/api/repeats?${recordQuery({ group_by: $('group-by').value, by, top: 20, distance: 50 })}`);
    const geojson = await response.json();
    if (!response.ok) throw new Error(geojson.error);
    ({ layer: placesLayer, legend: placesLegend } = drawRepeats(map, geojson, by));
    const t = geojson.totals;
    $('places-note').textContent = `${t.places.toLocaleString()} places, ${t.records.toLocaleString()} records, summed count ${t.count.toLocaleString()}`
      + (t.outlier_records ? ` (${t.count_without_outliers.toLocaleString()} without ${t.outlier_records} outlier records)` : '') + '.';
    $('places-list').innerHTML = geojson.features.map((f) => `<li data-lat="${f.geometry ? f.geometry.coordinates[1] : ''}" data-lon="${f.geometry ? f.geometry.coordinates[0] : ''}">${escape(f.properties.label)}: <b>${(by === 'count' ? f.properties.count : f.properties.records).toLocaleString()}</b></li>`).join('');
    $('places-list').querySelectorAll('li').forEach((li) => li.addEventListener('click', () => li.dataset.lat && map.setView([+li.dataset.lat, +li.dataset.lon], 16)));
  } else {
    const q = new URLSearchParams({ from: state.from, to: state.to });
    const response = await fetch(`/api/encampments?${q}`);
    const body = await response.json();
    if (!response.ok) throw new Error(body.error);
    ({ layer: placesLayer, legend: placesLegend } = drawEncampments(map, body.years));
    $('places-list').innerHTML = body.years.map((y) => `<li>${escape(y.label)}: <b>${y.encampments}</b> encampments at ${y.locations} locations, ${y.averageDays.toFixed(1)} days on average, ${y.totalDays} days in all${y.open ? `, ${y.open} still open` : ''}</li>`).join('');
    $('places-note').textContent = body.rule;
  }
  updateLegend();
}

async function runNearRepeat() {
  $('near-repeat-result').innerHTML = '<p class="note">Running 999 permutations…</p>';
  try {
    const response = await fetch(`/api/near-repeat?${recordQuery({ simulations: 999 })}`);
    const body = await response.json();
    if (!response.ok) throw new Error(body.error);
    $('near-repeat-result').innerHTML = knoxTable(body);
  } catch (err) {
    $('near-repeat-result').innerHTML = `<p class="note">${escape(err.message)}</p>`;
  }
}

function updateLegend() {
  if (lastLayer) draw_(lastLayer);
}

function toggleWard(code) {
  state.areaId = null;
  if (state.polygon) { state.polygon = null; draw.show(null); }
  state.wards = state.wards.includes(code) ? state.wards.filter((w) => w !== code) : [...state.wards, code];
  afterAreaChange();
}

function afterAreaChange() {
  writeHash();
  if (lastLayer) draw_(lastLayer);
  refreshFocus().catch((err) => setStatus(err.message, true));
}

/** The period, comparison and filters every area route takes, plus the area. */
function focusQuery() {
  const q = new URLSearchParams({ boundaries: state.boundaries, from: state.from, to: state.to, compare: state.compare });
  if (state.dataset) q.set('dataset', state.dataset);
  areaParams(state).forEach((v, k) => q.append(k, v));
  return q;
}

let focusSeq = 0;

/** The area summary and the strategic-assessment table for the current area (or the borough). */
async function refreshFocus() {
  const seq = ++focusSeq; // a slower, older answer must not overwrite a newer one
  const text = describeArea(state, wardNames);
  $('focus-summary').innerHTML = text ? '<p class="note">Loading the summary…</p>' : '';
  $('focus-selection').textContent = text || 'No area chosen: figures are for the whole boundary set.';
  $('strategic-scope').textContent = text ? `(${text})` : `(${state.boundaries}, whole set)`;
  const q = focusQuery();
  const tableQuery = new URLSearchParams(q);
  const strategic = await fetch(`/api/strategic?${tableQuery}`).then((r) => r.json());
  if (strategic.error) throw new Error(strategic.error);
  if (seq !== focusSeq) return;
  $('strategic-table').querySelector('tbody').innerHTML = strategicRows(strategic.rows);
  $('strategic-csv').href = `/api/strategic?${tableQuery}&format=csv`;
  $('strategic-gpkg').href = `/api/export/strategic?${tableQuery}&format=gpkg`;
  exportLinks();
  if (!text) { $('focus-summary').innerHTML = ''; return; }
  state.categories.forEach((c) => q.append('category', c));
  const summary = await fetch(`/api/area-summary?${q}`).then((r) => r.json());
  if (summary.error) throw new Error(summary.error);
  if (seq !== focusSeq) return;
  $('focus-summary').innerHTML = summaryHtml(summary);
  $('focus-summary').dataset.area = text;
}

function exportLinks() {
  const base = new URLSearchParams({ boundaries: state.boundaries, from: state.from, to: state.to, compare: state.compare });
  if (state.dataset) base.set('dataset', state.dataset);
  state.categories.forEach((c) => base.append('category', c));
  const links = (layer, extra = {}) => ['geojson', 'csv', 'gpkg'].map((f) => {
    const q = new URLSearchParams(base);
    Object.entries({ ...extra, format: f }).forEach(([k, v]) => q.set(k, v));
    return `<a href="/api/export/${layer}?${q}" data-export="${layer}-${f}">${f === 'gpkg' ? 'GeoPackage' : f === 'csv' ? 'CSV' : 'GeoJSON'}</a>`;
  }).join(' · ');
  let html = `Wards: ${links('wards')}`;
  if (state.hotspot !== 'none') html += `<br>Hotspot layer: ${links('hotspots', { analysis: state.hotspot, ...(state.cell ? { cell: state.cell } : {}) })}`;
  if (state.places === 'repeats') html += `<br>Repeat locations: ${links('repeats', { group_by: $('group-by').value, by: $('rank-by').value })}`;
  if (state.places === 'encampments') html += `<br>Encampments: ${links('encampments')}`;
  html += `<br>Saved focus areas: ${['geojson', 'csv', 'gpkg'].map((f) => `<a href="/api/export/areas?format=${f}">${f}</a>`).join(' · ')}`;
  $('export-links').innerHTML = html;
}

async function loadSaved() {
  const areas = await fetch('/api/areas').then((r) => r.json());
  $('focus-saved').innerHTML = savedListHtml(areas.features);
  const current = areas.features.find((f) => String(f.properties.id) === String(state.areaId));
  state.areaName = current ? current.properties.name : state.areaName;
  return areas;
}

async function saveArea() {
  const name = $('focus-name').value.trim();
  if (!name) { setStatus('Give the area a name first.', true); return; }
  if (!state.wards.length && !state.polygon) { setStatus('Click wards or draw an area first.', true); return; }
  const body = { name, boundaries: state.boundaries, wards: state.wards, geometry: state.polygon ? decodePolygon(state.polygon) : null };
  const response = await fetch('/api/areas', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const saved = await response.json();
  if (!response.ok) { setStatus(saved.error, true); return; }
  $('focus-name').value = '';
  state.areaId = String(saved.id);
  state.areaName = saved.name;
  state.wards = saved.wards;
  await loadSaved();
  afterAreaChange();
  setStatus(`Saved "${saved.name}".`);
}

async function savedAreaAction(e) {
  const li = e.target.closest('li[data-id]');
  if (!li) return;
  const id = li.dataset.id;
  if (e.target.classList.contains('delete')) {
    if (!window.confirm('Delete this focus area?')) return;
    await fetch(`/api/areas/${id}`, { method: 'DELETE' });
    if (state.areaId === id) state.areaId = null;
    await loadSaved();
    afterAreaChange();
  } else if (e.target.classList.contains('rename')) {
    const name = window.prompt('New name', li.querySelector('.load').textContent);
    if (!name) return;
    const response = await fetch(`/api/areas/${id}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name }) });
    if (!response.ok) { setStatus((await response.json()).error, true); return; }
    await loadSaved();
    afterAreaChange();
  } else if (e.target.classList.contains('load')) {
    const areas = await loadSaved();
    const f = areas.features.find((x) => String(x.properties.id) === id);
    state.areaId = id;
    state.areaName = f.properties.name;
    state.wards = f.properties.wards ? f.properties.wards.split(',') : [];
    state.polygon = null;
    draw.show(state.wards.length ? null : f.geometry);
    map.fitBounds(L.geoJSON(f.geometry).getBounds(), { maxZoom: 15 });
    afterAreaChange();
  }
}

/** The comparison period the ward view uses, as YYYY-MM:YYYY-MM. */
function comparisonPeriod() {
  const [fy, fm] = state.from.split('-').map(Number);
  const [ty, tm] = state.to.split('-').map(Number);
  const months = (ty - fy) * 12 + (tm - fm) + 1;
  const shift = state.compare === 'year-ago' ? 12 : months;
  const back = (y, m) => { const k = y * 12 + (m - 1) - shift; return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`; };
  return `${back(fy, fm)}:${back(ty, tm)}`;
}

function draw_(layer) {
  const values = layer.features.map((f) => f.properties[state.measure]);
  const scale = scaleFor(state.measure, values);
  if (wardLayer) wardLayer.remove();
  wardLayer = L.geoJSON(layer, {
    style: (f) => {
      const selected = state.wards.includes(f.properties.ward_code);
      return { fillColor: scale.colour(f.properties[state.measure]), fillOpacity: hotspotLayer ? 0.12 : 0.75,
        color: selected ? '#0b57d0' : '#4a5160', weight: selected ? 4 : hotspotLayer ? 1.5 : 1,
        className: `ward ward-${f.properties.ward_code}${selected ? ' selected-ward' : ''}` };
    },
    onEachFeature: (f, l) => {
      wardNames[f.properties.ward_code] = f.properties.ward_name;
      l.on('click', () => toggleWard(f.properties.ward_code));
      l.bindPopup(() => popup(f.properties, layer), { maxWidth: 280 });
      l.bindTooltip(`${f.properties.ward_name}: ${fmt(f.properties[state.measure], 1)}`, { sticky: true });
      l.on('mouseover', () => l.setStyle({ weight: 3, color: '#111' }));
      l.on('mouseout', () => wardLayer.resetStyle(l));
    },
  }).addTo(map);
  if (hotspotLayer) hotspotLayer.bringToFront();
  if (placesLayer) placesLayer.bringToFront();
  if (draw) draw.front();
  if (!fitted) {
    if (state.view) map.setView([state.view[0], state.view[1]], state.view[2]);
    else map.fitBounds(wardLayer.getBounds(), { padding: [10, 10] });
    fitted = true;
  }
  legend.getContainer().innerHTML = (hotspotLegend || (`<h4>${MEASURE_TITLES[state.measure]}</h4>`
    + scale.rows.map((r) => `<div><i style="background:${r.colour}"></i>${r.label}</div>`).join(''))) + (placesLegend ? `<hr>${placesLegend}` : '');
  table(layer);
}

function popup(p, layer) {
  const q = layer.query;
  return `<div class="popup"><h3>${escape(p.ward_name)}</h3><table>
    <tr><td>Ward code</td><td>${escape(p.ward_code)}</td></tr>
    <tr><td>Count ${q.period.from} to ${q.period.to}</td><td>${fmt(p.count)}</td></tr>
    <tr><td>Rank</td><td>${p.rank} of ${layer.features.length}</td></tr>
    <tr><td>Rate per 1,000</td><td>${fmt(p.rate_per_1000, 2)}</td></tr>
    <tr><td>Share of total</td><td>${fmt(100 * p.share, 1)}%</td></tr>
    <tr><td>Previous (${q.comparison.from} to ${q.comparison.to})</td><td>${fmt(p.previous_count)}</td></tr>
    <tr><td>Change</td><td>${p.change > 0 ? '+' : ''}${fmt(p.change)} (${fmtChange(p)})</td></tr>
    </table>${trendSvg(layer.months, p.series, q.period)}</div>`;
}

function table(layer) {
  const rows = [...layer.features].sort((a, b) => a.properties.rank - b.properties.rank || a.properties.ward_name.localeCompare(b.properties.ward_name));
  $('ward-table').querySelector('tbody').innerHTML = rows.map((f) => {
    const p = f.properties;
    const cls = p.change > 0 ? 'up' : p.change < 0 ? 'down' : '';
    return `<tr data-code="${escape(p.ward_code)}"><td>${p.rank}</td><td>${escape(p.ward_name)}</td><td>${fmt(p.count)}</td>`
      + `<td>${fmt(p.rate_per_1000, 1)}</td><td>${fmt(p.previous_count)}</td><td class="${cls}">${fmtChange(p)}</td></tr>`;
  }).join('');
  $('ward-table').querySelectorAll('tbody tr').forEach((tr) => tr.addEventListener('click', () => {
    wardLayer.eachLayer((l) => { if (l.feature.properties.ward_code === tr.dataset.code) { map.fitBounds(l.getBounds(), { maxZoom: 15 }); l.openPopup(); } });
  }));
  const t = layer.totals;
  $('top-sentence').textContent = layer.top.sentence;
  $('totals').textContent = `Total ${fmt(t.count)} against ${fmt(t.previousCount)} (${t.changePct === null ? 'no previous incidents' : `${t.changePct > 0 ? '+' : ''}${fmt(t.changePct, 1)}%`})`
    + (t.ratePer1000 !== null ? `, ${fmt(t.ratePer1000, 1)} per 1,000 residents` : '')
    + `. Not in any ward: ${fmt(t.outside)} outside, ${fmt(t.withoutLocation)} without location.`;
  $('csv-link').href = api.wardCsvUrl(state);
}

function escape(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

init().catch((err) => setStatus(err.message, true));
