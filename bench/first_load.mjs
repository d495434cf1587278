// Time to first meaningful paint of the dashboard on loopback: from
// navigation start until the headline coverage is rendered. Debian's chromium
// through playwright-core (from tests/browser/node_modules).
// usage: node bench/first_load.mjs URL [runs]
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, '..', 'tests', 'browser', 'package.json'));
const { chromium } = require('playwright-core');
const [url, runsArg] = process.argv.slice(2);
const runs = Number(runsArg || 5);
const samples = [];
for (let r = 0; r < runs; r++) {
  const profile = mkdtempSync(join(tmpdir(), 'cakupan-first-load-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
           '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'] });
  const page = await browser.newPage();
  const t0 = Date.now();
  await page.goto(url);
  await page.getByTestId('headline-coverage').filter({ hasText: '%' }).waitFor({ timeout: 20000 });
  samples.push(Date.now() - t0);
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
samples.sort((a, b) => a - b);
console.log(`first load: median ${samples[Math.floor(samples.length / 2)]} ms, max ${samples[samples.length - 1]} ms ` +
            `(${runs} cold browser profiles)`);
