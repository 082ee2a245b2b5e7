// The priority matrix panel: ranked categories with their score and the reasons (see README "Priority matrix").
import { html, num, pct } from '../format.js';

export function prioritiesHtml(rows) {
  if (!rows.length) return html`<tr><td colspan="5" class="note">No incidents in the period.</td></tr>`;
  return html`${rows.map((r) => html`<tr><td>${r.rank}</td><td>${r.input.name}</td><td>${num(r.score, 1)}</td><td>${num(r.input.count)} (${pct(r.test.rateRatio === null ? null : (r.test.rateRatio - 1) * 100, 0)})</td><td class="reasons">${r.reasons}</td></tr>`)}`;
}
