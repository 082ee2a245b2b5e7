// Unit tests of format.js: the one escape, the html`` tag, and number, percent and date formatting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { esc, html, setHtml, SafeHtml, num, signed, pct, share, changeText, day, plural } from '../src/main/resources/public/js/format.js';

test('esc turns every markup character into an entity', () => {
  assert.equal(esc('<img src=x onerror=window.__xss=1>'), '&lt;img src=x onerror=window.__xss=1&gt;');
  assert.equal(esc('"><svg onload=alert(1)>'), '&quot;&gt;&lt;svg onload=alert(1)&gt;');
  assert.equal(esc("a & b's `c`"), 'a &amp; b&#39;s &#96;c&#96;');
  assert.equal(esc('&amp;'), '&amp;amp;', 'escapes once more, never trusts entities');
  assert.equal(esc(null), '');
  assert.equal(esc(undefined), '');
  assert.equal(esc(0), '0');
});

test('html escapes interpolations, joins arrays and keeps nested html', () => {
  const name = '<b onclick="x()">Town</b>';
  const out = html`<td title="${name}">${name}</td>`;
  assert.ok(out instanceof SafeHtml);
  assert.equal(String(out), '<td title="&lt;b onclick=&quot;x()&quot;&gt;Town&lt;/b&gt;">&lt;b onclick=&quot;x()&quot;&gt;Town&lt;/b&gt;</td>');
  const rows = ['<a>', 'b'].map((c) => html`<li>${c}</li>`);
  assert.equal(String(html`<ul>${rows}</ul>`), '<ul><li>&lt;a&gt;</li><li>b</li></ul>');
  assert.equal(String(html`${null}${undefined}${false}${0}`), '0');
  assert.equal(String(html`${['<', html`<i>`]}`), '&lt;<i>', 'plain strings in arrays are escaped too');
});

test('setHtml takes only html`` output', () => {
  const el = { innerHTML: '' };
  setHtml(el, html`<p>${'<x>'}</p>`);
  assert.equal(el.innerHTML, '<p>&lt;x&gt;</p>');
  assert.throws(() => setHtml(el, '<p>raw</p>'), TypeError);
});

test('numbers in British style, with a dash for missing values', () => {
  assert.equal(num(12345.678), '12,346');
  assert.equal(num(12345.678, 1), '12,345.7');
  assert.equal(num(2, 2), '2.00');
  assert.equal(num(2.5, 2, { trim: true }), '2.5');
  assert.equal(num(null), '–');
  assert.equal(num(undefined, 1), '–');
  assert.equal(num(Number.NaN), '–');
  assert.equal(num('abc'), '–');
  assert.equal(signed(5), '+5');
  assert.equal(signed(-5), '-5');
  assert.equal(signed(0), '0');
});

test('percentages and shares', () => {
  assert.equal(pct(8.93), '+8.9%');
  assert.equal(pct(-13.46), '-13.5%');
  assert.equal(pct(0), '0.0%');
  assert.equal(pct(null), '–');
  assert.equal(share(0.3712), '37.1%');
  assert.equal(share(null), '–');
  assert.equal(changeText(3, null), '+3 (new)', 'no previous incidents: the difference, marked new');
  assert.equal(changeText(0, null), '0');
  assert.equal(changeText(-4, -25), '-25.0%');
});

test('dates as days; plurals', () => {
  assert.equal(day('2024-03-05T10:11:12Z'), '2024-03-05');
  assert.equal(day('2024-03-05'), '2024-03-05');
  assert.equal(day('March'), 'March');
  assert.equal(day(null), '');
  assert.equal(plural(1, 'ward'), '1 ward');
  assert.equal(plural(2, 'ward'), '2 wards');
});
