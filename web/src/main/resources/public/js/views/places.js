// Place layers: repeat locations as proportional symbols, encampments coloured by days in situ, the ranked
// list beside the map, and the near-repeat (Knox) table. Values and significance come from the server.
import { api, latestOnly } from '../api.js';
import { html, setHtml, num, day } from '../format.js';
import { legendSection } from './legend.js';
import { $, element } from './dom.js';

const STAY_COLOURS = [[3, '#fdd49e'], [7, '#fc8d59'], [14, '#d7301f'], [Infinity, '#7f0000']];
// points sit in their own pane above every polygon layer, and a click on one opens its own popup only
const POINT = { pane: 'places', bubblingMouseEvents: false };

/** Proportional circles (area ∝ value) with a popup of counts by period. */
function drawRepeats(map, geojson, by) {
  const value = (p) => (by === 'count' ? p.count : p.records);
  const max = Math.max(1, ...geojson.features.map((f) => value(f.properties)));
  const layer = L.geoJSON(geojson, {
    pointToLayer: (f, latlng) => L.circleMarker(latlng, { radius: 4 + 22 * Math.sqrt(value(f.properties) / max), ...POINT,
      color: '#5b2a86', weight: 1.5, fillColor: '#8e5cc2', fillOpacity: 0.55 }),
    onEachFeature: (f, l) => {
      const p = f.properties;
      const periods = Object.entries(p.byPeriod || {}).map(([k, v]) => html`<tr><td>${k}</td><td>${num(v)}</td></tr>`);
      l.bindPopup(() => element(html`<div class="popup"><h3>${p.rank}. ${p.label}</h3><table>
        <tr><td>Ward</td><td>${p.wardName || '–'}</td></tr>
        <tr><td>Incidents</td><td>${num(p.records)}</td></tr><tr><td>Summed count</td><td>${num(p.count)}</td></tr>
        <tr><td>First / last</td><td>${day(p.first)} / ${day(p.last)}</td></tr>
        ${p.outlierRecords ? html`<tr><td>Outlier records</td><td>${num(p.outlierRecords)}</td></tr>` : ''}${periods}</table></div>`));
      l.bindTooltip(() => element(html`${p.label}: ${num(value(p))}`, 'span'));
    },
  }).addTo(map);
  const legend = legendSection('Repeat locations', [], `circle area ∝ ${by === 'count' ? 'summed count' : 'incidents'} (largest ${num(max)})`);
  return { layer, legend };
}

/** Encampments as points coloured by days in situ; open ones drawn with a dashed ring. */
function drawEncampments(map, years) {
  const group = L.featureGroup();
  years.forEach((y) => y.stays.forEach((s) => {
    if (!Number.isFinite(s.lon) || !Number.isFinite(s.lat)) return;
    const colour = STAY_COLOURS.find(([limit]) => s.days <= limit)[1];
    let extra = {};
    try { extra = s.extra ? JSON.parse(s.extra) : {}; } catch { extra = {}; }
    L.circleMarker([s.lat, s.lon], { ...POINT, radius: 7, color: s.open ? '#000' : '#444', dashArray: s.open ? '3' : null, weight: s.open ? 2 : 1, fillColor: colour, fillOpacity: 0.85 })
      .bindPopup(() => element(html`<div class="popup"><h3>${s.location}</h3><table><tr><td>From</td><td>${day(s.start)}</td></tr>
        <tr><td>To</td><td>${s.open ? 'still open' : day(s.end)}</td></tr><tr><td>Days in situ</td><td>${num(s.days)}</td></tr>
        ${extra.vehicles != null ? html`<tr><td>Vehicles</td><td>${num(extra.vehicles)}</td></tr>` : ''}
        ${extra.people != null ? html`<tr><td>People</td><td>${num(extra.people)}</td></tr>` : ''}</table></div>`))
      .addTo(group);
  }));
  group.addTo(map);
  const rows = STAY_COLOURS.map(([limit, colour], k) => ({ colour,
    label: k === 0 ? 'up to 3' : limit === Infinity ? 'over 14' : `${STAY_COLOURS[k - 1][0] + 1} to ${limit}` }));
  return { layer: group, legend: legendSection('Encampments, days in situ', [...rows, { ring: 'dashed', label: 'still open' }]) };
}

/** A time band's column heading: "same month" → 0, "3 months" → 3; any other label as it is. */
export function shortBand(label) {
  const m = /^(\d+) months?$/.exec(label);
  return label === 'same month' ? '0' : m ? m[1] : label;
}

/** The Knox table: observed / expected and the ratio per band pair; the server's significant cells shaded. */
export function knoxTable(result) {
  const head = html`<tr><th scope="col">distance ↓ months apart →</th>${result.timeBands.map((t) => html`<th scope="col"><abbr title="${t}">${shortBand(t)}</abbr></th>`)}</tr>`;
  const rows = result.cells.map((row, a) => html`<tr><th scope="row">${result.spaceBands[a]}</th>${row.map((c) => html`<td class="${c.significant ? 'sig' : ''}" title="observed ${c.observed}, expected ${num(c.expected, 1)}, p = ${num(c.p, 3)}">${c.knoxRatio === null ? '–' : num(c.knoxRatio, 2)}</td>`)}</tr>`);
  return html`<p class="note">${result.reading.map((r, i) => (i ? html`<br>${r}` : r))}</p><table class="knox">${head}${rows}</table>
    <p class="note">Knox ratios; shaded: band pairs the server finds significant (ratio ≥ 1.2 with p &lt; 0.05; ${num(result.parameters.simulations)} permutations, ${num(result.incidents)} incidents).</p>`;
}

/** The places view: refresh(state) draws the chosen places and their list; nearRepeat(state) runs Knox. */
export function createPlacesView(map, onPick) {
  const view = { layer: null, legend: null };
  const next = latestOnly();
  const nextKnox = latestOnly();
  $('places-list').addEventListener('click', (e) => {
    const b = e.target.closest('button[data-lat]');
    if (b) onPick([Number(b.dataset.lat), Number(b.dataset.lon)]);
  });
  const show = (drawn, list, note) => {
    if (view.layer) view.layer.remove();
    ({ layer: view.layer, legend: view.legend } = drawn);
    setHtml($('places-list'), list);
    $('places-note').textContent = note;
  };
  view.cancel = () => next();
  view.refresh = async (state) => {
    const signal = next();
    if (state.places === 'repeats') {
      const geojson = await api.repeats(state, signal);
      if (signal.aborted) return;
      const t = geojson.totals;
      show(drawRepeats(map, geojson, state.rankBy),
        html`${geojson.features.map(({ geometry: g, properties: p }) => html`<li>${g ? html`<button type="button" class="link" data-lat="${g.coordinates[1]}" data-lon="${g.coordinates[0]}">${p.label}</button>` : p.label}: <b>${num(state.rankBy === 'count' ? p.count : p.records)}</b></li>`)}`,
        `${num(t.places)} places, ${num(t.records)} records, summed count ${num(t.count)}`
          + (t.outlier_records ? ` (${num(t.count_without_outliers)} without ${num(t.outlier_records)} outlier records)` : '') + '.');
    } else if (state.places === 'encampments') {
      const body = await api.encampments(state, signal);
      if (signal.aborted) return;
      show(drawEncampments(map, body.years),
        html`${body.years.map((y) => html`<li>${y.label}: <b>${num(y.encampments)}</b> encampments at ${num(y.locations)} locations, ${num(y.averageDays, 1)} days on average, ${num(y.totalDays)} days in all${y.open ? `, ${num(y.open)} still open` : ''}</li>`)}`,
        body.rule);
    } else {
      show({ layer: null, legend: null }, html``, '');
    }
  };
  view.nearRepeat = async (state) => {
    const signal = nextKnox();
    const out = $('near-repeat-result');
    setHtml(out, html`<p class="note">Running 999 permutations…</p>`);
    try {
      const result = await api.nearRepeat(state, signal);
      if (!signal.aborted) setHtml(out, knoxTable(result));
    } catch (err) {
      if (!err.aborted) setHtml(out, html`<p class="note">${err.message}</p>`);
    }
  };
  return view;
}
