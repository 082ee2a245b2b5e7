import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trendFrom, withGroups, trendParams, API_PATHS } from '../src/main/resources/public/js/api.js';
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
  const rows = [{ rank: 1, score: 50, reasons: evil, input: { name: evil, count: 3 }, test: { rateRatio: 1.5 } }];
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
