// The briefing print: a header with the title, the area, the period and its comparison with dates, the filters,
// the data sources with their months and the date of printing; the map fitted to the page; tables after it.
import { api } from '../api.js';
import { html, setHtml, day } from '../format.js';
import { $ } from './dom.js';

/** The data sources line: each dataset with the months its files hold. */
export function sourcesText(datasets) {
  return datasets.map((d) => {
    const months = d.files.flatMap((f) => (f.report && f.report.files ? f.report.files : [f.report || {}]))
      .flatMap((r) => [r.firstMonth, r.lastMonth]).filter(Boolean).sort();
    return `${d.id} (${d.kind}${months.length ? `, ${months[0]} to ${months[months.length - 1]}` : ''}, ${d.files.length} file${d.files.length === 1 ? '' : 's'})`;
  }).join('; ');
}

/**
 * @param map the Leaflet map, fitted to `bounds()` before printing
 * @param {() => string} area a description of the focus area (or the whole set)
 */
export function initPrint(map, state, bounds, area) {
  let datasets = [];
  async function prepare() {
    const periods = await api.periods(state).catch(() => null);
    datasets = await api.datasets().catch(() => datasets);
    const chosen = datasets.filter((d) => !state.dataset || d.id === state.dataset);
    const cmp = periods ? `${periods.comparison.from} to ${periods.comparison.to}` : state.compare;
    $('print-title').textContent = `Ward briefing: ${state.boundaries}`;
    setHtml($('print-meta'), html`<b>Area:</b> ${area()}<br><b>Period:</b> ${state.from} to ${state.to}, compared with ${cmp}<br>
      <b>Filters:</b> dataset ${state.dataset || 'all'}; categories ${state.categories.length ? state.categories.join(', ') : 'all'}${state.hotspot !== 'none' ? `; hotspot layer ${state.hotspot}` : ''}<br>
      <b>Data sources:</b> ${sourcesText(chosen)}<br><b>Printed:</b> ${day(new Date().toISOString())}`);
    $('strategic-this').textContent = `This period (${state.from} to ${state.to})`;
    $('strategic-last').textContent = `Last period (${cmp})`;
  }
  const fit = () => {
    map.invalidateSize();
    const b = bounds();
    if (b) map.fitBounds(b, { padding: [4, 4], animate: false });
  };
  window.addEventListener('beforeprint', fit);
  window.matchMedia('print').addEventListener('change', (e) => { if (e.matches) fit(); });
  window.addEventListener('afterprint', () => map.invalidateSize());
  return { prepare, fit, print: () => prepare().finally(() => window.print()) };
}
