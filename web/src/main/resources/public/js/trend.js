// A small SVG bar chart of a ward's monthly counts: comparison months grey, current months red.
import { html } from './format.js';

/**
 * @param {string[]} months YYYY-MM, one per count
 * @param {number[]} counts incidents per month
 * @param {{from: string, to: string}} period the months drawn as current
 */
export function trendSvg(months, counts, period) {
  const w = 240, h = 70, pad = 12;
  const max = Math.max(1, ...counts);
  const bw = (w - 2) / counts.length;
  const bars = counts.map((n, i) => {
    const bh = ((h - pad - 2) * n) / max;
    const current = months[i] >= period.from && months[i] <= period.to;
    return html`<rect class="${current ? 'cur' : 'prev'}" x="${(1 + i * bw).toFixed(1)}" y="${(h - pad - bh).toFixed(1)}" width="${Math.max(1, bw - 1).toFixed(1)}" height="${bh.toFixed(1)}"><title>${months[i]}: ${n}</title></rect>`;
  });
  return html`<svg class="trend" width="${w}" height="${h}" role="img" aria-label="Monthly counts">${bars}<text x="1" y="${h - 1}">${months[0]}</text><text x="${w - 1}" y="${h - 1}" text-anchor="end">${months[months.length - 1]}</text><text x="${w - 1}" y="8" text-anchor="end">max ${max}</text></svg>`;
}
