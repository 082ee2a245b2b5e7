// Districts from wards, as `wardheat boundaries dissolve`: the ward properties of the chosen set that every ward has
// (each with the number of areas it makes) to group by, and a name for the new set. The server merges the polygons
// and sums the populations; the pickers then reload and offer the new set.
import { api, allowed } from '../api.js';
import { plural } from '../format.js';
import { $, setOptions } from './dom.js';

/** The property picker's [value, label, selected] items: "LAD22CD (12 areas)"; the first with 2 or more areas chosen. */
export function fieldItems(fields) {
  const chosen = fields.find((f) => f.areas > 1) || fields[0];
  return fields.map((f) => [f.field, `${f.field} (${plural(f.areas, 'area')})`, f === chosen]);
}

/** What the server stored, as one line of text (shown with textContent). */
export function dissolveText(r) {
  const residents = r.with_population === r.areas ? `; ${plural(r.residents, 'resident')}`
    : r.with_population > 0 ? `; population for ${r.with_population} of them` : '; no population (add it to the wards first for rates)';
  return `Boundary set ${r.id}: ${plural(r.areas, 'area')} from the ${plural(r.wards, 'ward')} of ${r.from} by ${r.by}${residents}. Choose it under Boundary set.`;
}

/**
 * Wires the form in the panel "Districts from wards" (importers only: the panel is hidden otherwise).
 * @param {() => string} boundaries the set whose wards are grouped
 * @param {() => void} onAdded called after the set is stored, so the pickers reload
 */
export function initDissolve(boundaries, onAdded) {
  const panel = $('dissolve-panel');
  const report = $('dissolve-report');
  async function load() {
    if (!panel.open || !allowed('import') || !boundaries()) return;
    $('dissolve-from').textContent = boundaries();
    try {
      const fields = await api.dissolveFields(boundaries());
      setOptions($('dissolve-by'), fieldItems(fields));
      report.textContent = fields.length ? '' : 'The wards of this set keep no property every ward has: add the boundary file again to group them.';
    } catch (err) {
      report.textContent = err.message;
    }
  }
  panel.addEventListener('toggle', load);
  $('boundaries').addEventListener('change', () => setTimeout(load)); // after the state has taken the new set
  $('dissolve-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const by = $('dissolve-by').value, id = $('dissolve-id').value.trim();
    if (!by || !id) { report.textContent = 'Choose a property and a name for the new set first.'; return; }
    report.textContent = 'Merging the wards…';
    try {
      report.textContent = dissolveText(await api.dissolve(boundaries(), by, id));
      onAdded();
    } catch (err) {
      report.textContent = `Nothing was stored: ${err.message}`;
    }
  });
}
