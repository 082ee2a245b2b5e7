// Unit tests of the views' pure parts: every server text escaped, the server's significance used.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { knoxTable } from '../src/main/resources/public/js/views/places.js';
import { summaryHtml, strategicRows, savedListHtml, describeArea } from '../src/main/resources/public/js/views/focus.js';
import { reportText } from '../src/main/resources/public/js/views/upload.js';
import { legendSection } from '../src/main/resources/public/js/views/legend.js';
import { trendSvg } from '../src/main/resources/public/js/trend.js';
import { DEFAULTS } from '../src/main/resources/public/js/state.js';

const XSS = '<img src=x onerror=window.__xss=1>';
const noTag = (out) => assert.doesNotMatch(String(out), /<img|<svg|<script/i);

test('the Knox table shades the cells the server flags, not its own rule', () => {
  const cell = (knoxRatio, p, significant) => ({ observed: 5, expected: 2, knoxRatio, p, significant });
  const out = String(knoxTable({ timeBands: ['0 to 7 days', XSS], spaceBands: ['same location', XSS],
    cells: [[cell(3, 0.01, false), cell(1.0, 0.5, true)], [cell(null, 1, false), cell(1.3, 0.2, false)]],
    reading: [XSS, 'second'], parameters: { simulations: 999 }, incidents: 1234 }));
  noTag(out);
  assert.equal((out.match(/class="sig"/g) || []).length, 1);
  assert.match(out, /<td class="sig" title="observed 5, expected 2\.0, p = 0\.500">1\.00<\/td>/);
  assert.match(out, /&lt;img src=x onerror=window.__xss=1&gt;<br>second/);
  assert.match(out, /999 permutations, 1,234 incidents/);
});

test('the focus panel escapes categories, places, area names', () => {
  const summary = summaryHtml({ total: { count: 3, previous: 1, changePct: 200, ratePer1000: null },
    categories: [{ category: XSS, count: 3, previous: 1, difference: 2, changePct: 200 }],
    topPlaces: [{ label: '"><svg onload=window.__xss=1>', records: 2 }], hotCells: [],
    shareOfIncidents: 0.5, shareOfResidents: null, residents: null, shareOfArea: 0.25, areaKm2: 1.5 });
  noTag(summary);
  assert.match(String(summary), /data-total="3">3 incidents against 1 \(\+200\.0%\)\./);
  noTag(strategicRows([{ category: XSS, count: 1, previous: 0, difference: 1, changePct: null }]));
  const withheld = String(summaryHtml({ total: { count: 3, previous: 0, difference: null, changePct: null, ratePer1000: null },
    categories: [{ category: 'Burglary', count: 3, previous: 0, difference: null, changePct: null }], topPlaces: [], hotCells: [],
    warnings: ['the comparison period 2021-01 to 2021-12 has no data for 2021-01 (1 of 12 months)', XSS],
    shareOfIncidents: 0.5, shareOfResidents: null, residents: null, shareOfArea: 0.25, areaKm2: 1.5 }));
  noTag(withheld);
  assert.match(withheld, /3 incidents against 0 \(no comparable data\)/);
  assert.match(withheld, /<td class="withheld" colspan="2">no comparable data<\/td>/);
  assert.match(withheld, /has no data for 2021-01/);
  const saved = String(savedListHtml([{ properties: { id: '2" onclick="x', name: XSS } }]));
  noTag(saved);
  assert.match(saved, /data-id="2&quot; onclick=&quot;x"/);
  assert.equal(String(savedListHtml([])), '<li class="note">None yet.</li>');
  assert.equal(describeArea({ ...DEFAULTS, wards: ['A', 'B'] }, { A: 'Town', B: XSS }), `2 wards: Town, ${XSS}`, 'text, set with textContent');
  assert.equal(describeArea({ ...DEFAULTS, areaId: '4' }, {}, null), 'Saved area: #4');
});

test('the import report is plain text with every count', () => {
  const text = reportText({ dataset: XSS, boundaries: 'b', files: [
    { source: 'a.csv', counts: { rowsRead: 5, imported: 3, outside: 1, withoutLocation: 1, rejected: 0 }, problems: [{ line: 4, field: 'Month', reason: 'bad' }] },
    { source: 'b.csv', alreadyImported: true, previousImport: '2024-05-01T10:00:00Z' }] });
  assert.equal(text, `dataset ${XSS}, boundary set b\na.csv: 5 rows read: 3 imported, 1 outside every ward, 1 without location, 0 rejected\n`
    + "  line 4, field 'Month': bad\nb.csv: already imported (2024-05-01); nothing added");
});

test('legend rows and the trend chart escape their text; swatches take colours only', () => {
  const legend = String(legendSection(XSS, [{ colour: '#abc', label: XSS }, { colour: 'red;background:url(x)', label: 'x' }, { ring: 'dashed', label: 'open' }], XSS));
  noTag(legend);
  assert.match(legend, /<i style="background:#abc"><\/i>/);
  assert.match(legend, /<i style=""><\/i>x/);
  assert.match(legend, /border:2px dashed #000/);
  const svg = String(trendSvg([XSS, '2024-02'], [1, 3], { from: '2024-02', to: '2024-02' }));
  assert.doesNotMatch(svg, /<img/);
  assert.match(svg, /<rect class="cur"[^>]*><title>2024-02: 3<\/title><\/rect>/);
});

test('the shareable export links ask for disclosure control and leave record-level layers out', async () => {
  const { exportLinksHtml } = await import('../src/main/resources/public/js/views/exports.js');
  (await import('../src/main/resources/public/js/api.js')).useSession({ csrf: null, permissions: ['map', 'records', 'export'] }); // an analyst
  const state = { ...DEFAULTS, boundaries: 'b', from: '2024-01', to: '2024-12', hotspot: 'gistar', places: 'repeats' };
  const plain = String(exportLinksHtml(state, false));
  assert.ok(!plain.includes('shareable'), plain);
  assert.ok(plain.includes('data-export="repeats-csv"'), plain);
  const shared = String(exportLinksHtml(state, true));
  const hrefs = [...shared.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(hrefs.length, 6, shared);
  for (const h of hrefs) assert.ok(h.includes('shareable=true'), h);
  assert.ok(hrefs.some((h) => h.startsWith('/api/export/hotspots?')), shared);
  assert.ok(!shared.includes('data-export="repeats-'), shared);
  assert.ok(!shared.includes('data-export="areas-'), shared);
});

test('the focus panel shows the area\'s deprivation and residents by age, escaped', async () => {
  const { contextSummaryHtml } = await import('../src/main/resources/public/js/views/context.js');
  const out = String(contextSummaryHtml({ residents: 24524, meanImdRank: 10387.1, shareImdDecile1: 0.180802,
    byAge: { 'Aged 15 years and under': 5829, [XSS]: 2295 } }));
  noTag(out);
  assert.match(out, /mean IMD rank <span class="imd-rank">10,387<\/span>/);
  assert.match(out, /<span class="imd-decile1">18\.1%<\/span> of residents in the most deprived tenth/);
  assert.match(out, /<tr><td>Aged 15 years and under<\/td><td>5,829<\/td><\/tr>/);
  assert.match(out, /&lt;img src=x onerror=window.__xss=1&gt;<\/td><td>2,295/);
  assert.equal(String(contextSummaryHtml(null)), '');
  const summary = String(summaryHtml({ total: { count: 3, previous: 1, changePct: 200, ratePer1000: null }, categories: [],
    topPlaces: [], hotCells: [], shareOfIncidents: 0.5, shareOfResidents: null, residents: null, shareOfArea: 0.25, areaKm2: 1.5,
    context: { residents: 10, meanImdRank: 5, shareImdDecile1: 1, byAge: {} } }));
  assert.match(summary, /class="context-summary"/);
});

test('the deprivation shading is darkest for the lowest (most deprived) IMD ranks', async () => {
  const { scaleFor } = await import('../src/main/resources/public/js/palette.js');
  const ranks = [500, 1500, 3000, 9000, 20000, 30000];
  const rank = scaleFor('mean_imd_rank', ranks);
  const count = scaleFor('count', ranks);
  assert.equal(rank.colour(500), count.colour(30000), 'rank 500 gets the colour the highest count gets');
  assert.equal(rank.colour(30000), count.colour(500));
});

test('Knox column headings are the months apart, with the full band as the abbreviation title', async () => {
  const { shortBand } = await import('../src/main/resources/public/js/views/places.js');
  assert.equal(shortBand('same month'), '0');
  assert.equal(shortBand('1 month'), '1');
  assert.equal(shortBand('12 months'), '12');
  assert.equal(shortBand('0 to 7 days'), '0 to 7 days');
});
