// The context layer: deprivation (IoD 2019) and residents by age (Census 2021) per ward, stored on the server with
// 'wardheat context --store'. Fetched once per boundary set when a context measure shades the wards; the ward view
// reads its values through value(). Figures reach the page only through the html`` tag (format.js).
import { api } from '../api.js';
import { CONTEXT_MEASURES } from '../state.js';
import { html, num, share } from '../format.js';

/** The shading value of a context measure: the mean rank as it is, the share in the most deprived decile in per cent. */
const shaded = (p, measure) => {
  const v = p ? p[measure] : null;
  if (v === null || v === undefined) return null;
  return measure === 'share_imd_decile_1' ? Math.round(1000 * v) / 10 : v;
};

export function createContextView() {
  let set = null; // the boundary set whose context is held
  let byCode = new Map();
  let warning = null;
  return {
    /** Fetches the set's context once, when a context measure shades the wards. */
    async load(state, signal) {
      if (!CONTEXT_MEASURES.includes(state.measure) || set === state.boundaries) return;
      const layer = await api.context(state, signal);
      byCode = new Map(layer.features.map((f) => [f.properties.ward_code, f.properties]));
      warning = layer.stored === false ? (layer.warnings || []).join(' ') : null;
      set = state.boundaries;
    },
    /** The value shading ward {@code code} for a context measure (null without one). */
    value: (state, code, measure) => (set === state.boundaries ? shaded(byCode.get(code), measure) : null),
    /** Why the layer is empty (no context stored for the set), or null. */
    warning: () => warning,
    /** The ward popup's context rows, or '' when none is held. */
    popupRows(state, code) {
      const p = set === state.boundaries ? byCode.get(code) : null;
      if (!p || p.mean_imd_rank === null || p.mean_imd_rank === undefined) return '';
      return html`<tr><td>Mean IMD 2019 rank</td><td>${num(p.mean_imd_rank)}</td></tr>
        <tr><td>In most deprived tenth</td><td>${share(p.share_imd_decile_1)}</td></tr>`;
    },
  };
}

/** The focus-area summary's context: deprivation and residents by Census age band, or '' when none is stored. */
export function contextSummaryHtml(c) {
  if (!c) return '';
  const bands = Object.entries(c.byAge || {}).map(([band, n]) => html`<tr><td>${band}</td><td>${num(n)}</td></tr>`);
  return html`<div class="context-summary"><p class="note"><b>Deprivation and population</b> (IoD 2019, Census 2021):
    mean IMD rank <span class="imd-rank">${num(c.meanImdRank)}</span> (1 = most deprived of England's 32,844 LSOAs);
    <span class="imd-decile1">${share(c.shareImdDecile1)}</span> of residents in the most deprived tenth; <span class="context-residents">${num(c.residents)}</span> residents.</p>
    ${bands.length ? html`<table class="age-bands"><thead><tr><th>Age</th><th>Residents</th></tr></thead><tbody>${bands}</tbody></table>` : ''}</div>`;
}
