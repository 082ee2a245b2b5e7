import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inRing, inGeometry, featureIndex, bboxAreaKm2 } from '../src/main/resources/public/js/geo.js';

const square = (x, y, d = 1) => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]];

test('a point is inside a ring, outside it, and outside a hole', () => {
  assert.equal(inRing(0.5, 0.5, square(0, 0)), true);
  assert.equal(inRing(1.5, 0.5, square(0, 0)), false);
  const withHole = { type: 'Polygon', coordinates: [square(0, 0, 4), square(1, 1, 2)] };
  assert.equal(inGeometry(0.5, 0.5, withHole), true);
  assert.equal(inGeometry(2, 2, withHole), false, 'in the hole');
  const multi = { type: 'MultiPolygon', coordinates: [[square(0, 0)], [square(5, 5)]] };
  assert.equal(inGeometry(5.5, 5.5, multi), true);
  assert.equal(inGeometry(3, 3, multi), false);
  assert.equal(inGeometry(0, 0, { type: 'Point', coordinates: [0, 0] }), false);
});

test('the index finds the feature under a point, or none', () => {
  const fc = { type: 'FeatureCollection', features: [
    { type: 'Feature', properties: { id: 'a' }, geometry: { type: 'Polygon', coordinates: [square(0, 0)] } },
    { type: 'Feature', properties: { id: 'b' }, geometry: { type: 'Polygon', coordinates: [square(1, 0)] } }] };
  const index = featureIndex(fc);
  assert.equal(index.at(0.2, 0.2).properties.id, 'a');
  assert.equal(index.at(1.7, 0.9).properties.id, 'b');
  assert.equal(index.at(2.5, 0.5), null);
  assert.equal(featureIndex(null).at(0, 0), null);
});

test('a bounding box area at 51° N: one degree square is about 111 × 70 km', () => {
  const a = bboxAreaKm2([0, 50.5, 1, 51.5]);
  assert.ok(Math.abs(a - 111.32 * 111.32 * Math.cos(51 * Math.PI / 180)) < 1e-6);
  assert.ok(a > 7700 && a < 7900, String(a));
});
