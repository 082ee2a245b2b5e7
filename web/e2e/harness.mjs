// Shared by the browser tests: the wardheat jar, a server on its own data directory, and Debian's Chromium.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const jar = join(here, '..', '..', 'server', 'target', 'wardheat.jar');
export const shots = join(here, 'screenshots');
mkdirSync(shots, { recursive: true });

/** Runs a wardheat CLI command on a data directory; returns its standard output. */
export function cli(dataDir, ...args) {
  return execFileSync('java', [`-Djava.util.prefs.userRoot=${dataDir}/prefs`, '-jar', jar, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Starts `wardheat serve` on a data directory; resolves to { url, process } once it listens. */
export function startServer(dataDir, ...extra) {
  if (!existsSync(jar)) throw new Error(`build the jar first (mvn package): ${jar}`);
  const p = spawn('java', [`-Djava.util.prefs.userRoot=${dataDir}/prefs`, '-jar', jar, 'serve', '--data', dataDir, '--port', '0', '--tiles', 'none', ...extra],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start in 120 s')), 120_000);
    p.stdout.on('data', (chunk) => {
      const m = /running at (http:\/\/localhost:\d+)\//.exec(chunk.toString());
      if (m) { clearTimeout(timer); resolve({ url: m[1], process: p }); }
    });
    p.on('exit', (code) => reject(new Error(`the server exited with ${code}`)));
  });
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A page of the given size whose script errors fail the test. */
export async function newPage(browser, viewport = { width: 1400, height: 900 }) {
  const page = await browser.newPage({ viewport });
  page.on('pageerror', (e) => { throw e; });
  return page;
}

/** Opens the map at `hash` afresh and waits for the ward layer and for the status line to stop loading. */
export async function openMap(page, base, hash) {
  await page.goto('about:blank');
  await page.goto(`${base}/${hash}`);
  await page.waitForSelector('.leaflet-overlay-pane path.ward');
  await page.waitForFunction(() => !/Loading/.test(document.getElementById('status').textContent));
}

/** What a test file's `after` does: closes the browser, stops the server, removes the data directory (unless `keep`). */
export async function stopAll({ browser, server, data, keep = false }) {
  if (browser) await browser.close();
  if (server && server.exitCode === null) await new Promise((resolve) => { server.once('exit', resolve); server.kill(); });
  if (data && !keep) rmSync(data, { recursive: true, force: true });
}

/**
 * The demo borough served from a fresh data directory (named `prefix`...) and a browser page on it:
 * { data, base, server, browser, page }, for `stopAll` after.
 */
export async function startDemo(prefix, viewport) {
  const data = mkdtempSync(join(tmpdir(), prefix));
  const { url: base, process: server } = await startServer(data, '--demo');
  const browser = await launchBrowser();
  const page = await newPage(browser, viewport);
  return { data, base, server, browser, page };
}
