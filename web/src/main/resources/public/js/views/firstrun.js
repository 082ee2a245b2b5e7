// Starting from nothing in the browser: a short guide (boundaries, then population, then data) with the upload
// forms for a ward GeoJSON and a ward population CSV. Shown while the server has no boundary set (or no incidents).
// It also wires the panel that makes districts from the wards of a set (views/dissolve.js).
import { api } from '../api.js';
import { num } from '../format.js';
import { $ } from './dom.js';
import { initDissolve } from './dissolve.js';

/**
 * @param {() => string} boundaries the boundary set population is for
 * @param {() => void} onAdded called after a set or population is stored, so the lists reload
 */
export function initFirstRun(boundaries, onAdded) {
  const report = $('first-run-report');
  const send = (form, call, say) => form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const file = form.querySelector('input[type=file]').files[0];
    if (!file) { report.textContent = 'Choose a file first.'; return; }
    const data = new FormData();
    data.append('file', file, file.name);
    report.textContent = 'Uploading…';
    try {
      report.textContent = say(await call(data));
      onAdded();
    } catch (err) {
      report.textContent = `Nothing was stored: ${err.message}`;
    }
  });
  send($('boundaries-form'), (data) => api.addBoundaries({ id: $('boundaries-id').value.trim() }, data),
    (r) => `Boundary set ${r.id}: ${num(r.wards)} wards from ${r.source} (${r.source_crs}${r.repaired.length ? `; repaired ${r.repaired.join(', ')}` : ''}).`);
  send($('population-form'), (data) => api.addPopulation({ boundaries: boundaries() }, data),
    (r) => `Population for ${r.boundaries}: ${num(r.residents)} residents in ${num(r.wards)} wards.`);
  initDissolve(boundaries, onAdded); // then districts (or any grouping) from the wards of a set
  return {
    /** Shows the guide and marks the steps done, from the server's lists. */
    show({ sets, months }) {
      const withPopulation = sets.some((s) => s.wardsWithPopulation > 0);
      $('first-run').hidden = sets.length > 0 && months.length > 0;
      $('step-boundaries').classList.toggle('done', sets.length > 0);
      $('step-population').classList.toggle('done', withPopulation);
      $('population-form').hidden = sets.length === 0;
      $('step-data').classList.toggle('done', months.length > 0);
    },
  };
}
