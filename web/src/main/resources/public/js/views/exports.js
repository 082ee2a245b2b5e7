// The download links for every layer shown: GeoJSON, CSV and GeoPackage, with the view's parameters.
// "Shareable" adds shareable=true: the server suppresses counts from 1 to 4 and whatever would give them back
// (README, "Disclosure control"); record-level layers have no shareable form and are left out.
import { api, allowed, EXPORT_FORMATS } from '../api.js';
import { html, setHtml } from '../format.js';
import { $ } from './dom.js';

const LABELS = { geojson: 'GeoJSON', csv: 'CSV', gpkg: 'GeoPackage' };

function links(layer, params) {
  return EXPORT_FORMATS.map((f, i) => html`${i ? ' · ' : ''}<a href="${api.exportUrl(layer, params, f)}" data-export="${layer}-${f}">${LABELS[f]}</a>`);
}

/** The export links for the state; with {@code shareable}, only the tables that disclosure control covers. */
export function exportLinksHtml(state, shareable) {
  const base = shareable ? { ...api.wardParams(state), shareable: 'true' } : api.wardParams(state);
  return html`Wards: ${links('wards', base)}
    ${state.hotspot !== 'none' ? html`<br>Hotspot layer: ${links('hotspots', { ...base, analysis: state.hotspot, cell: state.cell })}` : ''}
    ${!shareable && state.places === 'repeats' && allowed('export') ? html`<br>Repeat locations: ${links('repeats', { ...base, group_by: state.groupBy, by: state.rankBy })}` : ''}
    ${!shareable && state.places === 'encampments' && allowed('export') ? html`<br>Encampments: ${links('encampments', base)}` : ''}
    ${shareable ? html`<br>Record-level layers (repeat locations, encampments, focus areas) are not offered for sharing.`
      : allowed('export') ? html`<br>Saved focus areas: ${links('areas', {})}` : ''}`;
}

let shown = null;

/** Rewrites the export links for the state (and again when "Shareable" is ticked or cleared). */
export function showExports(state) {
  shown = state;
  const box = $('export-shareable');
  if (box && !box.dataset.wired) {
    box.dataset.wired = 'yes';
    box.addEventListener('change', () => showExports(shown));
  }
  setHtml($('export-links'), exportLinksHtml(state, Boolean(box && box.checked)));
}
