// Unit tests of api.js: the one query builder, the constant paths and the one error policy (fetch faked).
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { api, toQuery, url, selection, areaParams, hotspotParams, repeatParams, latestOnly, ApiError, API_PATHS } from '../src/main/resources/public/js/api.js';
import { DEFAULTS } from '../src/main/resources/public/js/state.js';

const STATE = { ...DEFAULTS, boundaries: 'demo-wards', dataset: 'demo-synthetic', categories: ['Burglary', 'Anti-social behaviour'],
  from: '2024-01', to: '2024-12' };
const realFetch = globalThis.fetch;
let calls = [];

function fakeFetch(status, body) {
  globalThis.fetch = async (u, init) => {
    calls.push({ url: u, init });
    return { ok: status >= 200 && status < 300, status, json: async () => (body === undefined ? Promise.reject(new SyntaxError('no json')) : body) };
  };
}

afterEach(() => { globalThis.fetch = realFetch; calls = []; });

test('toQuery: arrays repeat, empty values are left out, order kept, text encoded', () => {
  assert.equal(toQuery({ b: 'x', category: ['A b', 'c&d'], dataset: '', cell: null, bandwidth: undefined, flag: false, n: 0, on: true }),
    'b=x&category=A+b&category=c%26d&n=0&on=true');
  assert.equal(toQuery({}), '');
  assert.equal(toQuery({ area: '{"type":"Polygon"}' }), 'area=%7B%22type%22%3A%22Polygon%22%7D');
});

test('the selection, ward, hotspot, repeat and area parameters', () => {
  assert.equal(toQuery(selection(STATE)), 'boundaries=demo-wards&from=2024-01&to=2024-12&dataset=demo-synthetic&category=Burglary&category=Anti-social+behaviour');
  assert.equal(toQuery(selection({ ...STATE, dataset: '', categories: [] })), 'boundaries=demo-wards&from=2024-01&to=2024-12');
  const kde = { ...STATE, categories: [], hotspot: 'kde', cell: 250, bandwidth: 600, shape: 'hex' };
  assert.equal(toQuery(hotspotParams(kde, null)), 'boundaries=demo-wards&from=2024-01&to=2024-12&dataset=demo-synthetic&cell=250&shape=hex&bandwidth=600');
  assert.equal(toQuery(hotspotParams({ ...kde, hotspot: 'gistar', shape: 'square' }, null)), 'boundaries=demo-wards&from=2024-01&to=2024-12&dataset=demo-synthetic&cell=250',
    'bandwidth only for KDE; square is the default');
  assert.match(toQuery(hotspotParams({ ...kde, hotspot: 'change' }, '2023-01:2023-12')), /before=2023-01%3A2023-12$/);
  assert.match(toQuery(repeatParams({ ...STATE, groupBy: 'distance', rankBy: 'count' })), /group_by=distance&by=count&top=20&distance=50$/);
  assert.deepEqual(areaParams({ ...STATE, areaId: '4', wards: ['A'] }), { area_id: '4' });
  assert.deepEqual(areaParams({ ...STATE, wards: ['A', 'B'] }), { ward: ['A', 'B'] });
  assert.deepEqual(areaParams({ ...STATE, polygon: [[1, 2], [3, 4], [5, 6], [1, 2]] }),
    { area: '{"type":"Polygon","coordinates":[[[1,2],[3,4],[5,6],[1,2]]]}' });
  assert.deepEqual(areaParams(STATE), {});
});

test('download links: the strategic table drops categories and takes the area', () => {
  const s = { ...STATE, wards: ['X1'] };
  assert.equal(api.strategicUrl(s, 'csv'), '/api/strategic?boundaries=demo-wards&from=2024-01&to=2024-12&dataset=demo-synthetic&compare=previous&ward=X1&format=csv');
  assert.match(api.strategicUrl(s, 'gpkg'), /^\/api\/export\/strategic\?.*format=gpkg$/);
  assert.match(api.wardsCsvUrl(STATE), /^\/api\/wards\.csv\?boundaries=demo-wards&.*&compare=previous$/);
  assert.equal(api.exportUrl('areas', {}, 'gpkg'), '/api/export/areas?format=gpkg');
  assert.throws(() => api.exportUrl('../boundaries', {}, 'csv'), ApiError);
  assert.throws(() => api.exportUrl('wards', {}, 'exe'), ApiError);
});

test('paths are constants: nothing else can be requested', async () => {
  for (const p of API_PATHS) assert.match(p, /^\/api\/[a-z./-]+$/);
  assert.throws(() => url('/api/x'), ApiError);
  assert.throws(() => url('../../api/x'), ApiError);
  assert.equal(url('/api/areas/12'), '/api/areas/12');
  await assert.rejects(api.hotspots({ ...STATE, hotspot: '../wards' }), ApiError);
  assert.throws(() => api.hotspotUrl({ ...STATE, hotspot: 'none' }, null, 'csv'), ApiError);
  await assert.rejects(api.deleteArea('1/../../x'), ApiError);
  assert.equal(calls.length, 0, 'nothing was fetched');
});

test('the error policy: the server message, else the status, else the network failure', async () => {
  fakeFetch(400, { error: "query parameter 'cell' must be a number" });
  await assert.rejects(api.wards(STATE), (e) => e instanceof ApiError && e.status === 400 && e.message === "query parameter 'cell' must be a number");
  fakeFetch(502, undefined);
  await assert.rejects(api.months(), (e) => e.status === 502 && e.message === 'HTTP 502');
  globalThis.fetch = async () => { throw new TypeError('Failed to fetch'); };
  await assert.rejects(api.months(), (e) => e.status === 0 && /cannot reach the server/.test(e.message) && !e.aborted);
  fakeFetch(200, [{ month: '2024-01' }]);
  assert.deepEqual(await api.months(), [{ month: '2024-01' }]);
  assert.equal(calls.at(-1).url, '/api/months');
});

test('writes send JSON to constant paths', async () => {
  fakeFetch(200, { id: 3, name: 'x' });
  await api.saveArea({ name: '<b>', wards: ['A'] });
  await api.renameArea('3', 'New');
  assert.deepEqual(calls.map((c) => [c.url, c.init.method, c.init.headers['Content-Type'], c.init.body]), [
    ['/api/areas', 'POST', 'application/json', '{"name":"<b>","wards":["A"]}'],
    ['/api/areas/3', 'PUT', 'application/json', '{"name":"New"}']]);
  await api.importFiles({ boundaries: 'b', preset: null, dataset: 'd' }, 'FORM');
  assert.equal(calls[2].url, '/api/import?boundaries=b&dataset=d');
  assert.equal(calls[2].init.body, 'FORM');
});

test('a newer call cancels the older one, which rejects as aborted', async () => {
  globalThis.fetch = (u, init) => new Promise((resolve, reject) => {
    init.signal.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })));
  });
  const next = latestOnly();
  const first = api.wards(STATE, next());
  next();
  await assert.rejects(first, (e) => e.aborted === true);
});
