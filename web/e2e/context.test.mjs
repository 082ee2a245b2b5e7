// Browser test of the context layer: deprivation and residents by age stored for the demo wards with
// 'wardheat context --store' (small made-up IoD and Census files, one "LSOA" per ward, so every figure is known),
// then shown as the ward shading, in the legend and in the focus-area summary. Run: node --test (from web/e2e).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, shots, startServer, launchBrowser, stopAll, newPage, openMap } from './harness.mjs';

let server;
let base;
let data;
let browser;
let page;
let codes;

/** Ward i (in code order): IMD rank 1000 × (i + 1), decile 1 for the first five, residents 0-15: 100 + 10i, 16-24: 50. */
const rank = (i) => 1000 * (i + 1);
const young = (i) => 100 + 10 * i;

before(async () => {
  data = mkdtempSync(join(tmpdir(), 'wardheat-e2e-context-'));
  ({ url: base, process: server } = await startServer(data, '--demo'));
  const wards = await (await fetch(`${base}/api/boundaries/demo-wards`)).json();
  const features = wards.features.slice().sort((a, b) => a.properties.ward_code.localeCompare(b.properties.ward_code));
  codes = features.map((f) => f.properties.ward_code);
  const lsoas = (field) => JSON.stringify({ type: 'FeatureCollection', features: features.map((f, i) => ({ type: 'Feature',
    properties: { [field]: `E0100${String(i).padStart(4, '0')}` }, geometry: f.geometry })) });
  writeFileSync(join(data, 'lsoa11.geojson'), lsoas('LSOA11CD'));
  writeFileSync(join(data, 'lsoa21.geojson'), lsoas('LSOA21CD'));
  writeFileSync(join(data, 'census.csv'), 'lsoa21_code,age_group,usual_residents\n' + features.map((f, i) => {
    const code = `E0100${String(i).padStart(4, '0')}`;
    return `${code},Aged 15 years and under,${young(i)}\n${code},Aged 16 to 24 years,50\n`;
  }).join(''));
  writeFileSync(join(data, 'iod.csv'), 'lsoa11_code,index_of_multiple_deprivation_imd_rank,index_of_multiple_deprivation_imd_decile\n'
    + features.map((f, i) => `E0100${String(i).padStart(4, '0')},${rank(i)},${i < 5 ? 1 : 6}\n`).join(''));
  cli(data, 'context', '--data', data, '--boundaries', 'demo-wards', '--store', '--lsoa11-polygons', join(data, 'lsoa11.geojson'),
    '--lsoa21-polygons', join(data, 'lsoa21.geojson'), '--population', join(data, 'census.csv'), '--iod', join(data, 'iod.csv'));
  browser = await launchBrowser();
  page = await newPage(browser);
});

after(() => stopAll({ browser, server, data }));

async function open(hash) {
  await openMap(page, base, hash);
  await page.waitForTimeout(300);
}

const fillOf = (code) => page.locator(`path.ward-${code}`).getAttribute('fill');

test('the wards are shaded by deprivation, darkest where the mean IMD rank is lowest', async () => {
  await open('#boundaries=demo-wards&from=2024-01&to=2024-12&dataset=demo-synthetic&measure=mean_imd_rank');
  assert.match(await page.textContent('.legend'), /Mean IMD 2019 rank \(1 = most deprived\)/);
  assert.equal(await fillOf(codes[0]), '#7f2704', 'rank 1,000: the darkest class');
  assert.equal(await fillOf(codes[codes.length - 1]), '#fff5eb', 'the highest rank: the lightest class');
  assert.ok(await page.locator('input[name=measure][value=mean_imd_rank]').isChecked());
  await page.screenshot({ path: join(shots, 'context-1-deprivation.png') });
  // the share in the most deprived tenth: 100% for the first five wards, 0 for the others
  await page.check('input[name=measure][value=share_imd_decile_1]');
  await page.waitForFunction(() => /most deprived tenth/.test(document.querySelector('.legend').textContent));
  assert.notEqual(await fillOf(codes[0]), await fillOf(codes[10]));
  assert.equal(await fillOf(codes[0]), await fillOf(codes[4]));
  assert.match(decodeURIComponent(page.url()), /measure=share_imd_decile_1/);
});

test('the focus-area summary shows the wards\' deprivation and residents by age', async () => {
  await open(`#boundaries=demo-wards&from=2024-01&to=2024-12&dataset=demo-synthetic&wards=${codes[0]},${codes[5]}`);
  await page.waitForSelector('#focus-summary .context-summary');
  // population-weighted: (1,000 × 150 + 6,000 × 200) / 350 = 3,857.1; one of the two wards (150 of 350 residents) in decile 1
  const residents = [young(0) + 50, young(5) + 50];
  const mean = (rank(0) * residents[0] + rank(5) * residents[1]) / (residents[0] + residents[1]);
  assert.equal(await page.textContent('#focus-summary .imd-rank'), Math.round(mean).toLocaleString('en-GB'));
  assert.equal(await page.textContent('#focus-summary .imd-decile1'), `${(100 * residents[0] / 350).toFixed(1)}%`);
  assert.equal(await page.textContent('#focus-summary .context-residents'), '350');
  const bands = await page.locator('#focus-summary .age-bands tbody tr').evaluateAll((trs) => trs.map((tr) => tr.textContent));
  assert.deepEqual(bands, [`Aged 15 years and under${young(0) + young(5)}`, 'Aged 16 to 24 years100']);
  await page.locator('#focus').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'context-2-focus.png') });
});
