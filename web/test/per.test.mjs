import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHash, toHash, DEFAULTS } from '../src/main/resources/public/js/state.js';
import { api } from '../src/main/resources/public/js/api.js';
import { shadeValue, perText } from '../src/main/resources/public/js/views/wards.js';

const s = { ...DEFAULTS, boundaries: 'b', from: '2024-01', to: '2024-12' };

test('the rate base is in the link: 1,000, 10,000 or 100,000; anything else is dropped', () => {
  assert.equal(parseHash('#per=10000').values.per, '10000');
  assert.equal(parseHash('#per=100000').values.per, '100000');
  const bad = parseHash('#per=5&measure=count');
  assert.equal(bad.values.per, undefined);
  assert.deepEqual(bad.dropped, ['per']);
  assert.match(toHash({ ...s, per: '100000' }), /[#&]per=100000(&|$)/);
  assert.doesNotMatch(toHash(s), /per=/, 'the default is not written');
});

test('the ward, strategic and area tables are asked per the chosen base; the default is left to the server', () => {
  assert.match(api.wardsCsvUrl({ ...s, per: '10000' }), /[?&]per=10000(&|$)/);
  assert.doesNotMatch(api.wardsCsvUrl(s), /per=/);
  assert.match(api.strategicUrl({ ...s, per: '100000', wards: [], polygon: null, areaId: null }, 'csv'), /[?&]per=100000(&|$)/);
});

test('the rate measure shades by the layer\'s rate per its base and says which base', () => {
  const p = { count: 12, rate_per_1000: 1.5, rate: 150, per: 100000, change_pct: 20 };
  assert.equal(shadeValue(p, 'rate_per_1000'), 150);
  assert.equal(shadeValue(p, 'count'), 12);
  assert.equal(perText({ features: [{ properties: p }] }), '100,000');
  assert.equal(perText({ features: [] }), '1,000');
});
