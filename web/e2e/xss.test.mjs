// Hostile text in the browser: a data directory whose ward names, district, categories, locations, ward
// code, saved-area name and upload file name are script payloads, loaded with the CLI, then every place
// the page shows text is exercised (tooltips, popups, tables, pickers, places, Knox table, focus panel,
// saved areas, import report and error). No script may run and no dialog may open.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shots, cli, startServer, launchBrowser, stopAll } from './harness.mjs';

const P = [
  '<img src=x onerror=window.__xss=1>',
  '"><svg onload=window.__xss=1>',
  "'><script>window.__xss=1</script>",
  '<iframe srcdoc="<script>parent.__xss=1</script>">',
];
const csv = (v) => (/[",\n]/.test(v) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
const row = (cells) => `${cells.map(csv).join(',')}\n`;

let data;
let base;
let server;
let browser;
let page;
const dialogs = [];
const errors = [];

/** Four square wards (lon/lat) around Leicester; names, one code and the district are payloads. */
function wardsGeojson() {
  const quads = [[-1.40, 52.45], [-1.20, 52.45], [-1.40, 52.60], [-1.20, 52.60]];
  return JSON.stringify({ type: 'FeatureCollection', features: quads.map(([x, y], i) => ({ type: 'Feature',
    properties: { WD23CD: i === 3 ? P[1] : `E0500000${i + 1}`, WD23NM: P[i], LAD23CD: P[(i + 1) % 4] },
    geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 0.2, y], [x + 0.2, y + 0.15], [x, y + 0.15], [x, y]]] } })) });
}

/** police.uk rows clustered in each ward, with payload categories and locations, over 18 months. */
function policeCsv() {
  let seed = 7;
  const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  let out = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n';
  const centres = [[-1.30, 52.525], [-1.10, 52.525], [-1.30, 52.675], [-1.10, 52.675]];
  for (let m = 0; m < 18; m++) {
    const month = `${2023 + Math.floor((m + 6) / 12)}-${String(((m + 6) % 12) + 1).padStart(2, '0')}`;
    for (let k = 0; k < 40; k++) {
      const [cx, cy] = centres[k % 4];
      const spread = k % 3 === 0 ? 0.002 : 0.03;
      out += row(['', month, 'Test', 'Test', (cx + (rand() - 0.5) * spread).toFixed(6), (cy + (rand() - 0.5) * spread).toFixed(6),
        `On or near ${P[k % 4]}`, '', '', P[k % 3], '', '']);
    }
  }
  return out;
}

before(async () => {
  data = mkdtempSync(join(tmpdir(), 'wardheat-e2e-xss-'));
  writeFileSync(join(data, 'wards.geojson'), wardsGeojson());
  writeFileSync(join(data, 'street.csv'), policeCsv());
  // encampments in British National Grid, inside the south-west ward (about -1.30, 52.525)
  writeFileSync(join(data, 'encampments.csv'), 'Start date,End date,Location,Easting,Northing,Vehicles,People\n'
    + row(['2024-01-09', '2024-01-20', P[0], 447600, 292000, 3, 9]) + row(['2024-05-02', '', P[1], 447900, 292300, 1, 2]));
  writeFileSync(join(data, 'needles.csv'), 'Date,Location,Easting,Northing,Count\n'
    + row(['01/02/2024', P[2], 447600, 292000, 2]) + row(['03/02/2024', P[2], 447600, 292000, 1]));
  cli(data, 'boundaries', 'add', '--data', data, '--id', 'hostile', join(data, 'wards.geojson'));
  cli(data, 'import', '--data', data, '--boundaries', 'hostile', join(data, 'street.csv'));
  cli(data, 'import', '--data', data, '--boundaries', 'hostile', '--preset', 'encampments', join(data, 'encampments.csv'));
  cli(data, 'import', '--data', data, '--boundaries', 'hostile', '--preset', 'needle-finds', join(data, 'needles.csv'));
  assert.throws(() => cli(data, 'import', '--data', data, '--dataset', P[0], join(data, 'needles.csv')), 'a payload is no dataset name');
  ({ process: server, url: base } = await startServer(data));
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  page.on('pageerror', (e) => errors.push(e.message));
});

after(() => stopAll({ browser, server, data, keep: Boolean(process.env.KEEP) }));

/** No payload ran, opened a dialog or became an element. */
async function assertNoScriptRan(where) {
  assert.equal(await page.evaluate(() => window.__xss), undefined, `no script ran (${where})`);
  assert.deepEqual(dialogs, [], `no dialog (${where})`);
  const injected = await page.evaluate(() => document.querySelectorAll('img[src="x"], [onerror], [onload], iframe, body script:not([src])').length);
  assert.equal(injected, 0, `no payload became an element (${where})`);
}

async function settled() {
  await page.waitForFunction(() => !/Loading/.test(document.getElementById('status').textContent));
  await page.waitForTimeout(200);
}

/** Hovers the middle of a ward path (so its tooltip opens) and returns the tooltip's text. */
async function hover(selector) {
  const box = await page.locator(selector).first().boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForSelector('.leaflet-tooltip');
  return page.textContent('.leaflet-tooltip');
}

test('payload names show as text in tooltips, popups, the ward table and the pickers', async () => {
  await page.goto(`${base}/#boundaries=hostile&from=2024-01&to=2024-12&dataset=police-uk`);
  await page.waitForSelector('.leaflet-overlay-pane path.ward');
  await settled();
  assert.equal(await page.locator('path.ward').count(), 4);
  assert.equal(await page.locator('path.ward-E05000001').count(), 1, 'a plain code names a class');
  assert.match(await hover('path.ward-E05000001'), /<img src=x onerror=window.__xss=1>: /);
  await page.click('path.ward-E05000002', { force: true });
  await page.waitForSelector('.leaflet-popup-content h3');
  assert.equal(await page.textContent('.leaflet-popup-content h3'), P[1]);
  assert.match(await page.textContent('.leaflet-popup-content'), /District.*<script>window.__xss=1<\/script>/s);
  await page.click('.leaflet-popup-close-button');
  await page.waitForSelector('.leaflet-popup', { state: 'detached' });
  await page.waitForTimeout(500); // the map's pan after the popup
  await page.click('#mode-select');
  await page.click('path.ward-E05000002', { force: true });
  await page.waitForFunction(() => /1 ward/.test(document.getElementById('focus-summary').dataset.area || ''), null, { timeout: 90_000 });
  const names = await page.locator('#ward-table tbody td:nth-child(2)').allTextContents();
  assert.deepEqual([...names].sort(), [...P].sort());
  const categories = await page.locator('#categories option').allTextContents();
  for (const c of P.slice(0, 3)) assert.ok(categories.some((t) => t.startsWith(c)), `category ${c} listed as text`);
  await page.screenshot({ path: join(shots, 'xss-1-wards.png') });
  await assertNoScriptRan('wards');
});

test('the ward with a payload code can be selected; the focus panel and strategic table show text', async () => {
  const paths = page.locator('path.ward:not(.ward-E05000001):not(.ward-E05000002):not(.ward-E05000003)');
  assert.equal(await paths.count(), 1, 'the payload code gets no class of its own');
  await paths.click({ force: true });
  // the area summary computes Gi* over the set the first time: allow for a busy machine
  await page.waitForFunction(() => /2 wards/.test(document.getElementById('focus-summary').dataset.area || ''), null, { timeout: 90_000 });
  await page.waitForSelector('#focus-summary .sentence');
  assert.match(await page.textContent('#focus-selection'), /2 wards: "><svg onload=window.__xss=1>, <iframe/);
  const strategic = await page.textContent('#strategic-table');
  for (const c of P.slice(0, 3)) assert.ok(strategic.includes(c), 'categories as text in the strategic table');
  assert.ok((await page.textContent('#focus-summary')).includes(`On or near ${P[1]}`), 'top places as text');
  await page.fill('#focus-name', P[3]);
  await page.click('#focus-save');
  await page.waitForFunction(() => /Saved area: /.test(document.getElementById('focus-selection').textContent), null, { timeout: 90_000 });
  assert.equal(await page.textContent('#focus-saved li[data-id] .load'), P[3]);
  assert.equal(await page.textContent('#status'), `Saved "${P[3]}".`);
  await page.locator('#focus').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'xss-2-focus.png') });
  await assertNoScriptRan('focus');
});

test('repeat places, encampments, hotspots and the Knox table show payloads as text', async () => {
  const hash = '#boundaries=hostile&from=2023-07&to=2024-12&dataset=police-uk';
  await page.goto('about:blank');
  await page.goto(`${base}/${hash}&places=repeats&group_by=label&hotspot=gistar`); // every payload label its own place
  await page.waitForSelector('#places-list li');
  await page.waitForFunction(() => /cells of/.test(document.getElementById('hotspot-note').textContent));
  await settled();
  const list = await page.textContent('#places-list');
  for (const p of P) assert.ok(list.includes(`On or near ${p}`), 'repeat locations as text');
  await page.locator('.leaflet-places-pane path.leaflet-interactive[stroke="#5b2a86"]').first().click({ force: true });
  await page.waitForSelector('.leaflet-popup-content h3');
  assert.match(await page.textContent('.leaflet-popup-content h3'), /^\d+\. On or near /);
  const [response] = await Promise.all([page.waitForResponse((r) => r.url().includes('/api/near-repeat?')), page.click('#near-repeat')]);
  assert.equal(response.status(), 200);
  await page.waitForSelector('#near-repeat-result table.knox');
  await page.locator('#near-repeat-result').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'xss-3-places.png') });
  await page.locator('#places-list li').first().click();
  await assertNoScriptRan('repeats');

  await page.goto('about:blank');
  await page.goto(`${base}/${hash}&places=encampments`);
  await page.waitForFunction(() => /encampments at/.test(document.getElementById('places-list').textContent));
  await settled();
  await page.locator('.leaflet-places-pane path.leaflet-interactive[stroke="#444"]').first().click({ force: true });
  await page.waitForFunction((names) => names.includes(document.querySelector('.leaflet-popup-content h3')?.textContent), P);
  await assertNoScriptRan('encampments');
});

test('the import report and its errors show file names and messages as text', async () => {
  await page.click('#import summary');
  await page.setInputFiles('#import-files', { name: `${P[0]}.csv`, mimeType: 'text/csv', buffer: Buffer.from(policeCsv().split('\n').slice(0, 5).join('\n')) });
  await page.click('#import-form button[type=submit]');
  await page.waitForFunction(() => /rows read|Nothing was imported/.test(document.getElementById('import-report').textContent));
  assert.match(await page.textContent('#import-report'), /<img src=x onerror=window.__xss=1>\.csv: (4 rows read|already imported)/);
  await page.fill('#import-dataset', P[1]);
  await page.setInputFiles('#import-files', { name: 'other.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n1,2\n') });
  await page.click('#import-form button[type=submit]');
  await page.waitForFunction(() => /Nothing was imported/.test(document.getElementById('import-report').textContent));
  await page.locator('#import').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'xss-4-import.png') });
  await assertNoScriptRan('import');
  assert.deepEqual(errors, [], 'no script error on the page');
});
