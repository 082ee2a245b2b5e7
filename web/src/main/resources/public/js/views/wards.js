// The ward choropleth, its tooltips and popups, the ranked ward table and the totals beside the map.
import { api } from '../api.js';
import { html, setHtml, num, signed, pct, share, changeText } from '../format.js';
import { scaleFor, NOT_SIGNIFICANT } from '../palette.js';
import { trendSvg } from '../trend.js';
import { legendSection } from './legend.js';
import { $, element } from './dom.js';
import { featureIndex } from '../geo.js';
import { CONTEXT_MEASURES } from '../state.js';

const MEASURE_TITLES = { count: 'Incidents', change_pct: '% change on comparison period',
  mean_imd_rank: 'Mean IMD 2019 rank (1 = most deprived)', share_imd_decile_1: '% of residents in the most deprived tenth' };
/** "1,000", "10,000" or "100,000": the rate base of a layer (its wards' per), 1,000 when it does not say. */
export const perText = (layer) => Number((layer && layer.features[0] && layer.features[0].properties.per) || 1000).toLocaleString('en-GB');
/** The value a ward is shaded by: the rate per the chosen base for 'rate_per_1000' (the state's name of the rate measure). */
export const shadeValue = (p, measure) => (measure === 'rate_per_1000' ? p.rate : p[measure]);
const measureTitle = (measure, layer) => MEASURE_TITLES[measure] || `Rate per ${perText(layer)} residents`;
const SAFE_CODE = /^[A-Za-z0-9_-]{1,64}$/; // codes that can name a CSS class; others get none
const NO_COMPARABLE = 'no comparable data';

/** A ward's change as the table shows it: withheld when the periods are not comparable, greyed when not significant. */
function changeCell(p) {
  if (p.change === null || p.change === undefined) return html`<td class="withheld">${NO_COMPARABLE}</td>`;
  const cls = `${p.change > 0 ? 'up' : p.change < 0 ? 'down' : ''}${p.change_significant === 0 ? ' not-significant' : ''}`;
  return html`<td class="${cls}" title="${p.change_reading ?? ''}">${changeText(p.change, p.change_pct)}</td>`;
}

/** The ward's change against the comparison period, with the server's exact Poisson reading when present. */
function changeLine(p) {
  return html`${signed(p.change)} (${changeText(p.change, p.change_pct)})${p.change_reading ? html`<br><small>${p.change_reading}</small>` : ''}`;
}

/**
 * @param {L.Map} map
 * @param {(code: string) => void} onWardPick called with the ward code when a ward table row is chosen in select mode
 * @param {() => boolean} selecting whether the page is in select-area mode
 * @param context the context view (views/context.js): the values of the context measures
 */
export function createWardView(map, onWardPick, selecting, context = null) {
  let layer = null; // the last ward layer from the server
  let drawn = null; // its Leaflet layer
  let index = featureIndex(null);
  let fitted = false;
  let first = true; // the first layer takes the view from the link, if it has one
  const names = {};
  let measure = 'count';
  let shown = null; // the state last drawn
  /** The value a ward is shaded by: its layer property, or for a context measure the context layer's. */
  const valueOf = (p) => (CONTEXT_MEASURES.includes(measure) ? (context ? context.value(shown, p.ward_code, measure) : null) : shadeValue(p, measure));
  const labels = L.layerGroup().addTo(map);

  /** Ward names at the ward's centre, shown once the ward is wide enough on screen to read them (80 px). */
  function showLabels() {
    labels.clearLayers();
    if (!drawn) return;
    drawn.eachLayer((l) => {
      if (!l._map) return; // Leaflet adds the shapes once the map has its first view
      const b = l.getBounds();
      const width = map.latLngToContainerPoint(b.getNorthEast()).x - map.latLngToContainerPoint(b.getSouthWest()).x;
      if (width < 80 || !map.getBounds().intersects(b)) return;
      const icon = L.divIcon({ className: 'ward-label', html: element(html`${l.feature.properties.ward_name}`, 'span'), iconSize: null });
      L.marker(l.getCenter(), { icon, pane: 'labels', interactive: false, keyboard: false }).addTo(labels);
    });
  }
  map.on('zoomend moveend', showLabels);

  function popup(p) {
    const q = layer.query;
    return html`<div class="popup"><h3>${p.ward_name}</h3><table>
      <tr><td>Ward code</td><td>${p.ward_code}</td></tr>
      ${p.district ? html`<tr><td>District</td><td>${p.district}</td></tr>` : ''}
      <tr><td>Count ${q.period.from} to ${q.period.to}</td><td>${num(p.count)}</td></tr>
      <tr><td>Rank</td><td>${p.rank} of ${layer.features.length}</td></tr>
      <tr><td>Rate per ${perText(layer)}</td><td>${num(p.rate, 2)}</td></tr>
      <tr><td>Share of total</td><td>${share(p.share)}</td></tr>
      <tr><td>Previous (${q.comparison.from} to ${q.comparison.to})</td><td>${num(p.previous_count)}</td></tr>
      <tr><td>Change</td><td>${p.change === null ? NO_COMPARABLE : changeLine(p)}</td></tr>
      ${shown && context ? context.popupRows(shown, p.ward_code) : ''}
      </table>${trendSvg(layer.months, p.series, q.period)}</div>`;
  }

  function table() {
    const rows = [...layer.features].sort((a, b) => a.properties.rank - b.properties.rank
      || String(a.properties.ward_name).localeCompare(String(b.properties.ward_name)));
    setHtml($('ward-table').tBodies[0], html`${rows.map(({ properties: p }) => html`<tr data-code="${p.ward_code}" tabindex="0" aria-label="${p.ward_name}: rank ${p.rank}, ${num(p.count)} incidents"><td>${p.rank}</td><td>${p.ward_name}</td><td>${num(p.count)}</td><td>${num(p.rate, 1)}</td><td>${num(p.previous_count)}</td>${changeCell(p)}</tr>`)}`);
    const t = layer.totals;
    if (!t) { // a viewer's layer: disclosure-controlled, without the unsuppressed totals
      const k = layer.disclosure_control ? layer.disclosure_control.k : 5;
      $('top-sentence').textContent = `Counts of 1 to ${k - 1} are shown as "<${k}"; [c] marks a figure withheld so that they cannot be worked out.`;
      $('totals').textContent = '';
      return;
    }
    $('top-sentence').textContent = layer.top.sentence;
    const withheld = t.change === null;
    const cov = layer.coverage;
    $('totals').textContent = `Total ${num(t.count)} against ${num(t.previousCount)} (${withheld ? NO_COMPARABLE
      : t.changePct === null ? 'no previous incidents' : `${pct(t.changePct)}; ${t.changeReading}`})`
      + (cov ? `. Months with data: ${cov.period.covered.length} of ${cov.period.months} in the period`
        + `${cov.comparison ? `, ${cov.comparison.covered.length} of ${cov.comparison.months} in the comparison` : ''}` : '')
      + ((layer.warnings || []).length ? `. ${layer.warnings.join('. ')}` : '')
      + (t.rate !== null && t.rate !== undefined ? `, ${num(t.rate, 1)} per ${perText(layer)} residents` : '')
      + `. Not in any ward: ${num(t.outside)} outside, ${num(t.withoutLocation)} without location.`;
  }

  /** A ward row chosen (click, Enter or Space): shown on the map with its popup, or in select mode added or taken out. */
  function choose(tr) {
    if (!tr || !drawn) return;
    if (selecting()) { onWardPick(tr.dataset.code); return; }
    drawn.eachLayer((l) => {
      if (l.feature.properties.ward_code !== tr.dataset.code) return;
      map.fitBounds(l.getBounds(), { maxZoom: 15 });
      L.popup({ maxWidth: 280, autoPan: true }).setLatLng(l.getCenter()).setContent(element(popup(l.feature.properties))).openOn(map);
    });
  }
  const body = $('ward-table').tBodies[0];
  body.addEventListener('click', (e) => choose(e.target.closest('tr[data-code]')));
  body.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    choose(e.target.closest('tr[data-code]'));
  });

  return {
    names,
    load: (state, signal) => api.wards(state, signal),
    /** The ward codes of the last layer. */
    codes: () => (layer ? layer.features.map((f) => f.properties.ward_code) : []),
    /** The ward under a point, or null. */
    at: (latlng) => index.at(latlng.lng, latlng.lat),
    /** The ward's hover text: its name and the value shaded. */
    tooltip: (p) => html`${p.ward_name}: ${num(valueOf(p), 1)}`,
    /** The ward's popup content (an element). */
    popup: (p) => element(popup(p)),
    /** [west, south, east, north] of the wards drawn, or null. */
    bbox: () => (drawn ? drawn.getBounds().toBBoxString().split(',').map(Number) : null),
    /** The bounds of every ward drawn, or null. */
    bounds: () => (drawn ? drawn.getBounds() : null),
    /** Fits the map to the next layer drawn (after a change of boundary set). */
    fitNext() { fitted = false; },
    /** Draws a ward layer (or the last one again) for the state; faded under a hotspot layer. Returns its legend. */
    draw(state, { next = layer, faded = false } = {}) {
      if (!next) return null;
      layer = next;
      measure = state.measure;
      shown = state;
      const scale = scaleFor(state.measure, layer.features.map((f) => valueOf(f.properties)));
      $('rate-heading').textContent = `Rate per ${perText(layer)}`;
      if (drawn) drawn.remove();
      const style = (f) => {
        const code = f.properties.ward_code;
        const selected = state.wards.includes(code);
        const greyed = state.measure === 'change_pct' && f.properties.change_significant === 0;
        return { fillColor: greyed ? NOT_SIGNIFICANT : scale.colour(valueOf(f.properties)), fillOpacity: faded ? 0.12 : 0.75,
          color: selected ? '#0b57d0' : '#4a5160', weight: selected ? 4 : faded ? 1.5 : 1,
          className: `ward${SAFE_CODE.test(code) ? ` ward-${code}` : ''}${selected ? ' selected-ward' : ''}` };
      };
      // not interactive: a click goes to the map, which shows everything under it (inspect) or picks the ward (select),
      // and the shapes stay out of the tab order (the ward table is their keyboard equivalent)
      drawn = L.geoJSON(layer, {
        style, interactive: false,
        onEachFeature: (f) => { names[f.properties.ward_code] = f.properties.ward_name; },
      }).addTo(map);
      index = featureIndex(layer);
      if (!fitted) {
        if (first && state.view) map.setView([state.view[0], state.view[1]], state.view[2]);
        else map.fitBounds(drawn.getBounds(), { padding: [10, 10] });
        fitted = true;
        first = false;
      }
      table();
      map.whenReady(showLabels);
      for (const tr of $('ward-table').tBodies[0].rows) tr.classList.toggle('selected', state.wards.includes(tr.dataset.code));
      $('csv-link').href = api.wardsCsvUrl(state);
      return legendSection(measureTitle(state.measure, layer), scale.rows, CONTEXT_MEASURES.includes(state.measure) && context ? context.warning() : null);
    },
    /** Restyles the wards for a new selection, keeping the layer (and an open popup). */
    restyle(state) {
      for (const tr of $('ward-table').tBodies[0].rows) tr.classList.toggle('selected', state.wards.includes(tr.dataset.code));
      if (!drawn) return;
      drawn.eachLayer((l) => {
        drawn.resetStyle(l);
        const el = l.getElement(); // Leaflet sets a path's class once; the selection class is kept here
        if (el) el.classList.toggle('selected-ward', state.wards.includes(l.feature.properties.ward_code));
      });
    },
    get fitted() { return fitted; },
  };
}
