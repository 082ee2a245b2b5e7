// The focus area: wards clicked on the map or a polygon/rectangle drawn with leaflet-draw, its summary and
// the strategic-assessment table, and saved areas (list, load, rename, delete). The area itself lives in
// the view state (wards, polygon, areaId), so the link reproduces it.
import { api, allowed, latestOnly } from '../api.js';
import { html, setHtml, num, signed, pct, share, plural } from '../format.js';
import { $ } from './dom.js';
import { contextSummaryHtml } from './context.js';

const AREA_STYLE = { color: '#0b57d0', weight: 3, fillOpacity: 0.05 };

/** A short description of the chosen area, or null for the whole boundary set. */
export function describeArea(state, wardNames, savedName) {
  if (state.areaId) return `Saved area: ${savedName || `#${state.areaId}`}`;
  if (state.wards.length) return `${plural(state.wards.length, 'ward')}: ${state.wards.map((w) => wardNames[w] || w).join(', ')}`;
  if (state.polygon) return 'A drawn area';
  return null;
}

/** A category's change: "no comparable data" when withheld, greyed when not significant (its reading as a tooltip). */
const changeRow = (label, r) => (r.difference === null || r.difference === undefined
  ? html`<td>${label}</td><td>${num(r.count)}</td><td>${num(r.previous)}</td><td class="withheld" colspan="2">no comparable data</td>`
  : html`<td>${label}</td><td>${num(r.count)}</td><td>${num(r.previous)}</td><td>${signed(r.difference)}</td><td class="${r.changeSignificant === false ? 'not-significant' : ''}" title="${r.changeReading ?? ''}">${pct(r.changePct)}</td>`);

/** The summary panel. */
export function summaryHtml(s) {
  const t = s.total;
  const cats = s.categories.slice().sort((a, b) => b.count - a.count).map((c) => html`<tr>${changeRow(c.category, c)}</tr>`);
  const places = s.topPlaces.map((p) => html`<li>${p.label}: ${num(p.records)}</li>`);
  const cells = s.hotCells.map((c) => html`<li>Gi* z ${num(c.gistar, 1)} at ${num(c.lat, 4)}, ${num(c.lon, 4)} (${num(c.n)} in the cell)</li>`);
  return html`<p class="sentence" data-total="${t.count}">${num(t.count)} incidents against ${num(t.previous)} (${t.difference === null ? 'no comparable data' : `${pct(t.changePct)}${t.changeReading ? `; ${t.changeReading}` : ''}`})${t.ratePer1000 !== null ? `, ${num(t.ratePer1000, 1)} per 1,000 residents` : ''}.</p>
    ${(s.warnings || []).length ? html`<p class="note withheld">${s.warnings.join('. ')}</p>` : ''}
    <p class="note">${share(s.shareOfIncidents)} of the borough's incidents, ${share(s.shareOfResidents)} of its residents (${num(s.residents)}), ${share(s.shareOfArea)} of its area (${num(s.areaKm2, 2)} km²).</p>
    <table><thead><tr><th>Category</th><th>Now</th><th>Before</th><th>Diff.</th><th>Change</th></tr></thead><tbody>${cats}</tbody></table>
    ${contextSummaryHtml(s.context)}
    ${places.length ? html`<p class="note"><b>Top repeat locations</b></p><ol class="places-list">${places}</ol>` : ''}
    ${cells.length ? html`<p class="note"><b>Hot cells (Gi* 95%)</b></p><ul class="places-list">${cells}</ul>` : ''}`;
}

export function strategicRows(rows) {
  return html`${rows.map((r) => html`<tr class="${r.category === 'All' ? 'total' : ''}">${changeRow(r.category, r)}</tr>`)}`;
}

export function savedListHtml(features) {
  if (!features.length) return html`<li class="note">None yet.</li>`;
  return html`${features.map((f) => html`<li data-id="${f.properties.id}"><button type="button" class="load link">${f.properties.name}</button><button type="button" class="rename" aria-label="Rename ${f.properties.name}">Rename</button><button type="button" class="delete" aria-label="Delete ${f.properties.name}">Delete</button></li>`)}`;
}

/**
 * @param {L.Map} map
 * @param state the view state
 * @param {(text: string, isError?: boolean) => void} report shows a message in the status line
 */
export function createFocusView(map, state, report) {
  let saved = []; // the saved areas' features, as last listed
  const drawn = new L.FeatureGroup().addTo(map);
  map.addControl(new L.Control.Draw({
    position: 'topleft',
    draw: { polyline: false, circle: false, circlemarker: false, marker: false,
      polygon: { allowIntersection: false, shapeOptions: { color: '#0b57d0' } }, rectangle: { shapeOptions: { color: '#0b57d0' } } },
    edit: false,
  }));
  map.on(L.Draw.Event.CREATED, (e) => {
    const refused = state.set({ polygon: e.layer.toGeoJSON().geometry.coordinates[0], wards: [], areaId: null });
    if (refused.length) report('That area has too many corners or lies outside the map; draw a simpler one.', true);
  });
  const savedArea = () => saved.find((f) => String(f.properties.id) === state.areaId);

  async function loadSaved() {
    saved = (await api.areas()).features;
    setHtml($('focus-saved'), savedListHtml(saved));
    if (state.areaId && !savedArea()) state.set({ areaId: null });
  }

  async function save() {
    const name = $('focus-name').value.trim();
    if (!name) { report('Give the area a name first.', true); return; }
    if (!state.wards.length && !state.polygon) { report('Click wards or draw an area first.', true); return; }
    const area = await api.saveArea({ name, boundaries: state.boundaries, wards: state.wards,
      geometry: state.polygon ? { type: 'Polygon', coordinates: [state.polygon] } : null });
    $('focus-name').value = '';
    await loadSaved();
    state.set({ areaId: String(area.id), wards: area.wards || [], polygon: null });
    report(`Saved "${area.name}".`);
  }

  async function savedAction(e) {
    const li = e.target.closest('li[data-id]');
    if (!li) return;
    const id = li.dataset.id;
    if (e.target.classList.contains('delete')) {
      if (!window.confirm('Delete this focus area?')) return;
      await api.deleteArea(id);
      await loadSaved();
    } else if (e.target.classList.contains('rename')) {
      const name = window.prompt('New name', li.querySelector('.load').textContent);
      if (!name) return;
      await api.renameArea(id, name);
      await loadSaved();
      view.refresh();
    } else if (e.target.classList.contains('load')) {
      await loadSaved();
      const f = saved.find((x) => String(x.properties.id) === id);
      if (!f) return;
      state.set({ areaId: id, wards: f.properties.wards ? String(f.properties.wards).split(',') : [], polygon: null });
      map.fitBounds(L.geoJSON(f.geometry).getBounds(), { maxZoom: 15 });
    }
  }

  const failed = (err) => { if (!err.aborted) report(err.message, true); };
  $('focus-save').addEventListener('click', () => save().catch(failed));
  $('focus-clear').addEventListener('click', () => state.set({ wards: [], polygon: null, areaId: null }));
  $('focus-saved').addEventListener('click', (e) => savedAction(e).catch(failed));

  let wardNames = {};
  const next = latestOnly();
  const view = {
    loadSaved,
    /** Clicking a ward adds it to the selection or takes it out (a saved or drawn area is let go). */
    toggleWard(code) {
      const wards = state.wards.includes(code) ? state.wards.filter((w) => w !== code) : [...state.wards, code];
      state.set({ areaId: null, polygon: null, wards });
    },
    /** Draws the drawn or saved polygon area (a ward selection is shown by the ward styles). */
    showArea() {
      drawn.clearLayers();
      const f = state.areaId ? savedArea() : null;
      const geometry = state.polygon ? { type: 'Polygon', coordinates: [state.polygon] } : f && !f.properties.wards ? f.geometry : null;
      if (geometry) L.geoJSON(geometry, { style: AREA_STYLE }).eachLayer((l) => drawn.addLayer(l));
    },
    front: () => drawn.bringToFront(),
    /** The area summary and the strategic table for the area (or the whole set). */
    async refresh(names = wardNames) {
      const signal = next();
      wardNames = names;
      const f = savedArea();
      const text = describeArea(state, wardNames, f && f.properties.name);
      setHtml($('focus-summary'), text ? html`<p class="note">Loading the summary…</p>` : html``);
      $('focus-selection').textContent = text || 'No area chosen: figures are for the whole boundary set.';
      $('strategic-scope').textContent = text ? `(${text})` : `(${state.boundaries}, whole set)`;
      const strategic = await api.strategic(state, signal);
      if (signal.aborted) return;
      setHtml($('strategic-table').tBodies[0], strategicRows(strategic.rows));
      $('strategic-csv').href = api.strategicUrl(state, 'csv');
      $('strategic-gpkg').href = api.strategicUrl(state, 'gpkg');
      if (!text) { setHtml($('focus-summary'), html``); return; }
      if (!allowed('records')) { // its top places and hot cells are record-level: not for a viewer
        setHtml($('focus-summary'), html`<p class="note">The strategic table below covers this area.</p>`);
        return;
      }
      const summary = await api.areaSummary(state, signal);
      if (signal.aborted) return;
      setHtml($('focus-summary'), summaryHtml(summary));
      $('focus-summary').dataset.area = text;
    },
  };
  return view;
}
