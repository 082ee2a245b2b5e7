// The ward map page: wires the view state (state.js), the API (api.js) and the views. It holds no data of
// its own: the state says what to show, the views fetch and draw it, and a change of state redraws what
// depends on the keys that changed.
import { createState, RANGES } from './state.js';
import { api, latestOnly } from './api.js';
import { esc } from './format.js';
import { $ } from './views/dom.js';
import { createLegend } from './views/legend.js';
import { createWardView } from './views/wards.js';
import { createHotspotView } from './views/hotspots.js';
import { createPlacesView } from './views/places.js';
import { createFocusView } from './views/focus.js';
import { createTrendsView } from './views/trends.js';
import { showExports } from './views/exports.js';
import { fillPickers, showState, readControls } from './views/controls.js';
import { initUpload } from './views/upload.js';

/** Keys whose change needs every layer fetched again. */
const SELECTION = ['boundaries', 'dataset', 'categories', 'from', 'to', 'compare', 'hotspot', 'cell', 'bandwidth', 'shape'];
const AREA = ['wards', 'polygon', 'areaId'];
const PLACES = ['places', 'groupBy', 'rankBy'];

const state = createState({ read: () => location.hash, write: (hash) => history.replaceState(null, '', hash) });
const map = L.map('map', { zoomControl: true });
const legend = createLegend(map);
const hotspots = createHotspotView(map);
const places = createPlacesView(map, (latlng) => map.setView(latlng, 16));
const focus = createFocusView(map, state, setStatus);
const trends = createTrendsView();
const wards = createWardView(map, (code) => focus.toggleWard(code));
const nextWardLayer = latestOnly();
let started = false;

function setStatus(text, isError = false) {
  $('status').textContent = text;
  $('status').classList.toggle('error', isError);
}

function failed(err) {
  if (!err.aborted) setStatus(err.message, true);
}

/** Draws the wards (the given layer, or the last one again), the legend, and the layers above the wards. */
function redraw(next) {
  const wardLegend = wards.draw(state, { next, faded: Boolean(hotspots.layer) });
  legend.show(hotspots.legend || wardLegend, places.legend);
  for (const layer of [hotspots.layer, places.layer]) if (layer) layer.bringToFront();
  focus.front();
}

/** Fetches and draws every layer for the state; a layer that fails is reported, the others still drawn. */
async function refresh() {
  setStatus('Loading…');
  const signal = nextWardLayer();
  const problems = [];
  const soft = (promise) => promise.catch((err) => { if (!err.aborted) problems.push(err.message); });
  try {
    const [layer] = await Promise.all([wards.load(state, signal), soft(hotspots.refresh(state)), soft(places.refresh(state)), soft(trends.refresh(state))]);
    if (signal.aborted) return;
    redraw(layer);
    const codes = new Set(wards.codes());
    if (state.wards.some((w) => !codes.has(w))) state.set({ wards: state.wards.filter((w) => codes.has(w)) });
    showExports(state);
    await focus.refresh(wards.names).catch((err) => { if (!err.aborted) throw err; }); // superseded: a newer call draws it
    if (problems.length) setStatus(problems.join('; '), true);
    else setStatus(`${layer.features.length} wards · ${state.from} to ${state.to}`);
  } catch (err) {
    failed(err);
  }
}

/** What a change of state redraws. */
state.on((changed) => {
  if (!started) return;
  const any = (keys) => keys.some((k) => changed.includes(k));
  if (changed.includes('boundaries')) wards.fitNext();
  if (any(SELECTION)) { refresh(); return; }
  if (any(PLACES)) places.refresh(state).then(() => redraw()).catch(failed);
  if (any(PLACES) || any(AREA)) showExports(state);
  if (any(AREA)) { wards.restyle(state); focus.showArea(); focus.refresh().catch(failed); trends.refresh(state).catch(failed); }
  if (changed.includes('measure')) redraw();
});

/** Reads the controls into the state; a value out of its range is refused and the control reset. */
function controlsChanged() {
  const refused = state.set(readControls());
  if (refused.length) {
    setStatus(`Not accepted: ${refused.join(', ')}. Cell size is ${RANGES.cell.join(' to ')} m and bandwidth ${RANGES.bandwidth.join(' to ')} m, whole metres (blank for automatic).`, true);
    showState(state);
  }
}

/** Loads the server's lists into the state and pickers; false when there is nothing to show yet. */
async function loadLists() {
  const [sets, datasets, categories, months] = await Promise.all([api.boundarySets(), api.datasets(), api.categories(), api.months()]);
  const lists = { sets, datasets, categories, months };
  state.reconcile(lists);
  fillPickers(state, lists);
  if (sets.length === 0) setStatus('No boundary set yet: add one with "wardheat boundaries add".', true);
  else if (months.length === 0) setStatus('No incidents yet: import files below, or with "wardheat import".', true);
  return sets.length > 0 && months.length > 0;
}

/** Sets the controls from the state, wires them, and draws the first view. */
async function start() {
  started = true;
  showState(state);
  $('controls').addEventListener('change', controlsChanged);
  for (const id of ['places', 'group-by', 'rank-by']) $(id).addEventListener('change', controlsChanged);
  $('near-repeat').addEventListener('click', () => places.nearRepeat(state));
  $('print').addEventListener('click', () => window.print());
  map.on('moveend', () => {
    const c = map.getCenter();
    if (wards.fitted) state.set({ view: [Number(c.lat.toFixed(5)), Number(c.lng.toFixed(5)), map.getZoom()] });
  });
  await focus.loadSaved();
  focus.showArea();
  await refresh();
}

/** After an import: new datasets, categories or months show in the pickers; the views redraw. */
async function afterImport() {
  if (!(await loadLists())) return;
  if (started) await refresh();
  else await start();
}

function basemap(config) {
  // the attribution is the operator's text, shown as text ("&copy;" becomes ©)
  const attribution = esc(String(config.tileAttribution || '').replace(/&copy;/g, '©'));
  const tiles = config.tileUrl ? L.tileLayer(config.tileUrl, { maxZoom: 19, attribution }) : null;
  const none = L.layerGroup();
  (tiles || none).addTo(map);
  L.control.layers(tiles ? { 'Street map': tiles, 'No basemap': none } : { 'No basemap': none }, {}, { position: 'topright' }).addTo(map);
}

async function init() {
  const config = await api.config();
  $('demo-badge').hidden = !config.demo;
  basemap(config);
  // wired first, so that a new, empty data directory can be filled from the page
  initUpload(() => state.boundaries, () => afterImport().catch(failed));
  if (await loadLists()) await start();
}

// a hash edited by hand (or a link followed on this page) starts the page again from it; the page's own
// hash writes use history.replaceState, which fires no hashchange
window.addEventListener('hashchange', () => window.location.reload());
init().catch(failed);
