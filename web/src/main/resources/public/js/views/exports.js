// The download links for every layer shown: GeoJSON, CSV and GeoPackage, with the view's parameters.
import { api, allowed, EXPORT_FORMATS } from '../api.js';
import { html, setHtml } from '../format.js';
import { $ } from './dom.js';

const LABELS = { geojson: 'GeoJSON', csv: 'CSV', gpkg: 'GeoPackage' };

function links(layer, params) {
  return EXPORT_FORMATS.map((f, i) => html`${i ? ' · ' : ''}<a href="${api.exportUrl(layer, params, f)}" data-export="${layer}-${f}">${LABELS[f]}</a>`);
}

/** Rewrites the export links for the state. */
export function showExports(state) {
  const base = api.wardParams(state);
  setHtml($('export-links'), html`Wards: ${links('wards', base)}
    ${state.hotspot !== 'none' ? html`<br>Hotspot layer: ${links('hotspots', { ...base, analysis: state.hotspot, cell: state.cell })}` : ''}
    ${state.places === 'repeats' && allowed('export') ? html`<br>Repeat locations: ${links('repeats', { ...base, group_by: state.groupBy, by: state.rankBy })}` : ''}
    ${state.places === 'encampments' && allowed('export') ? html`<br>Encampments: ${links('encampments', base)}` : ''}
    ${allowed('export') ? html`<br>Saved focus areas: ${links('areas', {})}` : ''}`);
}
