// Opens a wardheat page in Debian's headless Chromium and saves a screenshot.
// Usage: node screenshot.mjs URL OUT.png [clickSelector]
import { chromium } from 'playwright-core';

const [url, out, click] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
await page.goto(url);
await page.waitForSelector('path.ward', { timeout: 20000 });
await page.waitForTimeout(500);
if (click) {
  await page.click(click);
  await page.waitForTimeout(500);
}
await page.screenshot({ path: out });
console.log(JSON.stringify({ wards: await page.locator('path.ward').count(), errors }));
await browser.close();
