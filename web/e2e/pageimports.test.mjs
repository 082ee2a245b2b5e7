// Browser test of what the page imports beyond point files: districts dissolved from the demo wards (the panel
// "Districts from wards"), a council CSV whose rows carry postcodes located through a small lookup (the unmatched
// postcode named), and area totals by ward. Run: node --test pageimports.test.mjs (from web/e2e).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { shots, stopAll, openMap, startDemo } from './harness.mjs';

let server;
let base;
let data;
let browser;
let page;

before(async () => {
  ({ data, base, server, browser, page } = await startDemo('wardheat-e2e-pageimports-', { width: 1400, height: 1100 }));
  page.on('dialog', (d) => { throw new Error(`unexpected dialog: ${d.message()}`); });
});

after(() => stopAll({ browser, server, data }));

async function open(hash) {
  await openMap(page, base, hash);
}

const csv = (name, text) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

test('the demo wards dissolved by a property become a set the picker offers', async () => {
  await open('#boundaries=demo-wards&from=2024-01&to=2024-12&dataset=demo-synthetic');
  const wards = await page.locator('.leaflet-overlay-pane path.ward').count();
  assert.ok(wards > 1, `${wards} demo wards`);
  await page.click('#dissolve-panel summary');
  await page.waitForSelector('#dissolve-by option[value=LAD23CD]', { state: 'attached' });
  assert.equal(await page.textContent('#dissolve-from'), 'demo-wards');
  const options = await page.locator('#dissolve-by option').allTextContents();
  assert.ok(options.includes('LAD23CD (1 area)'), options.join(' | '));
  assert.ok(options.includes(`WD23CD (${wards} areas)`), options.join(' | '));
  await page.selectOption('#dissolve-by', 'LAD23CD');
  await page.fill('#dissolve-id', 'demo-borough');
  await page.click('#dissolve-form button[type=submit]');
  await page.waitForFunction(() => /^Boundary set demo-borough/.test(document.getElementById('dissolve-report').textContent));
  assert.match(await page.textContent('#dissolve-report'), new RegExp(`1 area from the ${wards} wards of demo-wards by LAD23CD; [\\d,]+ residents`));
  await page.waitForSelector('#boundaries option[value=demo-borough]', { state: 'attached' });
  await page.locator('#dissolve-panel').screenshot({ path: join(shots, 'pageimports-1-dissolve.png') });
  // chosen in the picker, the map draws the one district
  await page.selectOption('#boundaries', 'demo-borough');
  await page.waitForFunction(() => document.querySelectorAll('.leaflet-overlay-pane path.ward').length === 1);
  await page.waitForFunction(() => !/Loading/.test(document.getElementById('status').textContent));
  await page.screenshot({ path: join(shots, 'pageimports-3-district.png') });
  // a set that exists already is refused, naming it
  await page.click('#dissolve-form button[type=submit]');
  await page.waitForFunction(() => /^Nothing was stored/.test(document.getElementById('dissolve-report').textContent));
  assert.match(await page.textContent('#dissolve-report'), /'demo-borough' already exists/);
});

test('council records with postcodes are located through a lookup; the unmatched postcode is named', async () => {
  await open('#boundaries=demo-wards&from=2024-01&to=2024-12&dataset=demo-synthetic');
  await page.click('#import summary');
  assert.equal(await page.isVisible('#import-postcode'), false, 'police.uk files have no postcode lookup');
  await page.selectOption('#import-preset', 'needle-finds');
  assert.ok(await page.isVisible('#import-postcode'));
  await page.setInputFiles('#import-files', csv('finds-by-postcode.csv', 'Date,Location,Postcode,Easting,Northing,Count\n'
    + '2024-03-01,River Steps,wh1 1aa,,,2\n2024-03-02,Footpath,ZZ9 9ZZ,,,1\n2024-03-03,Car park,<b>X1 1XX</b>,,,1\n'));
  await page.setInputFiles('#import-postcodes', csv('wardheath-postcodes.csv', 'pcds,oseast1m,osnrth1m\nWH1 1AA,452350,301650\n'));
  await page.fill('#import-dataset', 'sharps-by-postcode');
  await page.click('#import-form button[type=submit]');
  await page.waitForFunction(() => /^dataset sharps-by-postcode/.test(document.getElementById('import-report').textContent));
  const report = await page.textContent('#import-report');
  assert.match(report, /finds-by-postcode\.csv: 3 rows read: 1 imported, 0 outside every ward, 2 without location, 0 rejected/);
  assert.match(report, /postcodes: 1 row located through wardheath-postcodes\.csv; 2 rows with a postcode it does not hold/);
  const named = await page.locator('#import-postcodes-report li').allTextContents();
  assert.deepEqual(named, ['<B>X1 1XX</B> · 1 row', 'ZZ9 9ZZ · 1 row'], 'named (upper-cased, in order) as text: the markup shown, not obeyed');
  assert.equal(await page.locator('#import-postcodes-report b').count(), 0);
  await page.locator('#import').screenshot({ path: join(shots, 'pageimports-2-postcodes.png') });
});

test('area totals by ward are imported as a dataset with the same report', async () => {
  await open('#boundaries=demo-wards&from=2024-01&to=2024-12&dataset=demo-synthetic');
  const codes = await page.evaluate(async () => (await (await fetch('/api/boundaries/demo-wards')).json()).features
    .map((f) => f.properties.ward_code).sort());
  await page.click('#import summary');
  await page.selectOption('#import-preset', 'area-totals');
  assert.ok(await page.isVisible('#import-area-totals'));
  assert.equal(await page.isVisible('#import-postcode'), false);
  await page.setInputFiles('#import-files', csv('domestic-abuse.csv', `month,area_code,count\n2024-01,${codes[0]},5\n2024-02,${codes[1]},3\n2024-01,E09999999,7\n`));
  await page.fill('#import-dataset', 'domestic-abuse');
  await page.fill('input[name=area_category]', 'Domestic abuse');
  await page.click('#import-form button[type=submit]');
  await page.waitForFunction(() => /^dataset domestic-abuse/.test(document.getElementById('import-report').textContent));
  const report = await page.textContent('#import-report');
  assert.match(report, /domestic-abuse\.csv: 3 rows read: 2 imported, 1 outside every ward, 0 without location, 0 rejected/);
  assert.match(report, /placed on demo-wards: 15 counted, 8 by code or name, 7 on no area \(E09999999\)/);
  await page.waitForSelector('#dataset option[value=domestic-abuse]', { state: 'attached' });
});
