// The ward map page: wires the view state (state.js), the API (api.js) and the views. It holds no data of
// its own: the state says what to show, the views fetch and draw it, and a change of state redraws what
// depends on the keys that changed. The wards draw first; hotspot cells and places follow as they arrive.
import { createState } from './state.js';
import { api, latestOnly } from './api.js';
import { signIn } from './views/session.js';
import { $ } from './views/dom.js';
import { createMap, addBasemap, createOutline, initDrawer, keepViewInState } from './views/mapview.js';
import { createLegend } from './views/legend.js';
import { createWardView } from './views/wards.js';
import { createContextView } from './views/context.js';
import { createHotspotView } from './views/hotspots.js';
import { createPlacesView } from './views/places.js';
import { createFocusView, describeArea } from './views/focus.js';
import { createTrendsView } from './views/trends.js';
import { createInspector } from './views/inspect.js';
import { createProgress } from './views/progress.js';
import { initPrint } from './views/print.js';
import { initFirstRun } from './views/firstrun.js';
import { showExports } from './views/exports.js';
import { fillPickers, fillCategories, showState, applyControls } from './views/controls.js';
import { initUpload } from './views/upload.js';

const SELECTION = ['boundaries', 'dataset', 'categories', 'from', 'to', 'compare', 'per', 'hotspot', 'cell', 'bandwidth', 'shape']; // refetch all
const [AREA, PLACES] = [['wards', 'polygon', 'areaId'], ['places', 'groupBy', 'rankBy']];

const state = createState({ read: () => location.hash, write: (hash) => history.replaceState(null, '', hash) });
const map = createMap('map');
const legend = createLegend(map);
const hotspots = createHotspotView(map);
const places = createPlacesView(map, (latlng) => map.setView(latlng, 16));
const focus = createFocusView(map, state, setStatus);
const context = createContextView();
const trends = createTrendsView();
const wards = createWardView(map, (code) => focus.toggleWard(code), () => inspector.selecting(), context);
const inspector = createInspector(map, { wards, hotspots }, (code) => focus.toggleWard(code));
const outline = createOutline(map);
const track = createProgress();
const printing = initPrint(map, state, () => wards.bounds(), () => describeArea(state, wards.names) || `${state.boundaries}, whole set`);
const uploaded = () => afterImport().catch(failed);
const controlsChanged = () => applyControls(state, setStatus);
const firstRun = initFirstRun(() => state.boundaries, uploaded);
const nextWardLayer = latestOnly();
let started = false;
function setStatus(text, isError = false) { $('status').textContent = text; $('status').classList.toggle('error', isError); }
function failed(err) { if (!err.aborted) setStatus(err.message, true); }

/** Draws the wards (the given layer, or the last one again) and the legend. */
function redraw(next) {
  const wardLegend = wards.draw(state, { next, faded: Boolean(hotspots.layer) || state.hotspot !== 'none' });
  legend.show(hotspots.legend || wardLegend, places.legend);
  focus.front();
}

const loadPlaces = () => track('Loading places', places.refresh(state), () => places.cancel());
/** The hotspot and place layers, each drawn as soon as it arrives; a failure is reported, the rest still drawn. */
function overlays(problems) {
  const label = { gistar: 'Gi* layer', kde: 'kernel density', change: 'change layer' }[state.hotspot];
  const soft = (promise) => promise.then(() => redraw(), (err) => { if (!err.aborted) problems.push(err.message); });
  return Promise.all([soft(track(`Loading the ${label}`, hotspots.refresh(state, wards.bbox()), () => hotspots.cancel())), soft(loadPlaces()),
    soft(trends.refresh(state))]);
}

/** Fetches and draws every layer for the state: the wards first, then the layers above them. */
async function refresh() {
  setStatus('Loading…');
  const signal = nextWardLayer();
  const problems = [];
  try {
    const layer = await track('Loading the wards', api.wards(state, signal), () => nextWardLayer());
    await context.load(state, signal).catch(failed); // a context measure: deprivation per ward
    if (signal.aborted) return;
    redraw(layer);
    outline(state.boundaries).catch(failed);
    const codes = new Set(wards.codes());
    if (state.wards.some((w) => !codes.has(w))) state.set({ wards: state.wards.filter((w) => codes.has(w)) });
    showExports(state);
    printing.prepare().catch(() => {});
    await Promise.all([overlays(problems), focus.refresh(wards.names).catch((err) => { if (!err.aborted) throw err; })]);
    if (signal.aborted) return;
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
  if (any(['dataset', 'boundaries'])) api.categories(state).then((c) => fillCategories(state, c)).catch(failed);
  if (changed.includes('hotspot')) { hotspots.cancel(); if (state.hotspot === 'none') hotspots.refresh(state); } // never a stale layer
  if (any(SELECTION)) { refresh(); return; }
  if (any(PLACES)) loadPlaces().then(() => redraw()).catch(failed);
  if (any(PLACES) || any(AREA)) showExports(state);
  if (any(AREA)) { wards.restyle(state); focus.showArea(); focus.refresh().catch(failed); trends.refresh(state).catch(failed); }
  if (changed.includes('measure')) context.load(state).then(() => redraw(), failed);
});

/** Loads the server's lists into the state and pickers; false when there is nothing to show yet. */
async function loadLists() {
  const [sets, datasets, months] = await Promise.all([api.boundarySets(), api.datasets(), api.months()]);
  state.reconcile({ sets, datasets, categories: await api.categories(), months }); // the set and dataset first
  const lists = { sets, datasets, categories: sets.length ? await api.categories(state) : [], months };
  state.reconcile(lists); // then the categories of that dataset inside that set
  fillPickers(state, lists);
  firstRun.show(lists);
  if (sets.length === 0) setStatus('No boundary set yet: add one under Getting started.', true);
  else if (months.length === 0) setStatus('No incidents yet: import files below, or with "wardheat import".', true);
  return sets.length > 0 && months.length > 0;
}

async function start() { // sets the controls from the state, wires them, and draws the first view
  started = true;
  showState(state);
  $('print').addEventListener('click', () => printing.print());
  $('controls').addEventListener('change', controlsChanged);
  for (const id of ['places', 'group-by', 'rank-by']) $(id).addEventListener('change', controlsChanged);
  $('near-repeat').addEventListener('click', () => places.nearRepeat(state));
  keepViewInState(map, state, () => wards.fitted);
  await focus.loadSaved();
  focus.showArea();
  await refresh();
}

async function afterImport() { // after an upload: the new lists in the pickers, and the views redrawn
  if (!(await loadLists())) return;
  if (started) await refresh();
  else await start();
}

async function init() {
  if (!(await signIn(state, failed))) return;
  const config = await api.config();
  $('demo-badge').hidden = !config.demo;
  addBasemap(map, config);
  initDrawer(map);
  initUpload(() => state.boundaries, uploaded); // wired first: a new, empty data directory is filled from the page
  if (await loadLists()) await start();
}

// a hash edited by hand (or a link followed on this page) starts the page again from it; the page's own
// hash writes use history.replaceState, which fires no hashchange
window.addEventListener('hashchange', () => window.location.reload());
init().catch(failed);
