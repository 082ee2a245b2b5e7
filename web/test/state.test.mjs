// Unit tests of state.js: the URL hash round trip, the allow-lists and the reconciliation with the server's lists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHash, toHash, reconcile, createState, decodeRing, DEFAULTS, latestRunStart, comparisonCovered } from '../src/main/resources/public/js/state.js';

const RING = [[-1.25, 52.6], [-1.2, 52.6], [-1.2, 52.63], [-1.25, 52.6]];

function stateAt(hash) {
  const written = [];
  const s = createState({ read: () => hash, write: (h) => written.push(h) });
  return { s, written };
}

test('a full view survives the round trip through the hash', () => {
  const values = { ...DEFAULTS, boundaries: 'demo-wards', dataset: 'demo-synthetic', categories: ['Burglary', 'Anti-social behaviour'],
    from: '2023-01', to: '2023-06', compare: 'year-ago', measure: 'change_pct', hotspot: 'kde', cell: 250, bandwidth: 600,
    shape: 'hex', places: 'repeats', groupBy: 'distance', rankBy: 'count', wards: [], polygon: RING, areaId: null, view: [52.61, -1.23, 14] };
  const hash = toHash(values);
  assert.match(hash, /^#boundaries=demo-wards&from=2023-01&to=2023-06&compare=year-ago&measure=change_pct/);
  const { values: back, dropped } = parseHash(hash);
  assert.deepEqual(dropped, []);
  assert.deepEqual({ ...DEFAULTS, ...back }, values);
});

test('wards, a saved area and the defaults round trip', () => {
  const { values } = parseHash(toHash({ ...DEFAULTS, boundaries: 'b', from: '2024-01', to: '2024-12', wards: ['X05000001', 'X05000004'] }));
  assert.deepEqual(values.wards, ['X05000001', 'X05000004']);
  assert.equal(values.hotspot, undefined, 'defaults are not written');
  assert.deepEqual(parseHash('#area_id=12&wards=A,B&poly=1 2,3 4,5 6,1 2').values, { areaId: '12' }, 'a saved area wins over wards and a polygon');
  assert.equal(toHash({ ...DEFAULTS, areaId: '7', wards: ['A'] }).includes('wards='), false);
});

test('unknown keys, malformed values and values out of range are dropped', () => {
  const { values, dropped } = parseHash('#boundaries=../../api/x&hotspot=kde&cell=1&bandwidth=1e308&from=2999-13&to=2024-1'
    + '&compare=evil&measure=<img>&shape=circle&places=all&wards=a,b&map=1e308,5,3&area_id=1;DROP&poly=x&__proto__=1&constructor=2&zzz=3&top=9999');
  assert.deepEqual(values, { hotspot: 'kde', wards: ['a', 'b'] });
  for (const key of ['boundaries', 'cell', 'bandwidth', 'from', 'to', 'compare', 'measure', 'shape', 'places', 'map', 'area_id', 'poly', '__proto__', 'constructor', 'zzz', 'top']) {
    assert.ok(dropped.includes(key), `${key} dropped`);
  }
  assert.equal(Object.getPrototypeOf(values), Object.prototype, 'no prototype pollution');
});

test('numbers must be whole and in range; months real; views on the globe', () => {
  assert.equal(parseHash('#cell=19').values.cell, undefined);
  assert.equal(parseHash('#cell=20').values.cell, 20);
  assert.equal(parseHash('#cell=5000').values.cell, 5000);
  assert.equal(parseHash('#cell=5001').values.cell, undefined);
  assert.equal(parseHash('#cell=250.5').values.cell, undefined);
  assert.equal(parseHash('#cell=-250').values.cell, undefined);
  assert.equal(parseHash('#cell=0x100').values.cell, undefined);
  assert.equal(parseHash('#bandwidth=10001').values.bandwidth, undefined);
  assert.equal(parseHash('#from=1989-12').values.from, undefined);
  assert.equal(parseHash('#from=2022-+1').values.from, undefined);
  assert.equal(parseHash('#from=2022-12').values.from, '2022-12');
  assert.deepEqual(parseHash('#map=52.6,-1.2,14').values.view, [52.6, -1.2, 14]);
  assert.equal(parseHash('#map=91,0,3').values.view, undefined);
  assert.equal(parseHash('#map=52,0,20').values.view, undefined);
  assert.equal(parseHash('#map=52,0').values.view, undefined);
});

test('polygons need 4 to 500 vertices on the globe', () => {
  assert.deepEqual(decodeRing('-1.25 52.6,-1.2 52.6,-1.2 52.63,-1.25 52.6'), RING);
  assert.equal(decodeRing('1 2,3 4,1 2'), undefined, 'too few');
  assert.equal(decodeRing('200 2,3 4,5 6,200 2'), undefined, 'longitude out of range');
  assert.equal(decodeRing('1 2,3 4,5 6,1e3 2'), undefined, 'exponents refused');
  assert.equal(decodeRing(Array(501).fill('1 2').join(',')), undefined, 'too many');
});

test('ids, categories and ward codes are text without control characters, bounded', () => {
  assert.equal(parseHash('#boundaries=demo-wards').values.boundaries, 'demo-wards');
  assert.equal(parseHash('#boundaries=a/b').values.boundaries, undefined);
  assert.equal(parseHash(`#boundaries=${'a'.repeat(65)}`).values.boundaries, undefined);
  assert.deepEqual(parseHash('#category=Burglary&category=Burglary&category=Drugs').values.categories, ['Burglary', 'Drugs']);
  assert.equal(parseHash('#category=a%00b').values.categories, undefined);
  assert.equal(parseHash(`#dataset=${'d'.repeat(201)}`).values.dataset, undefined);
  assert.equal(parseHash(`#wards=${Array(501).fill('W').map((w, i) => w + i).join(',')}`).values.wards, undefined);
  assert.deepEqual(parseHash('#hotspot=kde&hotspot=none').values, { hotspot: 'kde' }, 'the first of a repeated key');
});

test('reconcile keeps only what the server lists, with the page defaults otherwise', () => {
  const lists = {
    sets: [{ id: 'demo-wards' }, { id: 'other' }],
    datasets: [{ id: 'council', kind: 'council' }, { id: 'police', kind: 'police-uk' }],
    categories: [{ category: 'Burglary' }, { category: 'Drugs' }],
    months: ['2023-11', '2023-12', '2024-01'].concat(Array.from({ length: 12 }, (_, i) => `2024-${String(i + 2).padStart(2, '0')}`).slice(0, 11))
      .map((month) => ({ month })),
  };
  const s = { ...DEFAULTS, boundaries: 'gone', dataset: 'gone', categories: ['Burglary', '<img>'], from: '1999-01', to: '2030-01' };
  assert.deepEqual(reconcile(s, lists), { boundaries: 'demo-wards', dataset: 'police', categories: ['Burglary'], from: '2024-01', to: '2024-12' });
  const kept = { ...DEFAULTS, boundaries: 'other', dataset: '', categories: ['Drugs'], from: '2023-12', to: '2024-02' };
  assert.deepEqual(reconcile(kept, lists), { boundaries: 'other', dataset: '', categories: ['Drugs'], from: '2023-12', to: '2024-02' });
  assert.equal(reconcile({ ...kept, from: '2024-03', to: '2024-02' }, lists).from, '2023-11', 'a period that ends before it starts is reset');
  assert.deepEqual(reconcile(kept, { sets: [], datasets: [], categories: [], months: [] }),
    { boundaries: null, dataset: '', categories: [], from: null, to: null });
});

test('the state object: read-only values, checked writes, the hash written and listeners told', () => {
  const { s, written } = stateAt('#boundaries=demo-wards&from=2024-01&to=2024-12&cell=99999&hotspot=gistar');
  assert.equal(s.hotspot, 'gistar');
  assert.equal(s.cell, null, 'the out-of-range cell never reaches the state');
  assert.throws(() => { s.from = '2020-01'; }, TypeError);
  assert.throws(() => s.wards.push('x'), TypeError, 'arrays are frozen');
  const seen = [];
  s.on((changed) => seen.push(changed));
  assert.deepEqual(s.set({ cell: '300', bandwidth: '5', measure: 'count', nonsense: 1 }), ['bandwidth', 'nonsense']);
  assert.equal(s.cell, 300);
  assert.deepEqual(seen, [['cell']], 'only keys whose value changed');
  assert.match(written.at(-1), /cell=300/);
  assert.deepEqual(s.set({ cell: '' }), []);
  assert.equal(s.cell, null);
  assert.deepEqual(s.set({ areaId: '../1' }), ['areaId']);
  s.set({ polygon: [[1, 2], [3, 4], [5, 6], [1, 2]] });
  assert.match(decodeURIComponent(written.at(-1).replace(/\+/g, ' ')), /poly=1\.00000 2\.00000,3\.00000 4\.00000/);
});

test('the default period is the latest run of months with data, at most 12', () => {
  // 2018-10 to 2019-02 and 2024-01 to 2024-04 imported: the default is 2024-01 to 2024-04, not 24 calendar months
  const names = ['2018-10', '2018-11', '2018-12', '2019-01', '2019-02', '2024-01', '2024-02', '2024-03', '2024-04'];
  assert.equal(latestRunStart(names, names.length - 1), '2024-01');
  assert.equal(latestRunStart(names, 4), '2018-10', 'a run across the year end');
  const long = Array.from({ length: 20 }, (_, i) => `20${20 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  assert.equal(latestRunStart(long, 19), '2020-09', 'at most 12 months');
  assert.equal(latestRunStart([], -1), null);
  assert.deepEqual(reconcile({ ...DEFAULTS }, { sets: [{ id: 'a' }], months: names.map((month) => ({ month })) }).from, '2024-01');
});

test('a comparison is offered only when its months hold data', () => {
  const names = ['2023-01', '2023-02', '2023-03', '2023-04', '2024-01', '2024-02', '2024-03', '2024-04'];
  assert.equal(comparisonCovered('year-ago', '2024-01', '2024-04', names), true);
  assert.equal(comparisonCovered('previous', '2024-01', '2024-04', names), false, '2023-09 to 2023-12 were never imported');
  assert.equal(comparisonCovered('previous', '2023-03', '2023-04', names), true);
  assert.equal(comparisonCovered('previous', '2023-01', '2023-02', names), false);
  assert.equal(comparisonCovered('2022-01:2022-04', '2024-01', '2024-04', names), true, 'an explicit period is the server\'s to judge');
});

test('the context measures are allowed; anything else is dropped', () => {
  assert.equal(parseHash('#measure=mean_imd_rank').values.measure, 'mean_imd_rank');
  assert.equal(parseHash('#measure=share_imd_decile_1').values.measure, 'share_imd_decile_1');
  assert.deepEqual(parseHash('#measure=imd_score').dropped, ['measure']);
});
