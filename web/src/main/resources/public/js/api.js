// Every call to the wardheat HTTP API goes through here: the paths are constants (never taken from the URL
// or the data), one query builder turns parameter objects into query strings, and one error policy turns
// every failure into an ApiError carrying the server's own message. Pure until a call is made, so
// `node --test` runs the builders.

const PATHS = Object.freeze({
  config: '/api/config',
  boundaries: '/api/boundaries',
  datasets: '/api/datasets',
  categories: '/api/categories',
  months: '/api/months',
  periods: '/api/periods',
  wards: '/api/wards',
  wardsCsv: '/api/wards.csv',
  repeats: '/api/repeats',
  encampments: '/api/encampments',
  nearRepeat: '/api/near-repeat',
  areas: '/api/areas',
  areaSummary: '/api/area-summary',
  strategic: '/api/strategic',
  groups: '/api/groups',
  trends: '/api/trends',
  priorities: '/api/priorities',
  import: '/api/import',
});
const HOTSPOT_PATHS = Object.freeze({ gistar: '/api/hotspots/gistar', kde: '/api/hotspots/kde', change: '/api/hotspots/change' });
const EXPORT_PATHS = Object.freeze(Object.fromEntries(['wards', 'hotspots', 'repeats', 'encampments', 'strategic', 'areas', 'trends', 'priorities']
  .map((layer) => [layer, `/api/export/${layer}`])));
export const EXPORT_FORMATS = Object.freeze(['geojson', 'csv', 'gpkg']);

/** Every path the page may request, for tests and reviews. */
export const API_PATHS = Object.freeze([...Object.values(PATHS), ...Object.values(HOTSPOT_PATHS), ...Object.values(EXPORT_PATHS)]);

/** A failed call: the server's message (or what went wrong on the way), the HTTP status (0 if none). */
export class ApiError extends Error {
  constructor(message, status = 0, { aborted = false } = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.aborted = aborted;
  }
}

/**
 * The one query builder: an object of parameters as a query string, in the object's order. Arrays repeat
 * the key; null, undefined, '' and false are left out; numbers and true are written as text.
 */
export function toQuery(params = {}) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v !== null && v !== undefined && v !== '' && v !== false) q.append(key, String(v));
    }
  }
  return q.toString();
}

/** A path with its query; the path must be one of the constants above. */
export function url(path, params) {
  if (!API_PATHS.includes(path) && !/^\/api\/areas\/[1-9]\d{0,8}$/.test(path)) throw new ApiError(`not an API path: ${path}`);
  const query = toQuery(params);
  return query ? `${path}?${query}` : path;
}

/** The selection every analysis takes: boundary set, period, dataset and categories. */
export function selection(s) {
  return { boundaries: s.boundaries, from: s.from, to: s.to, dataset: s.dataset, category: s.categories };
}

/** The focus area as the area routes take it: a saved area's id, ward codes, or a drawn polygon. */
export function areaParams(s) {
  if (s.areaId) return { area_id: s.areaId };
  if (s.wards.length) return { ward: s.wards };
  if (s.polygon) return { area: JSON.stringify({ type: 'Polygon', coordinates: [s.polygon] }) };
  return {};
}

/** The hotspot layer's parameters; `before` is the comparison period (YYYY-MM:YYYY-MM) for 'change'. */
export function hotspotParams(s, before) {
  return { ...selection(s), cell: s.cell, shape: s.shape === 'square' ? null : s.shape,
    bandwidth: s.hotspot === 'kde' ? s.bandwidth : null, before: s.hotspot === 'change' ? before : null };
}

export const repeatParams = (s) => ({ ...selection(s), group_by: s.groupBy, by: s.rankBy, top: 20, distance: 50 });
const wardParams = (s) => ({ ...selection(s), compare: s.compare });
const strategicParams = (s) => ({ ...wardParams(s), category: null, ...areaParams(s) });

/** The first month of the trend charts: three years (36 months) to the end of the selected period. */
export function trendFrom(to) {
  const [y, m] = String(to).split('-').map(Number);
  const k = y * 12 + (m - 1) - 35;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}

/** The trend charts' selection: the selected categories and datasets in the focus area (or the set), 36 months to `to`. */
export const trendParams = (s, from = trendFrom(s.to)) => ({ ...selection(s), from, ...areaParams(s) });
/** The priority matrix: every category of the set, this period against the comparison. */
export const priorityParams = (s) => ({ ...wardParams(s), category: null });

/** The categories, then the groups as `group:NAME` entries with their incidents (groups without any left out). */
export function withGroups(categories, groups) {
  return [...categories, ...groups.filter((g) => g.count > 0).map((g) => ({ category: `group:${g.group}`, count: g.count }))];
}

function hotspotPath(analysis) {
  if (!Object.hasOwn(HOTSPOT_PATHS, analysis)) throw new ApiError(`no hotspot analysis '${analysis}'`);
  return HOTSPOT_PATHS[analysis];
}

function areaPath(id) {
  if (!/^[1-9]\d{0,8}$/.test(String(id))) throw new ApiError(`not an area id: ${id}`);
  return `${PATHS.areas}/${id}`;
}

/**
 * The one error policy. Resolves to the JSON body; rejects with an ApiError holding the server's
 * {"error": ...} message, or the HTTP status when there is none, or "cannot reach the server".
 * A call cancelled through `signal` rejects with an ApiError whose `aborted` is true.
 */
async function request(path, { params, method = 'GET', json, form, signal } = {}) {
  const init = { method, signal, headers: { Accept: 'application/json' } };
  if (json !== undefined) { init.body = JSON.stringify(json); init.headers['Content-Type'] = 'application/json'; }
  if (form !== undefined) init.body = form;
  let response;
  try {
    response = await fetch(url(path, params), init);
  } catch (err) {
    if (err && err.name === 'AbortError') throw new ApiError('cancelled', 0, { aborted: true });
    throw new ApiError(`cannot reach the server (${err && err.message})`);
  }
  const body = await response.json().catch(() => null);
  if (signal && signal.aborted) throw new ApiError('cancelled', 0, { aborted: true });
  if (!response.ok) throw new ApiError(body && typeof body.error === 'string' ? body.error : `HTTP ${response.status}`, response.status);
  return body;
}

/**
 * Cancels the previous call when a newer one starts: each call of the returned function aborts the last
 * signal it handed out and returns a fresh one, so a slow, older answer never overwrites a newer one.
 */
export function latestOnly() {
  let controller = null;
  return () => {
    if (controller) controller.abort();
    controller = new AbortController();
    return controller.signal;
  };
}

export const api = {
  config: () => request(PATHS.config),
  boundarySets: () => request(PATHS.boundaries),
  datasets: () => request(PATHS.datasets),
  categories: async () => withGroups(...(await Promise.all([request(PATHS.categories), request(PATHS.groups)]))),
  months: () => request(PATHS.months),
  /** The period and comparison period as the server resolves them: {period: {from, to}, comparison: {from, to}}. */
  periods: (s, signal) => request(PATHS.periods, { params: { from: s.from, to: s.to, compare: s.compare }, signal }),
  wards: (s, signal) => request(PATHS.wards, { params: wardParams(s), signal }),
  wardsCsvUrl: (s) => url(PATHS.wardsCsv, wardParams(s)),
  // calls that build a path from an argument are async, so a refused argument is a rejection like any other
  hotspots: async (s, before, signal) => request(hotspotPath(s.hotspot), { params: { ...hotspotParams(s, before), only: 'nonzero' }, signal }),
  hotspotUrl: (s, before, format) => url(hotspotPath(s.hotspot), { ...hotspotParams(s, before), ...(format === 'csv' ? { format } : { download: 1 }) }),
  repeats: (s, signal) => request(PATHS.repeats, { params: repeatParams(s), signal }),
  encampments: (s, signal) => request(PATHS.encampments, { params: { from: s.from, to: s.to }, signal }),
  nearRepeat: (s, signal) => request(PATHS.nearRepeat, { params: { ...selection(s), simulations: 999 }, signal }),
  strategic: (s, signal) => request(PATHS.strategic, { params: strategicParams(s), signal }),
  strategicUrl: (s, format) => (format === 'csv' ? url(PATHS.strategic, { ...strategicParams(s), format })
    : url(EXPORT_PATHS.strategic, { ...strategicParams(s), format })),
  /** The trends of the 36 months to `to`; when those reach too far before the data (400 on `from`), of the selected period. */
  trends: (s, signal) => request(PATHS.trends, { params: trendParams(s), signal })
    .catch((err) => { if (err.status === 400 && /^from: /.test(err.message)) return request(PATHS.trends, { params: trendParams(s, s.from), signal }); throw err; }),
  priorities: (s, signal) => request(PATHS.priorities, { params: priorityParams(s), signal }),
  areaSummary: (s, signal) => request(PATHS.areaSummary, { params: { ...wardParams(s), ...areaParams(s) }, signal }),
  areas: () => request(PATHS.areas),
  saveArea: (area) => request(PATHS.areas, { method: 'POST', json: area }),
  renameArea: async (id, name) => request(areaPath(id), { method: 'PUT', json: { name } }),
  deleteArea: async (id) => request(areaPath(id), { method: 'DELETE' }),
  importFiles: (params, form) => request(PATHS.import, { method: 'POST', params, form }),
  /** A download link: layer one of wards, hotspots, repeats, encampments, strategic, areas. */
  exportUrl: (layer, params, format) => {
    if (!Object.hasOwn(EXPORT_PATHS, layer) || !EXPORT_FORMATS.includes(format)) throw new ApiError(`no export ${layer}.${format}`);
    return url(EXPORT_PATHS[layer], { ...params, format });
  },
  wardParams,
  trendParamsOf: trendParams,
  priorityParamsOf: priorityParams,
};
