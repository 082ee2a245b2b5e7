// Unit tests of the import form's and the dissolve panel's pure parts: the query sent, the report's text, and the
// unmatched postcodes named with every server text escaped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importParams, reportText, postcodeHtml, AREA_TOTALS } from '../src/main/resources/public/js/views/upload.js';
import { fieldItems, dissolveText } from '../src/main/resources/public/js/views/dissolve.js';
import { url, toQuery } from '../src/main/resources/public/js/api.js';

const XSS = '<img src=x onerror=window.__xss=1>';

test('import parameters: a preset, a mapping, and area totals (dataset and category only)', () => {
  assert.deepEqual(importParams('needle-finds', 'three', { dataset: 'sharps', map_lon: 'X' }),
    { boundaries: 'three', preset: 'needle-finds', area_totals: false, dataset: 'sharps', map_lon: 'X' });
  assert.equal(toQuery(importParams('', 'three', {})), 'boundaries=three', 'police.uk: no preset, no flag');
  assert.equal(toQuery(importParams('mapping', 'three', { map_date: 'Date', category: 'Sharps' })),
    'boundaries=three&map_date=Date&category=Sharps');
  assert.equal(toQuery(importParams(AREA_TOTALS, 'three', { dataset: 'da', map_lon: 'X', category: 'ignored', area_category: 'Domestic abuse' })),
    'boundaries=three&area_totals=true&dataset=da&category=Domestic+abuse');
});

test('the report names the area-total placements and counts the postcodes', () => {
  const text = reportText({ dataset: 'da', boundaries: 'three', files: [{ source: 'da.csv', alreadyImported: false,
    counts: { rowsRead: 5, imported: 3, outside: 1, withoutLocation: 0, rejected: 1 },
    problems: [{ line: 6, field: 'month', reason: "not a YYYY-MM month: '2024-13'" }] }],
  placements: [{ boundaries: 'three', total: 19, exact: 12, unmatchedCount: 7, unmatched: { E09999999: 7 } }],
  postcodes: { lookup: 'onspd.csv', located: 2, unmatched: { 'ZZ9 9ZZ': 1, 'AB1 2CD': 2 } } });
  assert.equal(text, [
    'dataset da, boundary set three',
    'da.csv: 5 rows read: 3 imported, 1 outside every ward, 0 without location, 1 rejected',
    "  line 6, field 'month': not a YYYY-MM month: '2024-13'",
    'placed on three: 19 counted, 12 by code or name, 7 on no area (E09999999)',
    'postcodes: 2 rows located through onspd.csv; 3 rows with a postcode it does not hold'].join('\n'));
});

test('unmatched postcodes are named, escaped', () => {
  const out = String(postcodeHtml({ lookup: XSS, located: 0, unmatched: { 'ZZ9 9ZZ': 1, [XSS]: 2 } }));
  assert.doesNotMatch(out, /<img/);
  assert.match(out, /<li><code>ZZ9 9ZZ<\/code> · 1 row<\/li>/);
  assert.match(out, /<li><code>&lt;img src=x onerror=window.__xss=1&gt;<\/code> · 2 rows<\/li>/);
  assert.equal(String(postcodeHtml({ lookup: 'x', located: 3, unmatched: {} })), '');
  assert.equal(String(postcodeHtml(undefined)), '');
});

test('the dissolve picker offers every field with its areas, choosing the first that groups', () => {
  assert.deepEqual(fieldItems([{ field: 'LAD23CD', areas: 1 }, { field: 'CSP', areas: 3 }, { field: 'WD23CD', areas: 16 }]),
    [['LAD23CD', 'LAD23CD (1 area)', false], ['CSP', 'CSP (3 areas)', true], ['WD23CD', 'WD23CD (16 areas)', false]]);
  assert.deepEqual(fieldItems([{ field: 'LAD23CD', areas: 1 }]), [['LAD23CD', 'LAD23CD (1 area)', true]]);
  assert.deepEqual(fieldItems([]), []);
  assert.equal(dissolveText({ id: 'districts', from: 'three', by: 'LAD22CD', areas: 2, wards: 3, with_population: 2, residents: 3500 }),
    'Boundary set districts: 2 areas from the 3 wards of three by LAD22CD; 3,500 residents. Choose it under Boundary set.');
  assert.match(dissolveText({ id: 'd', from: 't', by: 'X', areas: 2, wards: 3, with_population: 0, residents: 0 }), /no population/);
});

test('the fields path is one of the set paths; others are refused', () => {
  assert.equal(url('/api/boundaries/kent-2025/fields'), '/api/boundaries/kent-2025/fields');
  assert.equal(url('/api/boundaries/dissolve'), '/api/boundaries/dissolve');
  assert.throws(() => url('/api/boundaries/../users/fields'));
});
