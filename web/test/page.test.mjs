// Static checks of the page's files: nothing a strict Content-Security-Policy (script-src 'self', no
// 'unsafe-inline') would block — no inline script, no event-handler attribute, no javascript: URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const publicDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'main', 'resources', 'public');
const files = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
const HANDLER = /<[a-z][^<>\n]*\son[a-z]+\s*=/i;

test('index.html loads every script from a file and has no event-handler attribute', () => {
  const page = readFileSync(join(publicDir, 'index.html'), 'utf8');
  const scripts = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  assert.ok(scripts.length >= 3);
  for (const [, attrs, body] of scripts) {
    assert.match(attrs, /\ssrc="\/[^"]+"/, 'a script from the server');
    assert.equal(body.trim(), '', 'no inline script');
  }
  assert.doesNotMatch(page, HANDLER);
  assert.doesNotMatch(page, /javascript:|data:text\/html/i);
});

test('the modules write no event-handler attribute, inline script or javascript: URL into the page', () => {
  const modules = files(join(publicDir, 'js')).filter((f) => f.endsWith('.js'));
  assert.ok(modules.length >= 10);
  for (const f of modules) {
    const text = readFileSync(f, 'utf8');
    assert.doesNotMatch(text, HANDLER, f);
    assert.doesNotMatch(text, /<script|javascript:/i, f);
    assert.doesNotMatch(text, /\beval\(|new Function\(|insertAdjacentHTML|outerHTML|document\.write/, f);
    const raw = [...text.matchAll(/\.innerHTML\s*=/g)];
    if (!f.endsWith('format.js')) assert.equal(raw.length, 0, `${f}: innerHTML only through setHtml`);
  }
});
