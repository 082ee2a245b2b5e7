// The priority matrix panel: ranked categories with their score and the reasons (see README "Priority matrix").
// Rows as api.priorityRows gives them; a viewer's suppressed values ("<5", "[c]") are shown as they are.
import { html, num, pct } from '../format.js';

export function prioritiesHtml(rows) {
  if (!rows.length) return html`<tr><td colspan="5" class="note">No incidents in the period.</td></tr>`;
  return html`${rows.map((r) => html`<tr><td>${r.rank}</td><td>${r.name}</td><td>${num(r.score, 1)}</td><td>${num(r.count)} (${r.changePct === null || r.changePct === undefined ? 'no comparable data' : pct(r.changePct, 0)})</td><td class="reasons">${r.reasons}</td></tr>`)}`;
}
