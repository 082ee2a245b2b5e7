// The view state: one object, the only writer of the URL hash, so a link reproduces the view. Pure apart
// from the injected URL reader and writer, so `node --test` runs it.
//
// The hash is parsed against allow-lists: unknown keys are dropped, every value is checked (months YYYY-MM,
// enums from fixed lists, numbers in ranges, ids in the server's id form); after the server's lists load,
// reconcile() keeps only boundary sets, datasets, categories and months the server has. Nothing from the
// URL is ever used to build an API path: paths are constants in api.js.

export const ENUMS = Object.freeze({
  compare: ['previous', 'year-ago'],
  measure: ['count', 'rate_per_1000', 'change_pct', 'mean_imd_rank', 'share_imd_decile_1'],
  hotspot: ['none', 'gistar', 'kde', 'change'],
  shape: ['square', 'hex'],
  places: ['none', 'repeats', 'encampments'],
  groupBy: ['auto', 'label', 'coordinates', 'distance'],
  rankBy: ['records', 'count'],
  per: ['1000', '10000', '100000'], // the base of rates: residents (the server's --per)
});

/** Ranges of the numbers the page sends; values outside are dropped (the server's automatic choice applies). */
export const RANGES = Object.freeze({
  cell: [20, 5000], // grid cell size, metres
  bandwidth: [20, 10000], // KDE bandwidth, metres
  lat: [-90, 90],
  lon: [-180, 180],
  zoom: [0, 19],
});

/** The measures shaded from the context layer (deprivation stored per ward with 'wardheat context --store'), not the incidents. */
export const CONTEXT_MEASURES = Object.freeze(['mean_imd_rank', 'share_imd_decile_1']);

export const LIMITS = Object.freeze({ text: 200, categories: 100, wards: 500, vertices: 500 });

export const DEFAULTS = Object.freeze({
  boundaries: null, dataset: null, categories: [], from: null, to: null, compare: 'previous', measure: 'count',
  hotspot: 'none', cell: null, bandwidth: null, shape: 'square', places: 'none', groupBy: 'auto', rankBy: 'records', per: '1000',
  wards: [], polygon: null, areaId: null, view: null,
});

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/; // the server's boundary-set id rule
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DECIMAL = /^-?\d{1,3}(\.\d{1,8})?$/;
const INTEGER = /^\d{1,6}$/;
const AREA_ID = /^[1-9]\d{0,8}$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

const text = (v) => typeof v === 'string' && v.length > 0 && v.length <= LIMITS.text && !CONTROL.test(v);
const inRange = (v, [lo, hi]) => Number.isFinite(v) && v >= lo && v <= hi;
const oneOf = (list) => (v) => (list.includes(v) ? v : undefined);
const number = (range, pattern = INTEGER) => (v) => {
  const s = String(v);
  return pattern.test(s) && inRange(Number(s), range) ? Number(s) : undefined;
};
const nullable = (check) => (v) => (v === null || v === '' ? null : check(v));

/** A ring of [lon, lat] pairs from "lon lat,lon lat,...", or undefined when any pair is out of range. */
export function decodeRing(s) {
  if (typeof s !== 'string' || s.length > LIMITS.vertices * 30) return undefined;
  const pairs = s.split(',');
  if (pairs.length < 4 || pairs.length > LIMITS.vertices) return undefined;
  const ring = [];
  for (const p of pairs) {
    const xy = p.trim().split(/\s+/);
    if (xy.length !== 2 || !xy.every((t) => DECIMAL.test(t))) return undefined;
    const [lon, lat] = xy.map(Number);
    if (!inRange(lon, RANGES.lon) || !inRange(lat, RANGES.lat)) return undefined;
    ring.push([lon, lat]);
  }
  return ring;
}

export function encodeRing(ring) {
  return ring.map(([x, y]) => `${x.toFixed(5)} ${y.toFixed(5)}`).join(',');
}

/** Checks of each state value; each returns the clean value or undefined to refuse it. */
const CHECK = {
  boundaries: (v) => (typeof v === 'string' && ID.test(v) ? v : undefined),
  dataset: (v) => (v === '' || text(v) ? v : undefined),
  categories: (v) => (Array.isArray(v) && v.length <= LIMITS.categories && v.every(text) ? [...new Set(v)] : undefined),
  from: (v) => (typeof v === 'string' && MONTH.test(v) && inRange(Number(v.slice(0, 4)), [1990, 2100]) ? v : undefined),
  to: (v) => CHECK.from(v),
  compare: oneOf(ENUMS.compare),
  measure: oneOf(ENUMS.measure),
  hotspot: oneOf(ENUMS.hotspot),
  shape: oneOf(ENUMS.shape),
  places: oneOf(ENUMS.places),
  groupBy: oneOf(ENUMS.groupBy),
  rankBy: oneOf(ENUMS.rankBy),
  per: oneOf(ENUMS.per),
  cell: nullable(number(RANGES.cell)),
  bandwidth: nullable(number(RANGES.bandwidth)),
  wards: (v) => (Array.isArray(v) && v.length <= LIMITS.wards && v.every((w) => text(w) && w.length <= 64 && !w.includes(',')) ? [...new Set(v)] : undefined),
  polygon: (v) => (v === null ? null : Array.isArray(v) && v.every((p) => Array.isArray(p) && p.length === 2 && p.every(Number.isFinite))
    ? decodeRing(encodeRing(v)) : undefined),
  areaId: (v) => (v === null ? null : AREA_ID.test(String(v)) ? String(v) : undefined),
  view: (v) => (v === null ? null : Array.isArray(v) && v.length === 3 && inRange(v[0], RANGES.lat) && inRange(v[1], RANGES.lon)
    && Number.isInteger(v[2]) && inRange(v[2], RANGES.zoom) ? v : undefined),
};

/** Hash keys whose text is the value as it is; their state key where it differs. */
const PLAIN = { boundaries: 'boundaries', dataset: 'dataset', from: 'from', to: 'to', compare: 'compare', measure: 'measure',
  hotspot: 'hotspot', shape: 'shape', places: 'places', group_by: 'groupBy', rank_by: 'rankBy', cell: 'cell', bandwidth: 'bandwidth',
  area_id: 'areaId', per: 'per' };

/** Each hash key: the state key it sets and how its text becomes a value (undefined when refused). */
const HASH = {
  ...Object.fromEntries(Object.entries(PLAIN).map(([key, name]) => [key, [name, (s) => s]])),
  wards: ['wards', (s) => s.split(',')],
  poly: ['polygon', decodeRing],
  map: ['view', (s) => {
    const parts = s.split(',');
    if (parts.length !== 3 || !DECIMAL.test(parts[0]) || !DECIMAL.test(parts[1]) || !/^\d{1,2}$/.test(parts[2])) return undefined;
    return parts.map(Number);
  }],
};

/**
 * Parses a URL hash (with or without '#'). Returns { values, dropped }: the accepted state values and the
 * names of the keys refused (unknown, malformed or out of range).
 */
export function parseHash(hash) {
  const q = new URLSearchParams(String(hash || '').replace(/^#/, ''));
  const values = {};
  const dropped = [];
  const categories = [];
  for (const [key, raw] of q) {
    if (key === 'category') {
      if (text(raw) && categories.length < LIMITS.categories) categories.push(raw);
      else dropped.push(key);
      continue;
    }
    const spec = Object.hasOwn(HASH, key) ? HASH[key] : null;
    const value = spec && !(spec[0] in values) && raw.length <= LIMITS.vertices * 30 ? CHECK[spec[0]](spec[1](raw)) : undefined;
    if (value === undefined || value === null) dropped.push(key);
    else values[spec[0]] = value;
  }
  if (categories.length) values.categories = [...new Set(categories)];
  if (values.areaId) { delete values.wards; delete values.polygon; } else if (values.wards) delete values.polygon;
  return { values, dropped };
}

/** The hash for a state: the period, comparison and measure always, other values when not the default. */
export function toHash(s) {
  const q = new URLSearchParams();
  for (const key of ['boundaries', 'from', 'to']) if (s[key]) q.set(key, s[key]);
  q.set('compare', s.compare);
  q.set('measure', s.measure);
  for (const [key, [name]] of Object.entries(HASH)) {
    if (['boundaries', 'from', 'to', 'compare', 'measure', 'wards', 'poly', 'area_id', 'map'].includes(key)) continue;
    if (s[name] !== null && s[name] !== '' && s[name] !== DEFAULTS[name]) q.set(key, s[name]);
  }
  s.categories.forEach((c) => q.append('category', c));
  if (s.areaId) q.set('area_id', s.areaId);
  else if (s.wards.length) q.set('wards', s.wards.join(','));
  else if (s.polygon) q.set('poly', encodeRing(s.polygon));
  if (s.view) q.set('map', `${s.view[0].toFixed(5)},${s.view[1].toFixed(5)},${s.view[2]}`);
  return `#${q}`;
}

/**
 * Keeps only what the server has: a boundary set, dataset, categories and months from its lists, with the
 * page's defaults otherwise (the first set, the police.uk dataset, the latest run of up to 12 consecutive months with data).
 * @param lists {{ sets: {id}[], datasets: {id, kind}[], categories: {category}[], months: {month}[] }}
 */
export function reconcile(s, { sets = [], datasets = [], categories = [], months = [] }) {
  const out = {};
  const setIds = sets.map((x) => x.id);
  out.boundaries = setIds.includes(s.boundaries) ? s.boundaries : setIds[0] ?? null;
  const datasetIds = datasets.map((d) => d.id);
  out.dataset = s.dataset === '' || datasetIds.includes(s.dataset) ? s.dataset
    : (datasets.find((d) => d.kind === 'police-uk') || { id: '' }).id;
  const known = new Set(categories.map((c) => c.category));
  out.categories = s.categories.filter((c) => known.has(c));
  const names = months.map((m) => m.month);
  out.to = names.includes(s.to) ? s.to : names[names.length - 1] ?? null;
  const end = names.indexOf(out.to);
  out.from = names.includes(s.from) && s.from <= out.to ? s.from : latestRunStart(names, end);
  return out;
}

/** YYYY-MM shifted by k months (k may be negative). */
const shift = (m, k) => {
  const [y, mm] = m.split('-').map(Number);
  const n = y * 12 + (mm - 1) + k;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
};

/**
 * Whether every month of the comparison period ('previous' or 'year-ago' of from..to) has data, so the page
 * offers it; the server decides what is shown (it withholds change without comparable data).
 */
export function comparisonCovered(compare, from, to, monthNames) {
  if (!from || !to || !['previous', 'year-ago'].includes(compare)) return true;
  const have = new Set(monthNames);
  const length = (Number(to.slice(0, 4)) * 12 + Number(to.slice(5))) - (Number(from.slice(0, 4)) * 12 + Number(from.slice(5))) + 1;
  const start = compare === 'previous' ? shift(from, -length) : shift(from, -12);
  for (let k = 0; k < length; k++) if (!have.has(shift(start, k))) return false;
  return true;
}

/** The month after YYYY-MM. */
const nextMonth = (m) => {
  const [y, mm] = m.split('-').map(Number);
  return mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`;
};

/**
 * The first month of the latest run of consecutive months with data ending at names[end], at most 12 long:
 * the default period never spans months without data (2018-19 and 2024 give 2024's months, not 24).
 */
export function latestRunStart(names, end) {
  if (end < 0) return null;
  let k = end;
  while (k > 0 && end - k < 11 && nextMonth(names[k - 1]) === names[k]) k--;
  return names[k];
}

const frozen = (v) => (Array.isArray(v) ? Object.freeze(v.map(frozen)) : v);

/**
 * The state object. Its values are read-only properties (state.from, state.wards, ...); set(patch) checks
 * every value, stores those accepted, writes the hash, tells the listeners which keys changed, and returns
 * the keys it refused.
 * @param io {{ read: () => string, write: (hash: string) => void }} the URL hash's reader and writer
 */
export function createState(io) {
  const values = {};
  for (const [key, v] of Object.entries({ ...DEFAULTS, ...parseHash(io.read()).values })) values[key] = frozen(v);
  const listeners = [];
  const state = {
    set(patch) {
      const changed = [];
      const refused = [];
      for (const [key, v] of Object.entries(patch)) {
        const clean = Object.hasOwn(CHECK, key) ? CHECK[key](v) : undefined;
        if (clean === undefined) refused.push(key);
        else if (JSON.stringify(clean) !== JSON.stringify(values[key])) { values[key] = frozen(clean); changed.push(key); }
      }
      if (changed.length) {
        io.write(toHash(values));
        listeners.forEach((f) => f(changed));
      }
      return refused;
    },
    on(listener) {
      listeners.push(listener);
    },
    reconcile(lists) {
      return state.set(reconcile(values, lists));
    },
    hash: () => toHash(values),
  };
  for (const key of Object.keys(DEFAULTS)) Object.defineProperty(state, key, { get: () => values[key], enumerable: true });
  return state;
}
