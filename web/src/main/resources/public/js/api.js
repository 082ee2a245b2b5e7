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
  context: '/api/context',
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
  population: '/api/population',
  dissolve: '/api/boundaries/dissolve',
  session: '/api/session',
  login: '/api/login',
  logout: '/api/logout',
  audit: '/api/audit',
});
const HOTSPOT_PATHS = Object.freeze({ gistar: '/api/hotspots/gistar', kde: '/api/hotspots/kde', change: '/api/hotspots/change' });
const EXPORT_PATHS = Object.freeze(Object.fromEntries(['wards', 'hotspots', 'repeats', 'encampments', 'strategic', 'areas', 'trends', 'priorities']
  .map((layer) => [layer, `/api/export/${layer}`])));
export const EXPORT_FORMATS = Object.freeze(['geojson', 'csv', 'gpkg']);

/** Every path the page may request, for tests and reviews. */
export const API_PATHS = Object.freeze([...Object.values(PATHS), ...Object.values(HOTSPOT_PATHS), ...Object.values(EXPORT_PATHS)]);

/**
 * The signed-in session as /api/session last said: the CSRF token sent with every state-changing call, and
 * the permissions the page uses to leave out what the role may not see (the server refuses them anyway).
 */
const session = { csrf: null, permissions: [] };

/** Remembers the session's CSRF token and permissions. */
export function useSession(s) {
  session.csrf = s && typeof s.csrf === 'string' ? s.csrf : null;
  session.permissions = s && Array.isArray(s.permissions) ? s.permissions.slice() : [];
}

/** True when the session's role has this permission (map, own_areas, strategic, records, export, import, delete_data, admin). */
export const allowed = (permission) => session.permissions.includes(permission);

/**
 * The strategic rows from either answer: the JSON rows, or, for a viewer, the disclosure-controlled table
 * (GeoJSON, counts 1 to 4 shown as "<5" and others withheld as "[c]").
 */
export function strategicRows(body) {
  if (!body || body.type !== 'FeatureCollection') return body;
  const rows = body.features.map(({ properties: p }) => ({ category: p.category, count: p.this_period, previous: p.last_period,
    difference: p.difference, changePct: p.change_pct }));
  return { scope: null, rows, disclosure: body.disclosure || null };
}

/**
 * Trends as the charts read them. A viewer (or a shareable request) gets the disclosure-controlled annual table as
 * GeoJSON: its rows become the annual series ("<5" and "[c]" kept as they are) and there is no monthly series.
 */
export function trendSeries(body, params) {
  if (!body || body.type !== 'FeatureCollection') return body;
  const annual = body.features.map(({ properties: p }) => ({ label: p.year, start: p.start, monthsInPeriod: p.months_with_data,
    total: p.count, change: p.change, changePct: p.change_pct }));
  return { scope: null, period: `${params.from}:${params.to}`, measure: /-(records|count)(_|$)/.exec(body.name || '')?.[1] || 'records',
    annual, rolling: [], disclosure: body.disclosure || null };
}

/** The priority rows as the panel reads them: {rank, name, score, count, changePct, reasons}, from the JSON or a viewer's table. */
export function priorityRows(body) {
  if (body && body.type === 'FeatureCollection') {
    return { rows: body.features.map(({ properties: p }) => ({ rank: p.rank, name: p.category, score: p.score, count: p.this_period,
      changePct: p.change_pct, reasons: p.reasons })), disclosure: body.disclosure || null };
  }
  return { ...body, rows: body.rows.map((r) => ({ rank: r.rank, name: r.input.name, score: r.score, count: r.input.count,
    changePct: r.test && r.test.rateRatio !== null ? (r.test.rateRatio - 1) * 100 : null, reasons: r.reasons })) };
}

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
  if (!API_PATHS.includes(path) && !/^\/api\/areas\/[1-9]\d{0,8}$/.test(path)
    && !/^\/api\/boundaries\/[A-Za-z0-9][A-Za-z0-9._-]{0,63}\/(outline|fields)$/.test(path)) throw new ApiError(`not an API path: ${path}`);
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

/** Repeat places: group_by is left to the server ('auto': by coordinates for police.uk data, by label for council records). */
export const repeatParams = (s) => ({ ...selection(s), group_by: s.groupBy === 'auto' ? null : s.groupBy, by: s.rankBy, top: 20, distance: 50 });
/** The ward, strategic and focus-area tables' parameters: per is sent only when it is not the server's default (1,000). */
const wardParams = (s) => ({ ...selection(s), compare: s.compare, per: s.per && s.per !== '1000' ? s.per : null });
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

/** A boundary set's own path: `part` is 'outline' (its outline) or 'fields' (the ward properties it can be dissolved by). */
function setPath(id, part) {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(String(id))) throw new ApiError(`not a boundary set id: ${id}`);
  return `${PATHS.boundaries}/${id}/${part}`;
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
  if (method !== 'GET' && session.csrf) init.headers['X-CSRF-Token'] = session.csrf;
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
  session: () => request(PATHS.session),
  login: (name, password) => request(PATHS.login, { method: 'POST', json: { name, password } }),
  logout: () => request(PATHS.logout, { method: 'POST', json: {} }),
  /** The latest entries of the audit trail (admins only). */
  audit: (limit = 200) => request(PATHS.audit, { params: { limit } }),
  boundarySets: () => request(PATHS.boundaries),
  datasets: () => request(PATHS.datasets),
  /** Categories with counts (of one dataset inside one boundary set when given, else of everything), then the groups. */
  categories: async (s) => withGroups(...(await Promise.all([
    request(PATHS.categories, { params: s ? { dataset: s.dataset, boundaries: s.boundaries } : {} }), request(PATHS.groups)]))),
  outline: async (id, signal) => request(setPath(id, 'outline'), { signal }),
  months: () => request(PATHS.months),
  /** The period and comparison period as the server resolves them: {period: {from, to}, comparison: {from, to}}. */
  periods: (s, signal) => request(PATHS.periods, { params: { from: s.from, to: s.to, compare: s.compare }, signal }),
  wards: (s, signal) => request(PATHS.wards, { params: wardParams(s), signal }),
  wardsCsvUrl: (s) => url(PATHS.wardsCsv, wardParams(s)),
  /** The context layer of the boundary set: per ward mean IMD rank, share in the most deprived decile, residents by age. */
  context: (s, signal) => request(PATHS.context, { params: { boundaries: s.boundaries }, signal }),
  // calls that build a path from an argument are async, so a refused argument is a rejection like any other
  // the map asks only for the cells it draws (Gi* significant bins, KDE at or above the average); downloads get every cell
  hotspots: async (s, before, signal) => request(hotspotPath(s.hotspot), { params: { ...hotspotParams(s, before), only: 'significant' }, signal }),
  hotspotUrl: (s, before, format) => url(hotspotPath(s.hotspot), { ...hotspotParams(s, before), ...(format === 'csv' ? { format } : { download: 1 }) }),
  repeats: (s, signal) => request(PATHS.repeats, { params: repeatParams(s), signal }),
  encampments: (s, signal) => request(PATHS.encampments, { params: { from: s.from, to: s.to }, signal }),
  nearRepeat: (s, signal) => request(PATHS.nearRepeat, { params: { ...selection(s), simulations: 999 }, signal }),
  strategic: async (s, signal) => strategicRows(await request(PATHS.strategic, { params: strategicParams(s), signal })),
  strategicUrl: (s, format) => (format === 'csv' ? url(PATHS.strategic, { ...strategicParams(s), format })
    : url(EXPORT_PATHS.strategic, { ...strategicParams(s), format })),
  /** The trends of the 36 months to `to`; when those reach too far before the data (400 on `from`), of the selected period. */
  trends: (s, signal) => request(PATHS.trends, { params: trendParams(s), signal }).then((b) => trendSeries(b, trendParams(s)))
    .catch((err) => {
      if (err.status !== 400 || !/^from: /.test(err.message)) throw err;
      return request(PATHS.trends, { params: trendParams(s, s.from), signal }).then((b) => trendSeries(b, trendParams(s, s.from)));
    }),
  priorities: async (s, signal) => priorityRows(await request(PATHS.priorities, { params: priorityParams(s), signal })),
  areaSummary: (s, signal) => request(PATHS.areaSummary, { params: { ...wardParams(s), ...areaParams(s) }, signal }),
  areas: () => request(PATHS.areas),
  saveArea: (area) => request(PATHS.areas, { method: 'POST', json: area }),
  renameArea: async (id, name) => request(areaPath(id), { method: 'PUT', json: { name } }),
  deleteArea: async (id) => request(areaPath(id), { method: 'DELETE' }),
  importFiles: (params, form) => request(PATHS.import, { method: 'POST', params, form }),
  addBoundaries: (params, form) => request(PATHS.boundaries, { method: 'POST', params, form }),
  addPopulation: (params, form) => request(PATHS.population, { method: 'POST', params, form }),
  /** The ward properties a set can be dissolved by: [{field, areas}] (importers only). */
  dissolveFields: async (id) => request(setPath(id, 'fields')),
  /** A new set of the set's wards grouped by a property, as `wardheat boundaries dissolve`: {from, by, id}. */
  dissolve: (from, by, id) => request(PATHS.dissolve, { method: 'POST', json: { from, by, id } }),
  /** A download link: layer one of wards, hotspots, repeats, encampments, strategic, areas. */
  exportUrl: (layer, params, format) => {
    if (!Object.hasOwn(EXPORT_PATHS, layer) || !EXPORT_FORMATS.includes(format)) throw new ApiError(`no export ${layer}.${format}`);
    return url(EXPORT_PATHS[layer], { ...params, format });
  },
  wardParams,
  trendParamsOf: trendParams,
  priorityParamsOf: priorityParams,
};
