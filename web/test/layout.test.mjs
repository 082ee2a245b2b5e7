import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

// app.js only wires state, API and views together (README "Layout"): when it grows past 150 lines, logic has
// crept in that belongs in a view module.
test('app.js stays wiring only: under 150 lines', () => {
  const lines = readFileSync(new URL('../src/main/resources/public/js/app.js', import.meta.url), 'utf8').split('\n').length;
  assert.ok(lines < 150, `app.js has ${lines} lines`);
});
