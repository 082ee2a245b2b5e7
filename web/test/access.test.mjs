// Disclosure-controlled values in the page's formatting, and the viewer's strategic table.
import test from 'node:test';
import assert from 'node:assert/strict';
import { num, pct, share, changeText } from '../src/main/resources/public/js/format.js';
import { strategicRows, allowed, useSession } from '../src/main/resources/public/js/api.js';

test('suppressed counts and withheld values are shown as the server marks them', () => {
  assert.equal(num('<5'), '<5');
  assert.equal(num('[c]', 1), '[c]');
  assert.equal(pct('[c]'), '[c]');
  assert.equal(share('[c]'), '[c]');
  assert.equal(changeText('[c]', '[c]'), '[c]');
  assert.equal(num('<5<script>'), '–', 'anything else that is not a number is a dash');
  assert.equal(num(1234), '1,234');
});

test("a viewer's strategic table (GeoJSON) becomes the rows the view draws", () => {
  const body = { type: 'FeatureCollection', features: [
    { properties: { category: 'Burglary', this_period: '<5', last_period: 7, difference: '[c]', change_pct: '[c]' } }] };
  assert.deepEqual(strategicRows(body).rows, [{ category: 'Burglary', count: '<5', previous: 7, difference: '[c]', changePct: '[c]' }]);
  const json = { scope: 'x', rows: [] };
  assert.equal(strategicRows(json), json, 'other roles get the JSON rows as they are');
});

test('permissions come from the session only', () => {
  useSession({ csrf: 't', permissions: ['map'] });
  assert.equal(allowed('map'), true);
  assert.equal(allowed('records'), false);
  useSession(null);
  assert.equal(allowed('map'), false);
});

test('the ward colours rank "<5" below 5 and show "[c]" as no data', async () => {
  const { scaleFor, NO_DATA } = await import('../src/main/resources/public/js/palette.js');
  const scale = scaleFor('count', ['<5', '<5', 7, 12, 30, '[c]']);
  assert.ok(scale.rows.every((r) => !/NaN/.test(r.label)), JSON.stringify(scale.rows));
  assert.equal(scale.colour('[c]'), NO_DATA);
  assert.notEqual(scale.colour('<5'), scale.colour(30));
});

test('audit rows are escaped, newest first', async () => {
  const { auditRows } = await import('../src/main/resources/public/js/views/session.js');
  const { toString } = await import('../src/main/resources/public/js/format.js').then((m) => ({ toString: (h) => String(h) }));
  const out = toString(auditRows([{ at: '1', user: 'a', action: 'login', target: '<b>x</b>', detail: '{}' },
    { at: '2', user: null, action: 'login-failed', target: 'b', detail: '{}' }]));
  assert.ok(out.indexOf('>2<') < out.indexOf('>1<'), out);
  assert.ok(!out.includes('<b>x</b>') && out.includes('&lt;b&gt;x&lt;/b&gt;'), out);
});
