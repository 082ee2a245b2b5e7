// End-to-end tests of the web map in Debian's headless Chromium (playwright-core, no browser download):
// a real wardheat server on its synthetic demo data, driven as a task-force officer would use it.
// Screenshots of each step go to web/e2e/screenshots/. Run: node --test (from web/e2e), or ./run-tests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jar, shots, startServer, stopAll, startDemo } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
let server;
let base;
let data;
let browser;
let page;

before(async () => {
  ({ data, base, server, browser, page } = await startDemo('wardheat-e2e-'));
  page.on('dialog', (d) => d.accept());
});

after(() => stopAll({ browser, server, data }));

const wards = () => page.locator('.leaflet-overlay-pane path.ward');
const fills = () => wards().evaluateAll((paths) => paths.map((p) => p.getAttribute('fill')));
const view = '#boundaries=demo-wards&from=2024-01&to=2024-12&dataset=demo-synthetic';

/** Loads the page afresh (a change of hash alone would not reload it). */
async function open(hash) {
  await page.goto('about:blank');
  await page.goto(base + '/' + hash);
  await page.waitForSelector('.leaflet-overlay-pane path.ward');
  await settled();
}

async function settled() {
  await page.waitForFunction(() => !/Loading/.test(document.getElementById('status').textContent));
  await page.waitForTimeout(200);
}

test('the demo map loads with its 20 wards, legend and ranked table', async () => {
  await open(view);
  assert.equal(await wards().count(), 20);
  assert.match(await page.textContent('#demo-badge'), /SYNTHETIC/);
  assert.equal(await page.locator('#ward-table tbody tr').count(), 20);
  assert.equal((await page.textContent('#ward-table tbody tr:first-child td:nth-child(2)')).trim(), 'Town Centre');
  assert.match(await page.textContent('.legend'), /Incidents/);
  await page.screenshot({ path: join(shots, '1-map-loaded.png') });
});

test('a category and period change redraws the choropleth', async () => {
  const before = await fills();
  const firstCount = await page.textContent('#ward-table tbody tr:first-child td:nth-child(3)');
  await page.selectOption('#categories', ['Burglary']);
  await settled();
  await page.selectOption('#from', '2023-01');
  await page.selectOption('#to', '2023-06');
  await settled();
  const after = await fills();
  assert.notDeepEqual(after, before, 'ward colours change');
  assert.notEqual(await page.textContent('#ward-table tbody tr:first-child td:nth-child(3)'), firstCount);
  assert.match(await page.textContent('#top-sentence'), /Burglary .* in 2023-01 to 2023-06/);
  assert.match(page.url(), /category=Burglary/, 'the link keeps the view');
  await page.screenshot({ path: join(shots, '2-burglary-2023h1.png') });
});

test('clicking two wards in select mode updates the area summary', async () => {
  await open(view);
  await page.click('#mode-select');
  await page.click('path.ward-X05000001', { force: true });
  await page.waitForSelector('#focus-summary .sentence');
  await page.keyboard.press('Escape');
  await page.click('path.ward-X05000004', { force: true });
  await page.waitForFunction(() => /2 wards/.test(document.getElementById('focus-summary').dataset.area || ''));
  assert.match(await page.textContent('#focus-selection'), /2 wards: Town Centre, Eastfield/);
  const rows = await page.locator('#ward-table tbody tr').evaluateAll((trs) => Object.fromEntries(trs.map((tr) => [tr.dataset.code, Number(tr.children[2].textContent.replace(/,/g, ''))])));
  await page.waitForFunction((expected) => Number(document.querySelector('#focus-summary .sentence').dataset.total) === expected,
    rows.X05000001 + rows.X05000004);
  assert.match(decodeURIComponent(page.url()), /wards=X05000001,X05000004/);
  assert.equal(await page.locator('path.selected-ward').count(), 2);
  await page.locator('#focus').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, '3-two-wards.png') });
});

test('a drawn rectangle gives a summary', async () => {
  const twoWards = Number(await page.getAttribute('#focus-summary .sentence', 'data-total'));
  await page.click('.leaflet-draw-draw-rectangle');
  const box = await page.locator('#map').boundingBox();
  const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
  await page.mouse.move(cx - 120, cy - 90);
  await page.mouse.down();
  await page.mouse.move(cx + 60, cy + 20, { steps: 8 });
  await page.mouse.move(cx + 120, cy + 90, { steps: 8 });
  await page.mouse.up();
  await page.waitForFunction(() => /drawn area/.test(document.getElementById('focus-selection').textContent));
  await page.waitForFunction(() => document.getElementById('focus-summary').dataset.area === 'A drawn area'
    && document.querySelector('#focus-summary .sentence'));
  const total = Number(await page.getAttribute('#focus-summary .sentence', 'data-total'));
  assert.ok(total > 0 && total !== twoWards, `incidents in the drawn area: ${total}, not the two wards' ${twoWards}`);
  const poly = new URLSearchParams(new URL(page.url()).hash.slice(1)).get('poly');
  const ring = poly.split(',').map((p) => p.split(' ').map(Number));
  const api = await page.evaluate(async (r) => (await fetch(`/api/area-summary?boundaries=demo-wards&from=2024-01&to=2024-12&dataset=demo-synthetic&area=${encodeURIComponent(JSON.stringify({ type: 'Polygon', coordinates: [r] }))}`)).json(), ring);
  assert.equal(total, api.total.count, 'the page shows what the API computes for the drawn polygon');
  assert.match(page.url(), /poly=/);
  assert.match(await page.textContent('#focus-summary'), /of the borough's incidents/);
  await page.screenshot({ path: join(shots, '4-drawn-rectangle.png') });
});

test('a saved area survives a page reload', async () => {
  await page.fill('#focus-name', 'Task force east');
  await page.click('#focus-save');
  await page.waitForSelector('#focus-saved li[data-id]');
  await page.reload();
  await page.waitForSelector('#focus-saved li[data-id]');
  assert.match(await page.textContent('#focus-saved'), /Task force east/);
  await page.click('#focus-saved li[data-id] .load');
  await page.waitForFunction(() => /Saved area: Task force east/.test(document.getElementById('focus-selection').textContent));
  await page.waitForFunction(() => /Saved area/.test(document.getElementById('focus-summary').dataset.area || ''));
  assert.match(page.url(), /area_id=\d+/);
  await page.screenshot({ path: join(shots, '5-saved-area.png') });
});

test('the exported ward GeoJSON parses and holds the right features', async () => {
  await open(view);
  await page.waitForSelector('#export-links a[data-export="wards-geojson"]');
  const href = await page.getAttribute('#export-links a[data-export="wards-geojson"]', 'href');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-links a[data-export="wards-geojson"]')]);
  assert.match(download.suggestedFilename(), /^wards_demo-wards_demo-synthetic_2024-01_2024-12\.geojson$/);
  const path = join(shots, download.suggestedFilename());
  await download.saveAs(path);
  const { readFileSync } = await import('node:fs');
  const layer = JSON.parse(readFileSync(path, 'utf8'));
  assert.equal(layer.type, 'FeatureCollection');
  assert.equal(layer.features.length, 20);
  assert.ok(!('crs' in layer));
  const byCode = Object.fromEntries(layer.features.map((f) => [f.properties.ward_code, f.properties.count]));
  const table = await page.locator('#ward-table tbody tr').evaluateAll((trs) => Object.fromEntries(trs.map((tr) => [tr.dataset.code, Number(tr.children[2].textContent.replace(/,/g, ''))])));
  assert.deepEqual(byCode, table, 'the same counts as the table on the page');
  for (const f of layer.features) assert.ok(['Polygon', 'MultiPolygon'].includes(f.geometry.type));
  const gpkg = await page.evaluate(async (u) => { const r = await fetch(u.replace('format=geojson', 'format=gpkg')); return [...new Uint8Array(await r.arrayBuffer()).slice(0, 16)]; }, href);
  assert.equal(String.fromCharCode(...gpkg), 'SQLite format 3\u0000', 'the GeoPackage is a SQLite file');
});

test('ticking Shareable makes the ward download suppressed and says so', async () => {
  await open(view);
  await page.waitForSelector('#export-links a[data-export="wards-csv"]');
  await page.check('#export-shareable');
  await page.waitForSelector('#export-links a[data-export="wards-csv"][href*="shareable=true"]');
  assert.equal(await page.locator('#export-links a[data-export^="repeats-"], #export-links a[data-export^="areas-"]').count(), 0,
    'record-level layers are not offered for sharing');
  const href = await page.getAttribute('#export-links a[data-export="wards-geojson"]', 'href');
  const layer = await page.evaluate(async (u) => (await fetch(u)).json(), href);
  assert.equal(layer.disclosure.k, 5);
  assert.match(layer.name, /_shareable-k5$/);
  for (const f of layer.features) {
    const c = f.properties.count;
    assert.ok(c === 0 || c === '<5' || c === '[c]' || c >= 5, JSON.stringify(f.properties));
  }
  await page.uncheck('#export-shareable');
  await page.waitForSelector('#export-links a[data-export="wards-csv"]:not([href*="shareable"])');
});

test('the import form takes a needle-finds file and shows its report', async () => {
  await open(view);
  await page.click('#import summary');
  await page.selectOption('#import-preset', 'needle-finds');
  await page.setInputFiles('#import-files', join(here, '..', '..', 'docs', 'samples', 'needle-finds.csv'));
  await page.click('#import-form button[type=submit]');
  await page.waitForFunction(() => /rows read|Nothing was imported/.test(document.getElementById('import-report').textContent));
  const report = await page.textContent('#import-report');
  // the sample is in Kent; the demo borough is elsewhere, so every located row is counted as outside
  assert.match(report, /needle-finds\.csv: 5 rows read: 0 imported, 5 outside every ward, 0 without location, 0 rejected/);
  await page.click('#import-form button[type=submit]');
  await page.waitForFunction(() => /already imported/.test(document.getElementById('import-report').textContent));
  await page.locator('#import').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, '6-import-report.png') });
});

test('a new data directory with only wards is filled from the import form', async () => {
  const { execFileSync } = await import('node:child_process');
  const fresh = mkdtempSync(join(tmpdir(), 'wardheat-e2e-fresh-'));
  execFileSync('java', ['-jar', jar, 'boundaries', 'add', '--data', fresh, '--id', 'wardheath',
    join(data, 'demo-source', 'wardheath-wards-bng.geojson')], { stdio: 'ignore' });
  const second = await startServer(fresh);
  try {
    await page.goto('about:blank');
    await page.goto(second.url + '/');
    await page.waitForFunction(() => /No incidents yet/.test(document.getElementById('status').textContent));
    await page.click('#import summary');
    await page.setInputFiles('#import-files', [join(data, 'demo-source', '2024-06-wardheath-street.csv'), join(data, 'demo-source', '2024-07-wardheath-street.csv')]);
    await page.click('#import-form button[type=submit]');
    await page.waitForFunction(() => /total|rows read/.test(document.getElementById('import-report').textContent));
    assert.match(await page.textContent('#import-report'), /2024-06-wardheath-street\.csv: \d+ rows read: \d+ imported/);
    await page.waitForSelector('.leaflet-overlay-pane path.ward');
    assert.equal(await page.locator('.leaflet-overlay-pane path.ward').count(), 20, 'the map appears after the first import');
    assert.deepEqual(await page.locator('#to option').allTextContents(), ['2024-06', '2024-07'], 'the new months are in the pickers');
    await page.screenshot({ path: join(shots, '7-first-import.png') });
  } finally {
    second.process.kill();
  }
});

test('the change layer takes its comparison period from the server', async () => {
  const asked = [];
  const record = (r) => asked.push(decodeURIComponent(r.url()));
  page.on('request', record);
  try {
    await open('#boundaries=demo-wards&from=2024-03&to=2024-05&compare=year-ago&dataset=demo-synthetic&hotspot=change');
    await page.waitForFunction(() => /cells of/.test(document.getElementById('hotspot-note').textContent));
  } finally {
    page.off('request', record);
  }
  assert.ok(asked.some((u) => /\/api\/periods\?from=2024-03&to=2024-05&compare=year-ago$/.test(u)), 'the page asks /api/periods');
  assert.ok(asked.some((u) => /\/api\/hotspots\/change\?.*before=2023-03:2023-05/.test(u)), 'and sends the answer as before');
  assert.match(await page.textContent('.legend'), /Change in incidents per cell.*2023-03:2023-05 against 2024-03:2024-05/s);
  await page.screenshot({ path: join(shots, '8-change-layer.png') });
});

test('the near-repeat table shades exactly the cells the server flags', async () => {
  await open(`${view}&category=Burglary&places=repeats`);
  const [response] = await Promise.all([page.waitForResponse((r) => r.url().includes('/api/near-repeat?')), page.click('#near-repeat')]);
  const result = await response.json();
  await page.waitForSelector('#near-repeat-result table.knox');
  const flags = result.cells.map((row) => row.map((c) => c.significant));
  const shaded = await page.locator('#near-repeat-result table.knox tr:not(:first-child)').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.classList.contains('sig'))));
  assert.deepEqual(shaded, flags);
  assert.ok(flags.flat().includes(true), 'the demo has planted near repeats');
  // every column visible inside the panel: the last header cell ends within the panel, nothing scrolled away
  const fit = await page.evaluate(() => {
    const panel = document.getElementById('near-repeat-result').getBoundingClientRect();
    const last = [...document.querySelectorAll('#near-repeat-result table.knox tr:first-child th')].pop().getBoundingClientRect();
    return { panelRight: panel.right, lastRight: last.right, columns: document.querySelectorAll('#near-repeat-result table.knox tr:first-child th').length };
  });
  assert.equal(fit.columns, result.cells[0].length + 1);
  assert.ok(fit.lastRight <= fit.panelRight + 0.5, `the Knox table's last column ends at ${fit.lastRight}px, the panel at ${fit.panelRight}px`);
  await page.locator('#near-repeat-result').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, '9-repeats-and-knox.png') });
});

test('a crafted link cannot break start-up, leave the API allow-list or start an analysis out of range', async () => {
  const requests = [];
  const record = (r) => requests.push(new URL(r.url()));
  page.on('request', record);
  const crafted = '#boundaries=../../api/x&hotspot=kde&cell=1&bandwidth=99999999&shape=../x&from=2999-13&to=../x&compare=../../x'
    + '&measure=<img src=x onerror=window.__xss=1>&map=1e308,1e308,99&area_id=../../api/areas&poly=1e9 1e9,1 1,2 2,1e9 1e9'
    + `&places=../x&dataset=<svg onload=window.__xss=1>&category=<img src=x onerror=window.__xss=1>&wards=${'W,'.repeat(2000)}`
    + '&unknown=1&__proto__[x]=1&hotspot=none';
  try {
    await page.goto('about:blank');
    await page.goto(base + '/' + crafted);
    await page.waitForSelector('.leaflet-overlay-pane path.ward');
    await page.waitForFunction(() => /cells of/.test(document.getElementById('hotspot-note').textContent));
    await settled();
  } finally {
    page.off('request', record);
  }
  assert.equal(await wards().count(), 20, 'the page started on the default view');
  assert.match(await page.textContent('#status'), /^20 wards · /);
  const origin = new URL(base).origin;
  const allowed = /^\/(|favicon\.svg|css\/wardheat\.css|js\/[a-z/]+\.js|webjars\/leaflet(-draw)?\/[\w./-]+)$|^\/api\/(config|session|boundaries|datasets|categories|months|wards|areas|strategic|periods|hotspots\/kde|boundaries\/demo-wards\/outline|groups|trends|priorities)$/;
  for (const u of requests) {
    assert.equal(u.origin, origin, `no request leaves the server: ${u}`);
    assert.match(u.pathname, allowed, `an allowed path: ${u.pathname}`);
    assert.doesNotMatch(decodeURIComponent(u.search), /\.\.\/|<|cell=1\b|bandwidth=|W,W/, `no crafted value sent: ${u}`);
  }
  const kde = requests.filter((u) => u.pathname === '/api/hotspots/kde');
  assert.equal(kde.length, 1, 'the allowed analysis runs once, with the automatic cell size');
  assert.equal(kde[0].searchParams.get('cell'), null);
  const hash = new URLSearchParams(new URL(page.url()).hash.slice(1));
  assert.equal(hash.get('boundaries'), 'demo-wards');
  assert.equal(hash.get('hotspot'), 'kde');
  for (const key of ['cell', 'bandwidth', 'unknown', 'area_id', 'poly', 'wards', 'category', 'shape', 'places']) assert.equal(hash.get(key), null, `${key} is dropped`);
  assert.equal(hash.get('map'), null, 'the crafted map view is dropped (the page fits the wards)');
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  await page.screenshot({ path: join(shots, '10-crafted-link.png') });
});

test('the page runs under the server\'s strict Content-Security-Policy: no inline script or handler is needed', async () => {
  const violations = [];
  const onConsole = (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); };
  page.on('console', onConsole);
  try {
    await page.goto('about:blank');
    const response = await page.goto(`${base}/${view}&hotspot=gistar&places=repeats`);
    const csp = response.headers()['content-security-policy'] || '';
    const scriptSrc = (/script-src([^;]*)/.exec(csp) || [])[1] || '';
    assert.match(scriptSrc, /'self'/, `the server sends a script policy: ${csp}`);
    assert.doesNotMatch(scriptSrc, /unsafe-inline|unsafe-eval/);
    await page.waitForSelector('.leaflet-overlay-pane path.ward');
    await page.waitForFunction(() => /cells of/.test(document.getElementById('hotspot-note').textContent));
    await page.click('path.ward-X05000003', { force: true });
    await page.waitForSelector('.leaflet-popup-content svg.trend');
    await page.click('.leaflet-popup-close-button');
    await page.click('#mode-select');
    await page.click('path.ward-X05000003', { force: true });
    await page.waitForSelector('#focus-summary .sentence');
    assert.match(await page.textContent('.legend'), /Getis-Ord Gi\*.*Repeat locations/s);
    await page.screenshot({ path: join(shots, '11-strict-csp.png') });
    assert.deepEqual(violations, [], 'the page itself needs nothing the policy forbids');
    // the policy is in force: an injected inline handler is refused
    await page.evaluate(() => { const d = document.createElement('div'); d.innerHTML = '<img src="/nowhere.png" onerror="window.__csp=1">'; document.body.append(d); });
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => window.__csp), undefined);
    assert.equal(violations.length, 1, violations.join('\n'));
  } finally {
    page.off('console', onConsole);
  }
});

test('a comparison period without data shows "no comparable data", not a change', async () => {
  // the demo holds 2023 and 2024: 2023 against the previous 12 months (2022, never imported)
  await open('#boundaries=demo-wards&from=2023-01&to=2023-12&dataset=demo-synthetic');
  const changes = await page.locator('#ward-table tbody tr td:nth-child(6)').allTextContents();
  assert.equal(changes.length, 20);
  assert.ok(changes.every((t) => t.trim() === 'no comparable data'), changes.join(' | '));
  const totals = await page.textContent('#totals');
  assert.match(totals, /no comparable data/);
  assert.match(totals, /Months with data: 12 of 12 in the period, 0 of 12 in the comparison/);
  assert.match(totals, /has no data for 2022-01, 2022-02/);
  await page.screenshot({ path: join(shots, '9-no-comparable-data.png') });
  // 2024 against 2023: both covered, change shown, non-significant changes greyed
  await open(view);
  const shown = await page.locator('#ward-table tbody tr td:nth-child(6)').allTextContents();
  assert.ok(shown.every((t) => t.trim() !== 'no comparable data'));
  assert.ok(await page.locator('#ward-table tbody td.not-significant').count() > 0, 'some ward changes are not significant');
  assert.match(await page.textContent('#totals'), /significant \(p/);
});
