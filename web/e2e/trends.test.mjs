// Browser test of the trend charts and the priority matrix panel on the synthetic demo data: the borough's
// annual bars and rolling 12-month line, the same figures as /api/trends, a ward's chart after a click, and
// a category group chosen in the category picker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { shots, stopAll, startDemo } from './harness.mjs';

let server;
let base;
let data;
let browser;
let page;

before(async () => {
  ({ data, base, server, browser, page } = await startDemo('wardheat-e2e-trends-'));
});

after(() => stopAll({ browser, server, data }));

const view = '#boundaries=demo-wards&from=2024-01&to=2024-12&dataset=demo-synthetic';

async function settled() {
  await page.waitForFunction(() => !/Loading/.test(document.getElementById('status').textContent));
  await page.waitForTimeout(200);
}

const apiTrends = (query) => page.evaluate(async (q) => (await fetch(`/api/trends?${q}`)).json(), query);

test('the trend charts show the borough: years with year-on-year change and the rolling 12-month total', async () => {
  await page.goto(base + '/' + view);
  await page.waitForSelector('#trends-charts svg.annual');
  await settled();
  const t = await apiTrends('boundaries=demo-wards&from=2022-01&to=2024-12&dataset=demo-synthetic');
  assert.deepEqual(t.annual.map((y) => y.label), ['2022', '2023', '2024']);
  assert.equal(await page.locator('#trends-charts svg.annual g.year').count(), 3);
  assert.equal(await page.locator('#trends-charts svg.annual g.year.part').count(), 1, '2022 has no data: pale, no change');
  const last = t.annual[2];
  assert.ok(last.changePct !== null, '2024 against 2023, both whole years');
  const label = await page.textContent('#trends-charts svg.annual g.year:nth-child(3) text');
  const change = Math.round(last.changePct);
  assert.equal(label, `${last.total.toLocaleString('en-GB')} (${change > 0 ? '+' : ''}${change}%)`, 'the total and the year-on-year change');
  assert.equal(await page.locator('#trends-charts svg.rolling rect.nodata').count(), 12, 'the 12 months of 2022 were never imported');
  assert.equal(await page.locator('#trends-charts svg.rolling polyline.rolling12').count(), 1);
  const roll = t.rolling[t.rolling.length - 1].rolling12;
  assert.equal(roll, last.total, 'the 12 months to Dec 2024 are 2024');
  assert.match(await page.textContent('#trends-charts svg.rolling'), new RegExp(`12 months to 2024-12: ${roll.toLocaleString('en-GB')}`));
  assert.ok(await page.locator('#priorities-table tbody tr').count() > 5, 'the priority matrix lists the categories');
  assert.match(await page.textContent('#priorities-table tbody tr:first-child .reasons'), /pts/);
  await page.locator('#trends').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'trends-1-borough.png') });
});

test('clicking a ward in select mode draws its own trend', async () => {
  await page.click('#mode-select');
  await page.click('path.ward-X05000004', { force: true });
  await page.waitForFunction(() => /X05000004/.test(document.querySelector('#trends-charts .note')?.textContent || ''));
  const t = await apiTrends('boundaries=demo-wards&from=2022-01&to=2024-12&dataset=demo-synthetic&ward=X05000004');
  const roll = t.rolling[t.rolling.length - 1].rolling12;
  assert.match(await page.textContent('#trends-charts svg.rolling'), new RegExp(`12 months to 2024-12: ${roll.toLocaleString('en-GB')}`));
  await page.locator('#trends').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'trends-2-ward.png') });
});

test('a category group is chosen in the category picker', async () => {
  await page.goto('about:blank');
  await page.goto(base + '/' + view);
  await page.waitForSelector('#trends-charts svg.annual');
  await settled();
  await page.selectOption('#categories', ['group:All crime']);
  await settled();
  assert.match(decodeURIComponent(page.url()), /category=group:All(\+| |%20)crime/);
  const t = await apiTrends(`boundaries=demo-wards&from=2022-01&to=2024-12&dataset=demo-synthetic&category=${encodeURIComponent('group:All crime')}`);
  const roll = t.rolling[t.rolling.length - 1].rolling12;
  await page.waitForFunction((r) => document.querySelector('#trends-charts svg.rolling')?.textContent.includes(`12 months to 2024-12: ${r}`),
    roll.toLocaleString('en-GB'));
});
