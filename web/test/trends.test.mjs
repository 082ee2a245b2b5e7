import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trendFrom, withGroups, trendParams, trendSeries, priorityRows, API_PATHS } from '../src/main/resources/public/js/api.js';
import { annualSvg, rollingSvg } from '../src/main/resources/public/js/views/trends.js';
import { prioritiesHtml } from '../src/main/resources/public/js/views/priorities.js';

test('the trend charts start 36 months before the end of the period', () => {
  assert.equal(trendFrom('2024-12'), '2022-01');
  assert.equal(trendFrom('2024-03'), '2021-04');
  assert.equal(trendFrom('2022-01'), '2019-02');
  const p = trendParams({ boundaries: 'b', from: '2024-01', to: '2024-12', dataset: null, categories: [], areaId: '3', wards: [], polygon: null });
  assert.equal(p.from, '2022-01');
  assert.equal(p.area_id, '3');
  assert.ok(API_PATHS.includes('/api/trends') && API_PATHS.includes('/api/export/priorities'));
});

test('groups join the category list as group:NAME, only those with incidents', () => {
  assert.deepEqual(withGroups([{ category: 'Drugs', count: 3 }], [{ group: 'All crime', count: 3 }, { group: 'Mine', count: 0 }]),
    [{ category: 'Drugs', count: 3 }, { category: 'group:All crime', count: 3 }]);
});

test('chart and panel texts are escaped', () => {
  const evil = '<img src=x onerror=alert(1)>';
  const years = [{ label: evil, total: 5, monthsInPeriod: 12, change: null, changePct: null }];
  assert.ok(!annualSvg(years).toString().includes('<img'));
  const months = [{ month: evil, value: 1, rolling12: null }];
  assert.ok(!rollingSvg(months).toString().includes('<img'));
  const rows = priorityRows({ rows: [{ rank: 1, score: 50, reasons: evil, input: { name: evil, count: 3 }, test: { rateRatio: 1.5 } }] }).rows;
  const out = prioritiesHtml(rows).toString();
  assert.ok(!out.includes('<img') && out.includes('&lt;img'));
  assert.match(out, /\+50%/);
});

test('a year without data reads "no data", a whole year its total and change', () => {
  const svg = annualSvg([{ label: '2022', total: 0, monthsInPeriod: 0, changePct: null },
    { label: '2023', total: 100, monthsInPeriod: 12, changePct: null }, { label: '2024', total: 120, monthsInPeriod: 12, changePct: 20 }]).toString();
  assert.match(svg, />no data</);
  assert.match(svg, />120 \(\+20%\)</);
  assert.equal((svg.match(/class="year part"/g) || []).length, 1);
});

test('withheld change reads "no comparable data"; a viewer\'s tables keep "<5" and "[c]" and draw no monthly chart', () => {
  const rows = priorityRows({ rows: [{ rank: 1, score: 40, reasons: 'volume 12: 40.0 pts; change withheld: no comparable data', input: { name: 'Drugs', count: 12 }, test: null }] }).rows;
  assert.equal(rows[0].changePct, null);
  assert.match(prioritiesHtml(rows).toString(), /12 \(no comparable data\)/);
  const shared = priorityRows({ type: 'FeatureCollection', features: [{ properties: { rank: 2, category: 'Robbery', score: '[c]', this_period: '<5', change_pct: '[c]', reasons: '[c]' } }] });
  assert.deepEqual(shared.rows[0], { rank: 2, name: 'Robbery', score: '[c]', count: '<5', changePct: '[c]', reasons: '[c]' });
  assert.match(prioritiesHtml(shared.rows).toString(), /<td>&lt;5 \(\[c\]\)<\/td>/);
  const t = trendSeries({ type: 'FeatureCollection', name: 'trends-annual-records_demo_2022-01-2024-12_shareable-k5', disclosure: { k: 5 },
    features: [{ properties: { year: '2023', start: '2023-01', months_with_data: '[c]', count: '<5', change: null, change_pct: null } },
      { properties: { year: '2024', start: '2024-01', months_with_data: 12, count: 40, change: '[c]', change_pct: '[c]' } }] }, { from: '2022-01', to: '2024-12' });
  assert.equal(t.measure, 'records');
  assert.equal(t.period, '2022-01:2024-12');
  assert.deepEqual(t.annual.map((y) => y.total), ['<5', 40]);
  const svg = annualSvg(t.annual).toString();
  assert.ok(!svg.includes('NaN'), svg);
  assert.match(svg, />&lt;5</);
  assert.match(svg, />40 \(\[c\]\)</);
});
