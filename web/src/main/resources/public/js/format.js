// Formatting for the page: numbers, percentages, dates, and the one HTML escape. Pure: no DOM, no Leaflet,
// so `node --test` runs it. Every text from the server or the URL reaches the page either as textContent or
// through `html`, whose interpolations are escaped unless they are themselves `html` results.

const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** The one escape: text safe inside an element or a quoted attribute. null and undefined give ''. */
export function esc(value) {
  return String(value ?? '').replace(/[&<>"'`]/g, (c) => ENTITIES[c]);
}

/** HTML built by `html`: its text is already escaped. */
export class SafeHtml {
  constructor(text) {
    this.text = text;
  }

  toString() {
    return this.text;
  }
}

function part(value) {
  if (value instanceof SafeHtml) return value.text;
  if (Array.isArray(value)) return value.map(part).join('');
  if (value === null || value === undefined || value === false) return '';
  return esc(value);
}

/**
 * Tagged template: html`<td>${name}</td>` escapes every interpolated value (arrays are joined, nested
 * html results are kept, null, undefined and false give nothing). The literal parts are the page's own.
 */
export function html(strings, ...values) {
  let out = strings[0];
  values.forEach((v, i) => { out += part(v) + strings[i + 1]; });
  return new SafeHtml(out);
}

/** Puts html`` output into an element; anything else is refused, so no raw text reaches innerHTML. */
export function setHtml(element, safe) {
  if (!(safe instanceof SafeHtml)) throw new TypeError('setHtml takes html`` output only');
  element.innerHTML = safe.text;
}

/**
 * A number in British style: `digits` decimals (always, or at most with { trim: true }); '–' when absent.
 * @param {number|null|undefined} value
 */
export function num(value, digits = 0, { trim = false } = {}) {
  if (typeof value === 'string' && SUPPRESSED.test(value)) return value; // disclosure control: "<5", "[c]"
  if (value === null || value === undefined || value === '' || !Number.isFinite(Number(value))) return '–';
  return Number(value).toLocaleString('en-GB', { minimumFractionDigits: trim ? 0 : digits, maximumFractionDigits: digits });
}

/** A value suppressed by disclosure control: "<5" (a count of 1 to 4) or "[c]" (withheld). */
const SUPPRESSED = /^(<\d{1,3}|\[c\])$/;

/** A difference with its sign: +3, -2, 0. */
export function signed(value, digits = 0) {
  const text = num(value, digits);
  return Number(value) > 0 ? `+${text}` : text;
}

/** A percentage change with its sign, one decimal: +12.5%; '–' when absent (no previous incidents). */
export function pct(value, digits = 1) {
  if (typeof value === 'string' && SUPPRESSED.test(value)) return value;
  return value === null || value === undefined ? '–' : `${signed(value, digits)}%`;
}

/** A proportion (0..1) as a percentage: 0.125 → 12.5%. */
export function share(value, digits = 1) {
  if (typeof value === 'string' && SUPPRESSED.test(value)) return value;
  return value === null || value === undefined ? '–' : `${num(100 * value, digits)}%`;
}

/** A change for the ward table: the % change, or the difference marked "(new)" when nothing came before. */
export function changeText(change, changePct) {
  if (changePct === null || changePct === undefined) return change > 0 ? `${signed(change)} (new)` : signed(change);
  return pct(changePct);
}

/** A date or date-time from the server (ISO 8601) as its day, YYYY-MM-DD; other text unchanged. */
export function day(text) {
  const m = /^(\d{4}-\d{2}-\d{2})([T ].*)?$/.exec(String(text ?? ''));
  return m ? m[1] : String(text ?? '');
}

/** "1 ward", "3 wards". */
export function plural(n, word) {
  return `${num(n)} ${word}${n === 1 ? '' : 's'}`;
}
