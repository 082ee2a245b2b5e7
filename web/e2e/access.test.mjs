// Accounts in the browser: the open banner without accounts; then, with one account per role, the sign-in
// page, and what each role sees: a viewer gets suppressed ward counts ("<5") and no places panel, a planner
// the places but no import, an analyst and an admin everything. Run: node --test (from web/e2e), or ./run-tests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jar, shots, startServer, launchBrowser, stopAll, newPage } from './harness.mjs';

const PASSWORD = 'a long enough test password';
const ROLES = ['viewer', 'planner', 'analyst', 'admin'];
const view = '#boundaries=demo-wards&from=2024-01&to=2024-12&dataset=demo-synthetic&category=Robbery';
let server;
let base;
let data;
let browser;

/** `wardheat users add NAME --role ROLE`, the password on standard input. */
function addUser(name, role) {
  execFileSync('java', [`-Djava.util.prefs.userRoot=${data}/prefs`, '-jar', jar, 'users', 'add', name, '--role', role, '--data', data],
    { input: `${PASSWORD}\n`, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

before(async () => {
  data = mkdtempSync(join(tmpdir(), 'wardheat-e2e-access-'));
  ({ url: base, process: server } = await startServer(data, '--demo'));
  browser = await launchBrowser();
});

after(() => stopAll({ browser, server, data }));

async function settled(page) {
  await page.waitForSelector('.leaflet-overlay-pane path.ward');
  await page.waitForFunction(() => !/Loading/.test(document.getElementById('status').textContent));
  await page.waitForTimeout(200);
}

test('without accounts the map runs open on this machine, with a banner saying so', async () => {
  const page = await newPage(browser);
  await page.goto(base + '/' + view);
  await settled(page);
  assert.equal(await page.isVisible('#open-banner'), true);
  assert.match(await page.textContent('#open-banner'), /No accounts/);
  assert.equal(await page.isVisible('#places-panel'), true);
  await page.close();
});

test('each role signs in and sees what its role allows', async () => {
  for (const role of ROLES) addUser(role, role);
  for (const role of ROLES) {
    const page = await newPage(browser);
    await page.goto(base + '/' + view);
    await page.waitForURL(/\/login\.html$/);
    await page.fill('#login-name', role);
    await page.fill('#login-password', 'wrong password, long enough');
    await page.click('#login-form button[type=submit]');
    await page.waitForFunction(() => /wrong name or password/.test(document.getElementById('status').textContent));
    await page.fill('#login-name', role);
    await page.fill('#login-password', PASSWORD);
    await page.click('#login-form button[type=submit]');
    await page.waitForURL((u) => !u.pathname.endsWith('/login.html'));
    await page.goto(base + '/' + view);
    await settled(page);
    assert.equal(await page.isVisible('#open-banner'), false, role);
    assert.match(await page.textContent('#account-name'), new RegExp(`${role} \\(${role}\\)`));
    const counts = await page.locator('#ward-table tbody tr td:nth-child(3)').allTextContents();
    assert.equal(counts.length, 20, role);
    if (role === 'viewer') {
      assert.ok(counts.includes('<5'), `a viewer sees suppressed counts: ${counts.join(' ')}`);
      assert.ok(counts.every((c) => c === '<5' || c === '[c]' || c === '0' || Number(c.replace(/,/g, '')) >= 5), counts.join(' '));
      assert.equal(await page.isVisible('#places-panel'), false, 'no places panel for a viewer');
      assert.equal(await page.isVisible('#import'), false, 'no import for a viewer');
    } else {
      assert.ok(!counts.includes('<5'), `${role}: counts as they are`);
      assert.ok(counts.some((c) => /^[1-4]$/.test(c)), `${role} sees small counts: ${counts.join(' ')}`);
      assert.equal(await page.isVisible('#places-panel'), true, `${role} has the places panel`);
      assert.equal(await page.isVisible('#import'), role !== 'planner', `${role}: import only for analysts and admins`);
    }
    assert.equal(await page.isVisible('#audit-panel'), role === 'admin', `${role}: the audit trail only for admins`);
    if (role === 'admin') {
      await page.click('#audit-panel summary');
      await page.waitForSelector('#audit-table tbody tr');
      const trail = await page.textContent('#audit-table');
      assert.match(trail, /login-failed/);
      assert.match(trail, /account-add/);
    }
    await page.screenshot({ path: join(shots, `access-${role}.png`) });
    await page.click('#sign-out');
    await page.waitForURL(/\/login\.html$/);
    await page.close();
  }
});
