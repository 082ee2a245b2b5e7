// Small DOM helpers shared by the views.
import { setHtml } from '../format.js';

export const $ = (id) => document.getElementById(id);

/** A detached element holding html`` output, for Leaflet popups and tooltips (no string reaches Leaflet). */
export function element(safe, tag = 'div') {
  const el = document.createElement(tag);
  setHtml(el, safe);
  return el;
}

/** Replaces a select's options with [value, label, selected] triples, as text. */
export function setOptions(select, items) {
  select.replaceChildren(...items.map(([value, label, selected]) => {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    o.selected = selected;
    return o;
  }));
}
