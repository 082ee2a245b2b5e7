// The form controls: pickers filled from the server's lists, set from the state, and read back as a patch
// for state.set (which checks every value).
import { num } from '../format.js';
import { comparisonCovered, RANGES } from '../state.js';
import { $, setOptions } from './dom.js';

let monthNames = []; // the months with data, from the last fillPickers

/** Fills the boundary set, dataset, category and month pickers from the server's lists and the state. */
export function fillPickers(state, { sets, datasets, categories, months }) {
  setOptions($('dataset'), [['', 'all datasets', state.dataset === ''],
    ...datasets.map((d) => [d.id, `${d.id} (${num(d.incidents)})`, d.id === state.dataset])]);
  setOptions($('boundaries'), sets.map((s) => [s.id, `${s.id} (${num(s.wards)} wards)`, s.id === state.boundaries]));
  setOptions($('categories'), categories.map((c) => [c.category, `${c.category} (${num(c.count)})`, state.categories.includes(c.category)]));
  monthNames = months.map(({ month }) => month);
  setOptions($('from'), months.map(({ month }) => [month, month, month === state.from]));
  setOptions($('to'), months.map(({ month }) => [month, month, month === state.to]));
}

/** Sets the other controls from the state. */
export function showState(state) {
  for (const [id, key] of [['compare', 'compare'], ['hotspot', 'hotspot'], ['shape', 'shape'], ['places', 'places'],
    ['group-by', 'groupBy'], ['rank-by', 'rankBy'], ['per', 'per']]) $(id).value = state[key];
  // a comparison whose months were never imported is offered only when chosen (then the tables say "no comparable data")
  for (const o of $('compare').options) {
    o.dataset.label = o.dataset.label || o.textContent;
    const covered = comparisonCovered(o.value, state.from, state.to, monthNames);
    o.textContent = covered ? o.dataset.label : `${o.dataset.label} (no data)`;
    o.disabled = !covered && o.value !== state.compare;
  }
  $('cell').value = state.cell ?? '';
  $('bandwidth').value = state.bandwidth ?? '';
  document.querySelectorAll('input[name=measure]').forEach((r) => { r.checked = r.value === state.measure; });
}

/** Every control's value, keyed as the state names them. */
export function readControls() {
  const checked = document.querySelector('input[name=measure]:checked');
  return {
    boundaries: $('boundaries').value, dataset: $('dataset').value,
    categories: [...$('categories').selectedOptions].map((o) => o.value),
    from: $('from').value, to: $('to').value, compare: $('compare').value, measure: checked ? checked.value : 'count',
    hotspot: $('hotspot').value, cell: $('cell').value, shape: $('shape').value, bandwidth: $('bandwidth').value,
    places: $('places').value, groupBy: $('group-by').value, rankBy: $('rank-by').value, per: $('per').value,
  };
}

/** Refills the category picker with the chosen dataset's categories inside the boundary set, keeping the choice. */
export function fillCategories(state, categories) {
  setOptions($('categories'), categories.map((c) => [c.category, `${c.category} (${num(c.count)})`, state.categories.includes(c.category)]));
}

/** Reads the controls into the state; a value out of its range is refused, said through {@code setStatus}, and its control reset. */
export function applyControls(state, setStatus) {
  const refused = state.set(readControls());
  if (refused.length) {
    setStatus(`Not accepted: ${refused.join(', ')}. Cell size is ${RANGES.cell.join(' to ')} m and bandwidth ${RANGES.bandwidth.join(' to ')} m, whole metres (blank for automatic).`, true);
    showState(state);
  }
}
