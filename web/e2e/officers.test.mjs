// The map as officers use it (issue #12), in Debian's headless Chromium on the demo data: no base map and no failed
// request offline; a base map served from an MBTiles file made here; a click shows what is under it; rapid
// switching leaves exactly the chosen layers; a phone layout; keyboard-only focus-area selection; axe-core; the
// printed briefing. Screenshots go to web/e2e/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { shots, startServer, launchBrowser, stopAll, newPage } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let server;
let base;
let data;
let browser;
let page;
const view = '#boundaries=demo-wards&from=2024-01&to=2024-12&dataset=demo-synthetic';

before(async () => {
  data = mkdtempSync(join(tmpdir(), 'wardheat-e2e-officers-'));
  ({ url: base, process: server } = await startServer(data, '--demo'));
  browser = await launchBrowser();
  page = await newPage(browser);
  page.on('dialog', (d) => d.accept());
});

after(() => stopAll({ browser, server, data }));

async function settled(p = page) {
  await p.waitForFunction(() => !/Loading/.test(document.getElementById('status').textContent) && document.getElementById('progress').hidden);
  await p.waitForTimeout(300);
}

async function open(hash, p = page) {
  await p.goto('about:blank');
  await p.goto(base + '/' + hash);
  await p.waitForSelector('.leaflet-overlay-pane path.ward', { state: 'attached' });
  await settled(p);
}

/** The centre of an element on screen. */
async function centre(selector, p = page) {
  const b = await p.locator(selector).first().boundingBox();
  return [b.x + b.width / 2, b.y + b.height / 2];
}

test('offline by default: no tile layer, no failed request, no console error, no borrowed attribution', async () => {
  const failed = [];
  const errors = [];
  const requests = [];
  const onFail = (r) => failed.push(r.url());
  const onConsole = (m) => { if (m.type() === 'error') errors.push(m.text()); };
  const onRequest = (r) => requests.push(r.url());
  page.on('requestfailed', onFail);
  page.on('console', onConsole);
  page.on('request', onRequest);
  try {
    await open(`${view}&hotspot=gistar&places=encampments`);
    await page.mouse.wheel(0, -400);
    await settled();
  } finally {
    page.off('requestfailed', onFail);
    page.off('console', onConsole);
    page.off('request', onRequest);
  }
  assert.deepEqual(failed, []);
  assert.deepEqual(errors, []);
  const origin = new URL(base).origin;
  assert.deepEqual(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:')), [], 'nothing leaves the server');
  assert.equal(await page.locator('.leaflet-tile').count(), 0, 'no tile layer');
  assert.doesNotMatch(await page.textContent('.leaflet-control-attribution'), /OpenStreetMap/);
  assert.ok(await page.locator('.leaflet-outline-pane path').count() >= 1, "the boundary set's outline");
  assert.ok(await page.locator('.ward-label').count() >= 10, 'ward names as labels at the fitted zoom');
  assert.ok(await page.locator('.leaflet-control-scale').count() === 1 && await page.locator('.north-arrow').count() === 1);
  await page.screenshot({ path: join(shots, 'officers-1-offline.png') });
});

test('the layer responses are gzipped', async () => {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/hotspots/gistar?')),
    open(`${view}&hotspot=gistar`),
  ]);
  assert.equal((await response.allHeaders())['content-encoding'], 'gzip');
  assert.match(response.url(), /only=significant/, 'the map asks only for the cells it draws');
});

/** A small MBTiles file: z0-z2 solid-colour PNG tiles over the world, made with Python's sqlite3 and zlib. */
function makeMbtiles(file) {
  const script = `
import sqlite3, struct, zlib, sys
def png(r, g, b):
    raw = b''.join(b'\\x00' + bytes([r, g, b]) * 256 for _ in range(256))
    def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    return b'\\x89PNG\\r\\n\\x1a\\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 256, 256, 8, 2, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b'')
db = sqlite3.connect(sys.argv[1])
db.execute('CREATE TABLE metadata (name TEXT, value TEXT)')
db.execute('CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)')
db.executemany('INSERT INTO metadata VALUES (?, ?)', [('name', 'test'), ('format', 'png'), ('minzoom', '0'), ('maxzoom', '2'),
    ('attribution', '<a href="https://x.example">&copy; Test County Basemap</a> <img src=x onerror=window.__xss=1>')])
for z in range(3):
    for x in range(2 ** z):
        for y in range(2 ** z):
            db.execute('INSERT INTO tiles VALUES (?, ?, ?, ?)', (z, x, y, png(200, 220 - 60 * z, 180)))
db.commit()
`;
  writeFileSync(join(data, 'make-mbtiles.py'), script);
  execFileSync('python3', [join(data, 'make-mbtiles.py'), file]);
}

test('a base map served from an MBTiles file is drawn, with its attribution as text', async () => {
  const file = join(data, 'county.mbtiles');
  makeMbtiles(file);
  const second = await startServer(join(data, 'demo-data-basemap'), '--basemap', file, '--demo');
  const failed = [];
  const onFail = (r) => failed.push(r.url());
  page.on('requestfailed', onFail);
  try {
    await page.goto('about:blank');
    await page.goto(`${second.url}/${view}`);
    await page.waitForSelector('.leaflet-tile-loaded');
    await page.waitForTimeout(500);
    const tiles = await page.locator('img.leaflet-tile-loaded').evaluateAll((imgs) => imgs.map((i) => new URL(i.src).pathname));
    assert.ok(tiles.length > 0 && tiles.every((t) => /^\/tiles\/\d+\/\d+\/\d+$/.test(t)), tiles.join(' '));
    const attribution = await page.textContent('.leaflet-control-attribution');
    assert.match(attribution, /© Test County Basemap/);
    assert.equal(await page.locator('.leaflet-control-attribution img').count(), 0, 'no markup from the file');
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assert.deepEqual(failed, [], 'zooms past the file are enlarged, not requested');
    await page.screenshot({ path: join(shots, 'officers-2-mbtiles.png') });
  } finally {
    page.off('requestfailed', onFail);
    second.process.kill();
  }
});

test('a click inspects a ward, a Gi* cell and an encampment; cell tooltips work; points sit above the wards', async () => {
  await open(`${view}&hotspot=gistar&places=encampments`);
  await page.mouse.click(...await centre('path.ward-X05000010'));
  await page.waitForSelector('.leaflet-popup-content .inspect h3');
  const ward = await page.textContent('.leaflet-popup-content');
  assert.match(ward, /Rate per 1,000/);
  assert.match(ward, /Change.*(not )?significant \(p [=<]/s, 'the change with its significance');
  assert.equal(await page.textContent('#focus-selection'), 'No area chosen: figures are for the whole boundary set.', 'inspecting selects nothing');
  await page.click('.leaflet-popup-close-button');
  // a hot cell: the Gi* layer's significant cells; the town centre is hot
  const layer = await page.evaluate(async () => (await fetch(`/api/hotspots/gistar?boundaries=demo-wards&from=2024-01&to=2024-12&dataset=demo-synthetic&only=significant`)).json());
  const hot = layer.features.find((f) => f.properties.bin === 3);
  const pt = await page.evaluate(([lon, lat]) => {
    const map = document.getElementById('map');
    return { lon, lat, w: map.clientWidth, h: map.clientHeight };
  }, [hot.properties.lon, hot.properties.lat]);
  assert.ok(pt.w > 0);
  // zoom to the cell through the page's own link, then hover and click its centre
  await page.goto('about:blank');
  await page.goto(`${base}/${view}&hotspot=gistar&places=encampments&map=${hot.properties.lat.toFixed(5)},${hot.properties.lon.toFixed(5)},15`);
  await page.waitForSelector('.leaflet-overlay-pane path.ward', { state: 'attached' });
  await settled();
  const box = await page.locator('#map').boundingBox();
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(cx, cy);
  await page.waitForSelector('.leaflet-tooltip');
  assert.match(await page.textContent('.leaflet-tooltip'), /incidents · Gi\* z = [\d.]+ · adjusted p = /, 'the cell tooltip');
  await page.mouse.click(cx, cy);
  await page.waitForSelector('.leaflet-popup-content .cell');
  const cell = await page.textContent('.leaflet-popup-content .cell');
  assert.match(cell, new RegExp(`Hotspot cell ${hot.properties.cell_id}`));
  assert.match(cell, /Gi\* z.*p \(adjusted\).*Bin3 \(Hot spot, 99% confidence\)/s);
  await page.screenshot({ path: join(shots, 'officers-3-inspect-cell.png') });
  await page.click('.leaflet-popup-close-button');
  // an encampment: every marker is in the points pane, above the ward and cell panes, and opens its own popup
  await open(`${view}&places=encampments`);
  const markers = page.locator('.leaflet-places-pane path.leaflet-interactive');
  const n = await markers.count();
  assert.ok(n >= 5, `encampments drawn: ${n}`);
  let opened = 0;
  for (let i = 0; i < n; i++) {
    const b = await markers.nth(i).boundingBox();
    if (!b || b.x < box.x + 60 || b.y < box.y + 60 || b.x > box.x + box.width - 300 || b.y > box.y + box.height - 300) continue;
    await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
    await page.waitForSelector('.leaflet-popup-content h3');
    assert.match(await page.textContent('.leaflet-popup-content'), /Days in situ/);
    opened++;
    await page.click('.leaflet-popup-close-button');
  }
  assert.ok(opened >= 3, `encampments clicked at their own point: ${opened}`);
});

test('rapid switching of analyses and places ends with exactly the chosen layers', async () => {
  await open(view);
  for (const [hotspot, places] of [['gistar', 'repeats'], ['kde', 'encampments'], ['change', 'repeats'], ['gistar', 'none'],
    ['kde', 'repeats'], ['none', 'encampments'], ['gistar', 'none']]) {
    await page.selectOption('#hotspot', hotspot);
    await page.selectOption('#places', places);
    await page.waitForTimeout(60);
  }
  await page.selectOption('#hotspot', 'none');
  await page.selectOption('#places', 'none');
  await settled();
  await page.waitForTimeout(2500); // any late answer would have arrived by now
  assert.equal(await page.locator('.leaflet-hotspots-pane canvas').count(), 0, 'no hotspot layer');
  assert.equal(await page.locator('.leaflet-places-pane path').count(), 0, 'no place marker');
  assert.equal(await page.locator('.leaflet-overlay-pane path.ward').count(), 20, 'one ward layer');
  await page.selectOption('#hotspot', 'kde');
  await page.selectOption('#places', 'repeats');
  await page.selectOption('#hotspot', 'gistar');
  await settled();
  await page.waitForTimeout(1500);
  assert.equal(await page.locator('.leaflet-hotspots-pane canvas').count(), 1, 'one hotspot layer');
  assert.match(await page.textContent('.legend'), /Getis-Ord Gi\*.*Repeat locations/s, 'the Gi* layer, not the KDE');
  assert.ok(await page.locator('.leaflet-places-pane path').count() > 0);
  assert.equal(await page.locator('.leaflet-overlay-pane path.ward').count(), 20);
  // a drawn layer taken off leaves nothing behind (Leaflet kept the empty canvas of its renderer)
  await page.selectOption('#hotspot', 'none');
  await settled();
  assert.equal(await page.locator('.leaflet-hotspots-pane canvas').count(), 0, 'no hotspot canvas after "none"');
});

test('keyboard only: switch to select mode, pick two wards from the table, and read the summary', async () => {
  await open(view);
  await page.focus('#map');
  await page.keyboard.press('s');
  assert.equal(await page.getAttribute('#mode-select', 'aria-pressed'), 'true');
  await page.focus('#ward-table tbody tr:first-child');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press(' ');
  await page.waitForFunction(() => /2 wards/.test(document.getElementById('focus-summary').dataset.area || ''));
  const chosen = await page.locator('#ward-table tbody tr.selected td:nth-child(2)').allTextContents();
  assert.equal(chosen.length, 2);
  assert.match(await page.textContent('#focus-selection'), new RegExp(`2 wards: ${chosen[0]}, ${chosen[2 - 1]}`));
  assert.equal(await page.locator('path.selected-ward').count(), 2);
  // the focus ring shows, and the ward shapes are not in the tab order
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(ring, 'none');
  assert.equal(await page.locator('path.ward[tabindex]').count(), 0);
  await page.keyboard.press('Enter'); // the same row again: taken out
  await page.waitForFunction(() => /^1 ward/.test(document.getElementById('focus-selection').textContent));
  await page.locator('#focus').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'officers-4-keyboard.png') });
});

test('axe-core finds no serious or critical violation on each panel', async () => {
  const states = [`${view}`, `${view}&hotspot=gistar&places=repeats&wards=X05000001`, `${view}&places=encampments&hotspot=kde`];
  for (const hash of states) {
    await open(hash);
    await page.evaluate(axeSource);
    await page.click('#import summary');
    const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    assert.deepEqual(bad, [], hash);
  }
});

test('on a 390×844 phone the map takes the screen and the panel is a drawer', async () => {
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  try {
    await open(view, phone);
    const map = await phone.locator('#map').boundingBox();
    assert.ok(map.width >= 0.9 * 390, `map ${map.width} px wide`);
    assert.ok(map.height >= 0.75 * 844, `map ${map.height} px high`);
    assert.equal(await phone.locator('#panel').isVisible(), false, 'the drawer is closed');
    await phone.screenshot({ path: join(shots, 'officers-5-phone.png') });
    await phone.tap('#drawer-toggle');
    await phone.waitForTimeout(400);
    assert.equal(await phone.getAttribute('#drawer-toggle', 'aria-expanded'), 'true');
    assert.ok(await phone.locator('#panel').isVisible());
    for (const sel of ['#drawer-toggle', '#mode-select', '#boundaries', '.leaflet-control-zoom-in', '#focus-save']) {
      const b = await phone.locator(sel).boundingBox();
      assert.ok(b.height >= 44 && b.width >= 44, `${sel}: ${b.width}×${b.height}`);
    }
    await phone.screenshot({ path: join(shots, 'officers-6-phone-drawer.png') });
    await phone.tap('#drawer-toggle');
    // a focus area drawn by touch: the rectangle tool, then a drag of one finger
    await phone.waitForTimeout(400);
    await phone.tap('.leaflet-draw-draw-rectangle');
    const m = await phone.locator('#map').boundingBox();
    const cdp = await phone.context().newCDPSession(phone);
    const touch = async (type, x, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
    await touch('touchStart', m.x + 100, m.y + 250);
    for (let k = 1; k <= 8; k++) await touch('touchMove', m.x + 100 + 20 * k, m.y + 250 + 20 * k);
    await touch('touchEnd');
    await phone.waitForFunction(() => /drawn area/.test(document.getElementById('focus-selection').textContent));
    await phone.screenshot({ path: join(shots, 'officers-7-phone-drawn.png') });
  } finally {
    await phone.close();
  }
});

test('the briefing prints with its title, dates, filters and sources, the map first and tables after', async () => {
  await open(`${view}&category=Burglary&hotspot=gistar`);
  await page.evaluate(() => { window.print = () => {}; }); // the dialog; page.pdf prints below
  await page.click('#print');
  await page.waitForFunction(() => /Data sources/.test(document.getElementById('print-meta').textContent));
  await page.emulateMedia({ media: 'print' });
  await page.waitForTimeout(800);
  const pdf = join(shots, 'officers-briefing.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
  assert.match(text, /Ward briefing: demo-wards/);
  assert.match(text, /Period: 2024-01 to 2024-12, compared with 2023-01 to 2023-12/);
  assert.match(text, /categories Burglary/);
  assert.match(text, /Data sources: demo-synthetic \(police-uk, 2023-01 to 2024-12/);
  assert.match(text, /Printed: \d{4}-\d{2}-\d{2}/);
  assert.match(text, /This period \(2024-01\s+Last period \(2023-01/, 'the strategic table says which periods (wrapped in its column)');
  assert.match(text, /Getis-Ord Gi\*/, 'the legend');
  assert.match(text, /\d+ (km|m)\b/, 'the scale bar');
  assert.ok(pages >= 2, `the tables follow the map: ${pages} pages`);
  const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf, '-'], { encoding: 'utf8' });
  assert.doesNotMatch(first, /Strategic assessment/, 'page 1 is the header and the map');
});
