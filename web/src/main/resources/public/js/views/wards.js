// The ward choropleth, its tooltips and popups, the ranked ward table and the totals beside the map.
import { api } from '../api.js';
import { html, setHtml, num, signed, pct, share, changeText } from '../format.js';
import { scaleFor, NOT_SIGNIFICANT } from '../palette.js';
import { trendSvg } from '../trend.js';
import { legendSection } from './legend.js';
import { $, element } from './dom.js';

const MEASURE_TITLES = { count: 'Incidents', rate_per_1000: 'Rate per 1,000 residents', change_pct: '% change on comparison period' };
const SAFE_CODE = /^[A-Za-z0-9_-]{1,64}$/; // codes that can name a CSS class; others get none
const NO_COMPARABLE = 'no comparable data';

/** A ward's change as the table shows it: withheld when the periods are not comparable, greyed when not significant. */
function changeCell(p) {
  if (p.change === null || p.change === undefined) return html`<td class="withheld">${NO_COMPARABLE}</td>`;
  const cls = `${p.change > 0 ? 'up' : p.change < 0 ? 'down' : ''}${p.change_significant === 0 ? ' not-significant' : ''}`;
  return html`<td class="${cls}" title="${p.change_reading ?? ''}">${changeText(p.change, p.change_pct)}</td>`;
}

/**
 * @param {L.Map} map
 * @param {(code: string) => void} onWardClick called with the ward code when a ward is clicked
 */
export function createWardView(map, onWardClick) {
  let layer = null; // the last ward layer from the server
  let drawn = null; // its Leaflet layer
  let fitted = false;
  let first = true; // the first layer takes the view from the link, if it has one
  const names = {};

  function popup(p) {
    const q = layer.query;
    return html`<div class="popup"><h3>${p.ward_name}</h3><table>
      <tr><td>Ward code</td><td>${p.ward_code}</td></tr>
      ${p.district ? html`<tr><td>District</td><td>${p.district}</td></tr>` : ''}
      <tr><td>Count ${q.period.from} to ${q.period.to}</td><td>${num(p.count)}</td></tr>
      <tr><td>Rank</td><td>${p.rank} of ${layer.features.length}</td></tr>
      <tr><td>Rate per 1,000</td><td>${num(p.rate_per_1000, 2)}</td></tr>
      <tr><td>Share of total</td><td>${share(p.share)}</td></tr>
      <tr><td>Previous (${q.comparison.from} to ${q.comparison.to})</td><td>${num(p.previous_count)}</td></tr>
      <tr><td>Change</td><td>${p.change === null ? NO_COMPARABLE : html`${signed(p.change)} (${changeText(p.change, p.change_pct)})`}</td></tr>
      ${p.change_reading ? html`<tr><td>Test</td><td>${p.change_reading}</td></tr>` : ''}
      </table>${trendSvg(layer.months, p.series, q.period)}</div>`;
  }

  function table() {
    const rows = [...layer.features].sort((a, b) => a.properties.rank - b.properties.rank
      || String(a.properties.ward_name).localeCompare(String(b.properties.ward_name)));
    setHtml($('ward-table').tBodies[0], html`${rows.map(({ properties: p }) => html`<tr data-code="${p.ward_code}"><td>${p.rank}</td><td>${p.ward_name}</td><td>${num(p.count)}</td><td>${num(p.rate_per_1000, 1)}</td><td>${num(p.previous_count)}</td>${changeCell(p)}</tr>`)}`);
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
      + (t.ratePer1000 !== null ? `, ${num(t.ratePer1000, 1)} per 1,000 residents` : '')
      + `. Not in any ward: ${num(t.outside)} outside, ${num(t.withoutLocation)} without location.`;
  }

  $('ward-table').tBodies[0].addEventListener('click', (e) => {
    const tr = e.target.closest('tr[data-code]');
    if (!tr || !drawn) return;
    drawn.eachLayer((l) => { if (l.feature.properties.ward_code === tr.dataset.code) { map.fitBounds(l.getBounds(), { maxZoom: 15 }); l.openPopup(); } });
  });

  return {
    names,
    load: (state, signal) => api.wards(state, signal),
    /** The ward codes of the last layer. */
    codes: () => (layer ? layer.features.map((f) => f.properties.ward_code) : []),
    /** Fits the map to the next layer drawn (after a change of boundary set). */
    fitNext() { fitted = false; },
    /** Draws a ward layer (or the last one again) for the state; faded under a hotspot layer. Returns its legend. */
    draw(state, { next = layer, faded = false } = {}) {
      if (!next) return null;
      layer = next;
      const scale = scaleFor(state.measure, layer.features.map((f) => f.properties[state.measure]));
      if (drawn) drawn.remove();
      const style = (f) => {
        const code = f.properties.ward_code;
        const selected = state.wards.includes(code);
        const greyed = state.measure === 'change_pct' && f.properties.change_significant === 0;
        return { fillColor: greyed ? NOT_SIGNIFICANT : scale.colour(f.properties[state.measure]), fillOpacity: faded ? 0.12 : 0.75,
          color: selected ? '#0b57d0' : '#4a5160', weight: selected ? 4 : faded ? 1.5 : 1,
          className: `ward${SAFE_CODE.test(code) ? ` ward-${code}` : ''}${selected ? ' selected-ward' : ''}` };
      };
      drawn = L.geoJSON(layer, {
        style,
        onEachFeature: (f, l) => {
          const p = f.properties;
          names[p.ward_code] = p.ward_name;
          l.on('click', () => onWardClick(p.ward_code));
          l.bindPopup(() => element(popup(p)), { maxWidth: 280 });
          l.bindTooltip(() => element(html`${p.ward_name}: ${num(p[state.measure], 1)}`, 'span'), { sticky: true });
          l.on('mouseover', () => l.setStyle({ weight: 3, color: '#111' }));
          l.on('mouseout', () => drawn.resetStyle(l));
        },
      }).addTo(map);
      if (!fitted) {
        if (first && state.view) map.setView([state.view[0], state.view[1]], state.view[2]);
        else map.fitBounds(drawn.getBounds(), { padding: [10, 10] });
        fitted = true;
        first = false;
      }
      table();
      $('csv-link').href = api.wardsCsvUrl(state);
      return legendSection(MEASURE_TITLES[state.measure], scale.rows);
    },
    /** Restyles the wards for a new selection, keeping the layer (and an open popup). */
    restyle(state) {
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
