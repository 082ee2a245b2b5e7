// Measures a hotspot layer as the page gets it: bytes on the wire (gzip), cells sent, and the time from the
// request to the cells drawn, in Debian's headless Chromium against a running wardheat server.
// Usage: node bench-layer.mjs URL 'HASH' [runs]   e.g. node bench-layer.mjs http://localhost:8080 '#boundaries=maidstone-2022&from=2022-01&to=2022-12&hotspot=gistar&cell=100' 5
import { launchBrowser } from './harness.mjs';

const [base, hash, runsText = '5'] = process.argv.slice(2);
const browser = await launchBrowser();
const results = [];
try {
  for (let run = 0; run < Number(runsText); run++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('dialog', (d) => d.accept());
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    const wire = new Map();
    cdp.on('Network.responseReceived', (e) => { if (e.response.url.includes('/api/hotspots/')) wire.set(e.requestId, { url: e.response.url, encoding: e.response.headers['content-encoding'] || e.response.headers['Content-Encoding'] }); });
    cdp.on('Network.loadingFinished', (e) => { if (wire.has(e.requestId)) wire.get(e.requestId).bytes = e.encodedDataLength; });
    const t0 = Date.now();
    const waiting = page.waitForResponse((r) => r.url().includes('/api/hotspots/'), { timeout: 300_000 });
    if (process.env.BENCH_LOG) page.on('requestfinished', (r) => console.error(Date.now() - t0, 'ms', r.url().slice(0, 120)));
    await page.goto(base + '/' + hash);
    const response = await waiting;
    await page.waitForFunction(() => /cells of/.test(document.getElementById('hotspot-note').textContent), null, { timeout: 300_000 });
    const requested = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/hotspots/')).map((e) => ({ start: e.startTime, end: e.responseEnd, body: e.decodedBodySize }))[0]);
    const drawnAt = await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())))));
    const body = await response.json();
    const w = [...wire.values()][0] || {};
    results.push({ run, cellsSent: body.cells && body.cells.sent, cellsTotal: body.cells && body.cells.total, wireBytes: w.bytes,
      encoding: w.encoding, jsonBytes: requested.body, serverMs: Math.round(requested.end - requested.start),
      drawMs: Math.round(drawnAt - requested.end), requestToDrawnMs: Math.round(drawnAt - requested.start), wallMs: Date.now() - t0 });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(results, null, 1));
