// The trend charts (SVG, drawn here) for the chosen area — the whole set, a ward or a focus area — and the
// priority matrix panel: annual totals with the year-on-year change, and the rolling 12-month total. Every
// text goes through format.js's html`` tag.
import { api, latestOnly } from '../api.js';
import { html, setHtml, num, pct } from '../format.js';
import { $ } from './dom.js';
import { prioritiesHtml } from './priorities.js';

const W = 300, H = 120, PAD = 16;

/** Bars of each year's total (years cut by the period or without data are pale), with the year-on-year change above. */
export function annualSvg(years) {
  if (!years.length) return html`<p class="note">No years to show.</p>`;
  const count = (y) => (typeof y.total === 'number' ? y.total : 0); // a viewer's "<5" draws no bar, its label says it
  const max = Math.max(1, ...years.map(count));
  const bw = (W - 2) / years.length;
  const bars = years.map((y, i) => {
    const bh = ((H - 2 * PAD) * count(y)) / max;
    const x = 1 + i * bw;
    const whole = y.monthsInPeriod === 12;
    const change = y.changePct === null || y.changePct === undefined ? '' : pct(y.changePct, 0);
    return html`<g class="year${whole ? '' : ' part'}"><rect x="${x.toFixed(1)}" y="${(H - PAD - bh).toFixed(1)}" width="${Math.max(1, bw - 4).toFixed(1)}" height="${bh.toFixed(1)}"><title>${y.label}: ${num(y.total)}${whole ? '' : ` (${y.monthsInPeriod} months with data)`}${change ? `, ${change} on the year before` : ''}</title></rect><text x="${(x + bw / 2 - 2).toFixed(1)}" y="${(H - PAD - bh - 3).toFixed(1)}" text-anchor="middle">${y.monthsInPeriod === 0 ? 'no data' : num(y.total)}${change ? ` (${change})` : ''}</text><text x="${(x + bw / 2 - 2).toFixed(1)}" y="${H - 3}" text-anchor="middle">${y.label}</text></g>`;
  });
  return html`<svg class="trend-chart annual" width="${W}" height="${H}" role="img" aria-label="Incidents per year">${bars}</svg>`;
}

/** The monthly counts as bars and the rolling 12-month total as a line (on its own scale, right). */
export function rollingSvg(months) {
  if (!months.length) return html`<p class="note">No months to show.</p>`;
  const max = Math.max(1, ...months.map((m) => m.value || 0));
  const maxRoll = Math.max(1, ...months.map((m) => m.rolling12 || 0));
  const step = (W - 2) / months.length;
  const y = (v, top) => (H - PAD - ((H - 2 * PAD) * v) / top).toFixed(1);
  const bars = months.map((m, i) => (m.value === null ? html`<rect class="nodata" x="${(1 + i * step).toFixed(1)}" y="${PAD}" width="${Math.max(1, step - 1).toFixed(1)}" height="${H - 2 * PAD}"><title>${m.month}: no data</title></rect>`
    : html`<rect x="${(1 + i * step).toFixed(1)}" y="${y(m.value, max)}" width="${Math.max(1, step - 1).toFixed(1)}" height="${(H - PAD - y(m.value, max)).toFixed(1)}"><title>${m.month}: ${num(m.value)}${m.rolling12 === null ? '' : `; 12 months to it: ${num(m.rolling12)}`}</title></rect>`));
  const points = months.map((m, i) => (m.rolling12 === null ? null : `${(1 + (i + 0.5) * step).toFixed(1)},${y(m.rolling12, maxRoll)}`)).filter(Boolean);
  const last = months.filter((m) => m.rolling12 !== null).pop();
  return html`<svg class="trend-chart rolling" width="${W}" height="${H}" role="img" aria-label="Incidents per month and rolling 12-month total">${bars}${points.length ? html`<polyline class="rolling12" points="${points.join(' ')}"></polyline>` : ''}<text x="1" y="${H - 3}">${months[0].month}</text><text x="${W - 1}" y="${H - 3}" text-anchor="end">${months[months.length - 1].month}</text><text x="${W - 1}" y="10" text-anchor="end">${last ? `12 months to ${last.month}: ${num(last.rolling12)}` : 'fewer than 12 months with data'}</text></svg>`;
}

export function trendsHtml(t, scope) {
  const months = t.coverage ? html`<p class="note">Months with data: ${t.coverage.period.covered.length} of ${t.coverage.period.months}${t.warnings.length ? html`; ${t.warnings.join('; ')}` : ''}.</p>` : '';
  const rolling = t.disclosure ? html`<p class="note">Monthly values are withheld (disclosure control, counts below ${t.disclosure.k}).</p>` : rollingSvg(t.rolling);
  return html`<p class="note">${scope || 'Selected area'}, ${t.period.replace(':', ' to ')} (${t.measure}).</p>${months}${annualSvg(t.annual)}${rolling}`;
}

/** The trend charts and the priority matrix panel; refresh() redraws both for the state. */
export function createTrendsView() {
  const next = latestOnly();
  return {
    async refresh(state) {
      const signal = next();
      const [t, p] = await Promise.all([api.trends(state, signal), api.priorities(state, signal)]);
      if (signal.aborted) return;
      setHtml($('trends-charts'), trendsHtml(t, t.scope));
      setHtml($('priorities-table').tBodies[0], prioritiesHtml(p.rows));
      $('priorities-coverage').textContent = p.warnings && p.warnings.length ? p.warnings.join('; ') : '';
      $('priorities-csv').href = api.exportUrl('priorities', api.priorityParamsOf(state), 'csv');
      $('trends-csv').href = api.exportUrl('trends', { ...api.trendParamsOf(state), view: 'annual' }, 'csv');
    },
  };
}
