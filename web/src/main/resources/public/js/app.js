// The ward map: loads the controls, draws the choropleth with a legend, popups and the ranked table.
import { api } from './api.js';
import { scaleFor } from './palette.js';
import { trendSvg } from './trend.js';
import { drawHotspots, hotspotQuery } from './hotspots.js';

const $ = (id) => document.getElementById(id);
const state = { boundaries: null, categories: [], from: null, to: null, compare: 'previous', measure: 'count', hotspot: 'none', cell: '', bandwidth: '' };
const MEASURE_TITLES = { count: 'Incidents', rate_per_1000: 'Rate per 1,000 residents', change_pct: '% change on comparison period' };

const map = L.map('map', { zoomControl: true, preferCanvas: false });
let wardLayer = null;
let lastLayer = null;
let fitted = false;
let hotspotLayer = null;
let hotspotLegend = '';

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
  for (const key of ['boundaries', 'from', 'to', 'compare', 'measure', 'hotspot', 'cell', 'bandwidth']) if (q.get(key)) state[key] = q.get(key);
  if (q.getAll('category').length) state.categories = q.getAll('category');
}

function writeHash() {
  const q = new URLSearchParams({ boundaries: state.boundaries, from: state.from, to: state.to, compare: state.compare, measure: state.measure });
  for (const key of ['hotspot', 'cell', 'bandwidth']) if (state[key] && state[key] !== 'none') q.set(key, state[key]);
  state.categories.forEach((c) => q.append('category', c));
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
  const [config, sets, categories, months] = await Promise.all([api.config(), api.boundarySets(), api.categories(), api.months()]);
  $('demo-badge').hidden = !config.demo;
  const osm = config.tileUrl ? L.tileLayer(config.tileUrl, { maxZoom: 19, attribution: config.tileAttribution }) : null;
  const none = L.layerGroup();
  (osm || none).addTo(map);
  L.control.layers(osm ? { 'Street map': osm, 'No basemap': none } : { 'No basemap': none }, {}, { position: 'topright' }).addTo(map);

  if (sets.length === 0) {
    setStatus('No boundary set yet: add one with "wardheat boundaries add".', true);
    return;
  }
  if (!sets.some((s) => s.id === state.boundaries)) state.boundaries = sets[0].id;
  sets.forEach((s) => option($('boundaries'), s.id, `${s.id} (${s.wards} wards)`, s.id === state.boundaries));
  categories.forEach((c) => option($('categories'), c.category, `${c.category} (${c.count.toLocaleString()})`, state.categories.includes(c.category)));
  const monthNames = months.map((m) => m.month);
  if (monthNames.length === 0) {
    setStatus('No incidents yet: import police.uk files with "wardheat import".', true);
    return;
  }
  const last = monthNames[monthNames.length - 1];
  if (!state.to || !monthNames.includes(state.to)) state.to = last;
  if (!state.from || !monthNames.includes(state.from)) state.from = monthNames[Math.max(0, monthNames.indexOf(state.to) - 11)];
  monthNames.forEach((m) => {
    option($('from'), m, m, m === state.from);
    option($('to'), m, m, m === state.to);
  });
  $('compare').value = state.compare;
  $('hotspot').value = state.hotspot;
  $('cell').value = state.cell;
  $('bandwidth').value = state.bandwidth;
  document.querySelector(`input[name=measure][value=${state.measure}]`).checked = true;

  $('controls').addEventListener('change', (e) => {
    if (e.target.name === 'measure') {
      state.measure = e.target.value;
      writeHash();
      if (lastLayer) draw(lastLayer);
      return;
    }
    state.boundaries = $('boundaries').value;
    state.categories = [...$('categories').selectedOptions].map((o) => o.value);
    state.from = $('from').value;
    state.to = $('to').value;
    state.compare = $('compare').value;
    state.hotspot = $('hotspot').value;
    state.cell = $('cell').value;
    state.bandwidth = $('bandwidth').value;
    if (e.target.name === 'boundaries') fitted = false;
    refresh();
  });
  await refresh();
}

async function refresh() {
  writeHash();
  setStatus('Loading…');
  try {
    const [layer] = await Promise.all([api.wardLayer(state), refreshHotspots()]);
    lastLayer = layer;
    draw(layer);
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
  $('hotspot-note').textContent = `${p.cells.toLocaleString()} cells of ${p.cell_size_m} m (${p.cell_size_rule.split(':')[0]}), ${p.incidents.toLocaleString()} incidents.`;
  $('hotspot-geojson').href = `/api/hotspots/${state.hotspot}?${query}&download=1`;
  $('hotspot-csv').href = `/api/hotspots/${state.hotspot}?${query}&format=csv`;
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

function draw(layer) {
  const values = layer.features.map((f) => f.properties[state.measure]);
  const scale = scaleFor(state.measure, values);
  if (wardLayer) wardLayer.remove();
  wardLayer = L.geoJSON(layer, {
    style: (f) => ({ fillColor: scale.colour(f.properties[state.measure]), fillOpacity: hotspotLayer ? 0.12 : 0.75, color: '#4a5160', weight: hotspotLayer ? 1.5 : 1 }),
    onEachFeature: (f, l) => {
      l.bindPopup(() => popup(f.properties, layer), { maxWidth: 280 });
      l.bindTooltip(`${f.properties.ward_name}: ${fmt(f.properties[state.measure], 1)}`, { sticky: true });
      l.on('mouseover', () => l.setStyle({ weight: 3, color: '#111' }));
      l.on('mouseout', () => wardLayer.resetStyle(l));
    },
  }).addTo(map);
  if (hotspotLayer) hotspotLayer.bringToFront();
  if (!fitted) {
    map.fitBounds(wardLayer.getBounds(), { padding: [10, 10] });
    fitted = true;
  }
  legend.getContainer().innerHTML = hotspotLegend || (`<h4>${MEASURE_TITLES[state.measure]}</h4>`
    + scale.rows.map((r) => `<div><i style="background:${r.colour}"></i>${r.label}</div>`).join(''));
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
