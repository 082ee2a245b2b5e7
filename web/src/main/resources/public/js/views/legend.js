// The map legend as a Leaflet control: the sections the layers give (each an html`` result), one under another.
import { html, setHtml } from '../format.js';

/** Adds the legend control to the map; show(...sections) replaces its content, leaving out empty ones. */
export function createLegend(map) {
  const Legend = L.Control.extend({
    options: { position: 'bottomright' },
    onAdd: () => L.DomUtil.create('div', 'legend'),
  });
  const control = new Legend().addTo(map);
  return {
    show(...sections) {
      const parts = sections.filter(Boolean);
      setHtml(control.getContainer(), html`${parts.map((p, i) => (i ? html`<hr>${p}` : p))}`);
    },
  };
}

/** A legend section: a title and rows of colour swatch and label. */
export function legendSection(title, rows, note) {
  return html`<h4>${title}</h4>${rows.map((r) => html`<div><i style="${swatch(r)}"></i>${r.label}</div>`)}${note ? html`<small>${note}</small>` : ''}`;
}

/** The swatch's inline style: a fill colour (#rrggbb), or an outline ring for 'ring' / 'dashed' rows. */
function swatch({ colour, ring }) {
  if (ring) return `background:none;border:2px ${ring === 'dashed' ? 'dashed' : 'solid'} #000`;
  return /^#[0-9a-f]{3,8}$/i.test(colour) ? `background:${colour}` : '';
}
