// Browser test of the dashboard against the real binary:
//
//   node tests/browser/dashboard.test.mjs --binary build/cakupan [--data-dir DIR] [--artifacts DIR]
//        [--db EXISTING.db]   reuse a database instead of building the demo (faster while developing)
//        [--url URL]          test a server that is already running (no build, no serve)
//
// Builds the Bengkulu demo database (`cakupan demo`), imports a schematic
// boundary file for Bengkulu's regencies, starts `cakupan serve --port 0`,
// drives Debian's chromium (playwright-core, never a downloaded browser)
// through the dashboard and checks the November 2024 Monev figures, the
// drill-down to a village's unprotected workers, the XLSX export, English, a
// phone-sized screen, and that no request left 127.0.0.1. Screenshots of every
// step go to the artifacts directory. The server is killed at the end, also on
// failure. Exit code 0 = passed, 1 = failed.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { unzip, sheetRows } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');

// ---------------------------------------------------------------- options
function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument: ${a}`);
    const key = a.slice(2);
    if (key === 'keep') out.keep = true;
    else out[key] = argv[++i];
  }
  return out;
}
const opts = parseArgs(process.argv.slice(2));
const binary = resolve(opts.binary || join(repo, 'build', 'cakupan'));
const artifacts = resolve(opts.artifacts || join(repo, 'build', 'tests', 'artifacts'));
const chromiumPath = process.env.CAKUPAN_CHROMIUM || '/usr/bin/chromium';
const TOTAL_DEADLINE_MS = Number(process.env.CAKUPAN_BROWSER_TEST_DEADLINE_MS || 280_000);

// ---------------------------------------------------------------- bookkeeping
const started = Date.now();
const children = new Set();
let browser = null;
let failures = 0;
let stepNo = 0;
const log = (...a) => console.log(...a);

function killChildren(signal = 'SIGTERM') {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        child.kill(signal);
      } catch {
        /* already gone */
      }
    }
  }
}
process.on('exit', () => killChildren('SIGKILL'));
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    log(`# ${sig}: stopping`);
    killChildren('SIGKILL');
    process.exit(1);
  });
}
// Our own deadline, shorter than ctest's, so that we (not ctest's SIGKILL)
// end the run and the server never outlives it.
const deadline = setTimeout(() => {
  log(`not ok - deadline of ${TOTAL_DEADLINE_MS / 1000} s exceeded`);
  killChildren('SIGKILL');
  process.exit(1);
}, TOTAL_DEADLINE_MS);
deadline.unref();

function run(args, { timeoutMs = 180_000 } = {}) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      if (code === 0) resolveRun(out);
      else reject(new Error(`${binary} ${args.join(' ')} failed (${signal || code}):\n${err || out}`));
    });
  });
}

// Starts `cakupan serve --port 0` and resolves with the URL it prints.
function serve(db) {
  return new Promise((resolveServe, reject) => {
    const child = spawn(binary, ['--db', db, 'serve', '--port', '0', '--web-root', join(repo, 'web')], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`no "Dasbor: URL" line within 60 s; stdout:\n${out}\nstderr:\n${err}`)), 60_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /Dasbor:\s*(http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveServe({ child, url: m[1].endsWith('/') ? m[1] : `${m[1]}/`, stderr: () => err });
      }
    });
    child.stderr.on('data', (d) => { err += d; });
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('exit', (code, signal) => {
      children.delete(child);
      clearTimeout(timer);
      reject(new Error(`cakupan serve exited (${signal || code}) before listening:\n${err || out}`));
    });
  });
}

async function stopServer(server) {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((r) => server.child.once('exit', r));
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

// ---------------------------------------------------------------- steps
async function shot(page, name) {
  const file = join(artifacts, `${String(stepNo).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// CAKUPAN_TEST_SKIP=regex skips matching steps (only for working on the test
// against the mock API, which has no XLSX).
const skip = process.env.CAKUPAN_TEST_SKIP ? new RegExp(process.env.CAKUPAN_TEST_SKIP) : null;

async function step(name, page, fn) {
  stepNo++;
  if (skip && skip.test(name)) {
    log(`ok ${stepNo} - ${name} # SKIP`);
    return;
  }
  const t0 = Date.now();
  try {
    await fn();
    log(`ok ${stepNo} - ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (err) {
    failures++;
    log(`not ok ${stepNo} - ${name}`);
    log(String(err && err.stack ? err.stack : err).split('\n').map((l) => `#   ${l}`).join('\n'));
    if (page) {
      try {
        const f = await shot(page, `FAILED-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`);
        log(`#   screenshot: ${f}`);
      } catch {
        /* page gone */
      }
    }
    throw err;
  }
}

const headlineCoverage = (page) => page.getByTestId('headline-coverage');

async function waitForHash(page, re) {
  await page.waitForFunction((src) => new RegExp(src).test(location.hash), re.source, { timeout: 20_000 });
}

async function main() {
  mkdirSync(artifacts, { recursive: true });
  for (const f of readdirSync(artifacts)) {
    if (/^\d{2}-.*\.png$/.test(f) || /\.xlsx$/.test(f)) rmSync(join(artifacts, f));
  }
  log(`# artifacts: ${artifacts}`);

  // Prerequisites, with the command that installs each.
  if (!existsSync(chromiumPath)) {
    throw new Error(`${chromiumPath} not found: run CAKUPAN_WITH_BROWSER=1 scripts/install-web-deps.sh (apt-get install chromium)`);
  }
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new Error('playwright-core not installed: run scripts/install-web-deps.sh (npm ci in tests/browser)');
  }
  if (!existsSync(join(repo, 'web', 'node_modules', 'echarts', 'dist', 'echarts.min.js'))) {
    throw new Error('web/node_modules/echarts missing: run scripts/install-web-deps.sh (npm ci in web)');
  }

  let server = null;
  let baseUrl = opts.url;
  let builtDb = null;  // the database this run built (and may change)
  let dataDir = null;
  try {
    if (!baseUrl) {
      if (!existsSync(binary)) throw new Error(`binary not found: ${binary} (pass --binary PATH)`);
      dataDir = opts['data-dir'] ? resolve(opts['data-dir']) : mkdtempSync(join(tmpdir(), 'cakupan-browser-'));
      mkdirSync(dataDir, { recursive: true });
      const db = opts.db ? resolve(opts.db) : join(dataDir, 'demo.db');
      if (!opts.db) {
        builtDb = db;
        await step('build the demo database (cakupan demo)', null, async () => {
          await run(['--db', db, '-q', 'demo', '--force', '--work-dir', join(dataDir, 'demo-data')]);
        });
        await step('import schematic boundaries of Bengkulu\'s regencies', null, async () => {
          await run(['--db', db, '-q', 'import', 'boundaries', join(here, '..', 'fixtures', 'bengkulu-kabupaten-skematis.geojson')]);
        });
      }
      await step('start cakupan serve --port 0', null, async () => {
        server = await serve(db);
        baseUrl = server.url;
        assert.match(baseUrl, /^http:\/\/127\.0\.0\.1:\d+\/$/);
        log(`# ${baseUrl}`);
      });
    }

    await step('launch chromium', null, async () => {
      browser = await chromium.launch({
        executablePath: chromiumPath,
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
          '--disable-sync', '--no-first-run', '--disable-quic',
          // Containers often have a tiny /dev/shm; chromium then crashes without this.
          '--disable-dev-shm-usage'],
      });
    });

    // Every request of every page is recorded: none may leave 127.0.0.1.
    const outside = [];
    const pageErrors = [];
    const watch = (context) => {
      context.on('request', (req) => {
        const u = new URL(req.url());
        if (u.protocol === 'data:' || u.protocol === 'blob:') return;
        if (u.hostname !== '127.0.0.1') outside.push(req.url());
      });
      context.on('page', (p) => p.on('pageerror', (e) => pageErrors.push(String(e))));
    };

    const desktop = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: 'id-ID' });
    watch(desktop);
    const page = await desktop.newPage();
    page.setDefaultTimeout(20_000);

    await step('Bengkulu overview: 37,0% against the national 39,0% and the target 40,0%', page, async () => {
      await page.goto(`${baseUrl}?wilayah=17`);
      await waitForHash(page, /^#\/wilayah\/17\?periode=\d{4}-\d{2}&basis=labour-force$/);
      await assertText(headlineCoverage(page), '37,0%');
      await assertText(page.getByTestId('headline-national'), '39,0%');
      await assertText(page.getByTestId('headline-target'), '40,0%');
      await assertContains(page.getByTestId('gap-national'), '+14.737 peserta untuk mencapai rata-rata nasional');
      await assertContains(page.getByTestId('gap-target'), '+22.105 peserta untuk mencapai target');
      assert.equal(await page.getAttribute('html', 'lang'), 'id');
      assert.equal(await page.locator('#period-select').inputValue(), '2024-11');
      await assertContains(page.locator('.breadcrumbs'), 'Bengkulu');
      await page.waitForSelector('[data-testid="ranking"] .chart svg');
      await page.waitForSelector('[data-testid="trend"] .chart svg');
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      await shot(page, 'bengkulu-overview');
    });

    await step('ranking: Kabupaten Kaur first (75,0%), Kabupaten Lebong last (17,0%)', page, async () => {
      const ranking = page.getByTestId('ranking');
      await ranking.getByRole('button', { name: 'Tampilkan tabel data' }).click();
      const rows = ranking.locator('[data-testid="ranking-table"] tbody tr');
      assert.equal(await rows.count(), 10);
      const first = await rows.first().innerText();
      const last = await rows.last().innerText();
      assert.match(first, /Kabupaten Kaur/);
      assert.match(first, /75,0%/);
      assert.match(last, /Kabupaten Lebong/);
      assert.match(last, /17,0%/);
      // The gap table starts in the same order.
      const gapFirst = await page.locator('[data-testid="gap-table"] tbody tr').first().innerText();
      assert.match(gapFirst, /Kabupaten Kaur/);
      assert.match(gapFirst, /tercapai/);
      await shot(page, 'ranking-table');
    });

    await step('map of the regencies coloured by coverage (schematic boundaries); fallback for the provinces', page, async () => {
      if (opts.db || opts.url) {
        log('#   (boundaries of a reused database: map or fallback accepted)');
        await page.waitForSelector('.chart.map svg, [data-testid="no-boundaries"]');
        return;
      }
      await page.waitForSelector('.chart.map svg path');
      const label = await page.locator('.chart.map').getAttribute('aria-label');
      assert.match(label, /kabupaten\/kota/);
      await page.locator('.chart.map').screenshot({ path: join(artifacts, `${String(stepNo).padStart(2, '0')}-map.png`) });
      // Indonesia's provinces have no boundaries: the fallback message, and the ranking still there.
      await page.goto(`${baseUrl}#/wilayah/0?basis=labour-force`);
      await assertContains(page.getByTestId('no-boundaries'), 'Peta batas wilayah belum diimpor — gunakan cakupan import boundaries FILE');
      await page.waitForSelector('[data-testid="ranking"] .chart svg');
      assert.equal(await page.locator('[data-testid="gap-table"] tbody tr').count(), 38);
      await shot(page, 'national-no-boundaries');
      await page.goBack();
      await waitForHash(page, /^#\/wilayah\/17\?/);
      await assertText(headlineCoverage(page), '37,0%');
      await page.waitForSelector('.chart.map svg path');
    });

    await step('period selector: June 2024 in the URL and the figures; back returns to November', page, async () => {
      await page.locator('#period-select').selectOption('2024-06');
      await waitForHash(page, /^#\/wilayah\/17\?periode=2024-06&basis=labour-force$/);
      await assertContains(page.locator('.overview .kicker'), 'Juni 2024');
      const june = (await headlineCoverage(page).innerText()).trim();
      assert.match(june, /^\d{1,3},\d%$/);
      assert.notEqual(june, '37,0%');
      await page.goBack();
      await waitForHash(page, /periode=2024-11/);
      await assertText(headlineCoverage(page), '37,0%');
      assert.equal(await page.locator('#period-select').inputValue(), '2024-11');
      await page.waitForSelector('.chart.map svg path, [data-testid="no-boundaries"]');
    });

    await step('export: the regency table as XLSX contains Kaur and its coverage', page, async () => {
      const tableCard = page.locator('section.card', { has: page.getByTestId('gap-table') });
      const link = tableCard.locator('a[data-format="xlsx"]');
      const href = await link.getAttribute('href');
      assert.match(href, /^\/api\/coverage\?/);
      assert.match(href, /region=17(&|$)/);
      assert.match(href, /format=xlsx/);
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const file = join(artifacts, 'coverage-17-regency.xlsx');
      await download.saveAs(file);
      assert.match(download.suggestedFilename(), /^cakupan-.*\.xlsx$/);
      const files = unzip(readFileSync(file));
      const sheets = [...files.keys()].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).sort();
      assert.ok(sheets.length >= 1, `no worksheet in ${[...files.keys()].join(', ')}`);
      const rows = sheetRows(files, sheets[0]);
      const kaur = rows.find((r) => r.some((c) => /Kaur/.test(c)));
      assert.ok(kaur, `no row with Kaur in ${sheets[0]}`);
      const hasCoverage = kaur.some((c) => /^0\.750\d*$/.test(c) || /^75[.,]0\d*%?$/.test(c));
      assert.ok(hasCoverage, `Kaur's row has no coverage 0.750 / 75,0: ${JSON.stringify(kaur)}`);
      // The CSV link answers the same table.
      const csvHref = await tableCard.locator('a[data-format="csv"]').getAttribute('href');
      const csv = await page.request.get(new URL(csvHref, baseUrl).href);
      assert.equal(csv.status(), 200);
      assert.match(await csv.text(), /Kabupaten Kaur/);
    });

    let districtName = '';
    let villageName = '';
    await step('drill down: Bengkulu → Kabupaten Kaur (click in the gap table)', page, async () => {
      await page.locator('[data-testid="gap-table"] a', { hasText: 'Kabupaten Kaur' }).click();
      await waitForHash(page, /^#\/wilayah\/17\.04\?/);
      await assertText(page.locator('h1'), 'Kabupaten Kaur');
      await assertText(headlineCoverage(page), '75,0%');
      await assertContains(page.locator('.breadcrumbs'), 'Bengkulu');
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      await shot(page, 'kaur');
    });

    await step('districts on the registry basis, then a district by keyboard (Tab/Enter)', page, async () => {
      // BPS has no district figures: the dashboard offers the registry basis.
      await page.getByTestId('use-registry').first().click();
      await waitForHash(page, /^#\/wilayah\/17\.04\?.*basis=registry/);
      assert.equal(await page.locator('input[name="basis"][value="registry"]').isChecked(), true);
      await assertContains(page.locator('#basis-note'), 'seluruh pekerja terdata');
      const link = page.locator('[data-testid="gap-table"] tbody tr a').first();
      await link.waitFor();
      districtName = (await link.innerText()).trim();
      await link.focus();
      await page.keyboard.press('Enter');
      await waitForHash(page, /^#\/wilayah\/17\.04\.\d{2}\?/);
      await assertText(page.locator('h1'), districtName);
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      await shot(page, 'district');
    });

    await step('a village, then its unprotected workers with masked NIKs', page, async () => {
      const village = page.locator('[data-testid="gap-table"] tbody tr a[data-code]').first();
      villageName = (await village.innerText()).trim();
      await village.click();
      await waitForHash(page, /^#\/wilayah\/17\.04\.\d{2}\.\d{4}\?/);
      await assertText(page.locator('h1'), villageName);
      await page.waitForSelector('[data-testid="headline-coverage"]');
      const count = (await page.getByTestId('unprotected-count').innerText()).replace(/\./g, '');
      const unprotected = Number(/^(\d+) pekerja terdata tanpa perlindungan/.exec(count)?.[1]);
      assert.ok(unprotected > 0, count);
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      await shot(page, 'village');
      await page.getByTestId('workers-link').click();
      await waitForHash(page, /^#\/wilayah\/17\.04\.\d{2}\.\d{4}\/pekerja\?/);
      const table = page.getByTestId('workers-table');
      await table.waitFor();
      // The list has as many workers as the village summary said.
      await assertText(page.getByTestId('workers-total'), `${unprotected.toLocaleString('id-ID')} pekerja`);
      const niks = await table.locator('tbody tr td:first-child').allInnerTexts();
      assert.ok(niks.length > 0, 'no worker listed');
      // Masked: four digits (the province and regency of issuance) and twelve
      // stars. Most were issued in Kaur (1704); people who moved keep theirs.
      for (const nik of niks) assert.match(nik.trim(), /^\d{4}\*{12}$/);
      assert.ok(niks.some((n) => n.trim() === '1704************'), `no NIK from Kaur: ${niks.join(' ')}`);
      const names = await table.locator('tbody tr td:nth-child(2)').allInnerTexts();
      for (const name of names) assert.match(name, /\*/);
      const statuses = await table.locator('tbody tr td:nth-child(9)').allInnerTexts();
      for (const s of statuses) assert.match(s.trim(), /^(Belum terdaftar|Non-aktif)$/);
      await assertContains(page.locator('.breadcrumbs'), villageName);
      await assertContains(page.locator('.breadcrumbs'), districtName);
      await shot(page, 'workers');
    });

    await step('the back button returns to the village', page, async () => {
      await page.goBack();
      await waitForHash(page, /^#\/wilayah\/17\.04\.\d{2}\.\d{4}\?/);
      await assertText(page.locator('h1'), villageName);
    });

    await step('region search: "lebong" → Kabupaten Lebong (keyboard)', page, async () => {
      const box = page.getByRole('combobox', { name: 'Cari wilayah' });
      await box.fill('lebong');
      await page.locator('.search-option', { hasText: 'Kabupaten Lebong' }).first().waitFor();
      const options = await page.locator('.search-option .opt-name').allInnerTexts();
      const index = options.findIndex((o) => o.trim() === 'Kabupaten Lebong');
      assert.ok(index >= 0, `Kabupaten Lebong not offered: ${options.join(', ')}`);
      for (let i = 0; i < index; i++) await box.press('ArrowDown');
      await box.press('Enter');
      await waitForHash(page, /^#\/wilayah\/17\.07\?/);
      await assertText(page.locator('h1'), 'Kabupaten Lebong');
    });

    await step('an unknown region shows the API error', page, async () => {
      await page.goto(`${baseUrl}#/wilayah/99?basis=labour-force`);
      const alert = page.locator('.overview [role="alert"]');
      await alert.waitFor();
      await assertContains(alert, '99');
      await shot(page, 'error-unknown-region');
    });

    await step('English: 37.0%, lang="en", remembered after a reload', page, async () => {
      await page.goto(`${baseUrl}#/wilayah/17?basis=labour-force`);
      await assertText(headlineCoverage(page), '37,0%');
      await page.getByTestId('lang-toggle').click();
      await assertText(headlineCoverage(page), '37.0%');
      await assertText(page.getByTestId('headline-national'), '39.0%');
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      await assertContains(page.getByTestId('gap-national'), '+14,737 participants to reach the national average');
      await page.reload();
      await assertText(headlineCoverage(page), '37.0%');
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      await shot(page, 'english');
    });

    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'id-ID',
    });
    watch(phone);
    const mobile = await phone.newPage();
    mobile.setDefaultTimeout(20_000);
    await step('phone-sized screen (390×844): headline, no horizontal page scroll', mobile, async () => {
      await mobile.goto(`${baseUrl}#/wilayah/17?basis=labour-force`);
      await assertText(headlineCoverage(mobile), '37,0%');
      await mobile.waitForSelector('[data-testid="ranking"] .chart svg');
      await mobile.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      const overflow = await mobile.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `page scrolls horizontally by ${overflow}px`);
      await shot(mobile, 'phone');
    });

    await step('data changed after reconciliation: 409 stale shown with the command to run', page, async () => {
      if (!builtDb) {
        log('#   (only on a database built by this run)');
        return;
      }
      // One more registry worker makes every reconciled period stale; the
      // server notices within seconds (live reload).
      const csv = join(dataDir, 'one-worker.csv');
      writeFileSync(csv, 'nik,nama,jenis_kelamin,tanggal_lahir,kode_desa,sektor,pekerjaan,desil,rentan\n' +
        '1704070101990009,Uji Peramban,L,1999-01-01,17.04.07.2001,informal,Petani,3,ya\n');
      await run(['--db', builtDb, '-q', 'import', 'workers', csv]);
      const until = Date.now() + 20_000;
      for (;;) {
        const status = await (await page.request.get(`${baseUrl}api/status`)).json();
        if ((status.stale_periods || []).length) break;
        assert.ok(Date.now() < until, 'the server did not notice the change within 20 s');
        await new Promise((r) => setTimeout(r, 250));
      }
      await page.evaluate(() => localStorage.setItem('cakupan.lang', 'id'));
      await page.goto(`${baseUrl}#/wilayah/17?periode=2024-11&basis=labour-force`);
      await page.reload();
      const alert = page.getByTestId('stale');
      await assertContains(alert, 'Data berubah sejak rekonsiliasi terakhir; jalankan cakupan reconcile');
      await assertContains(alert, 'November 2024');
      const coverage = await page.request.get(`${baseUrl}api/coverage?region=17`);
      assert.equal(coverage.status(), 409);
      assert.equal((await coverage.json()).error.code, 'stale');
      await shot(page, 'stale');
    });

    await step('no request left 127.0.0.1 and no script error', null, async () => {
      assert.deepEqual(outside, [], `requests outside 127.0.0.1: ${outside.join(', ')}`);
      assert.deepEqual(pageErrors, [], `page errors: ${pageErrors.join('\n')}`);
    });
  } finally {
    if (browser) await browser.close().catch(() => {});
    await stopServer(server);
    if (server && failures) log(`# server stderr:\n${server.stderr()}`);
    if (dataDir && !opts['data-dir'] && !opts.keep) rmSync(dataDir, { recursive: true, force: true });
  }
}

async function assertText(locator, expected) {
  await locator.first().waitFor();
  const deadlineAt = Date.now() + 15_000;
  let actual = '';
  while (Date.now() < deadlineAt) {
    actual = (await locator.first().innerText()).trim();
    if (actual === expected) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(actual, expected);
}

async function assertContains(locator, expected) {
  await locator.first().waitFor();
  const deadlineAt = Date.now() + 15_000;
  let actual = '';
  while (Date.now() < deadlineAt) {
    actual = (await locator.first().innerText()).replace(/\s+/g, ' ');
    if (actual.includes(expected)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(actual.includes(expected), `expected "${expected}" in "${actual}"`);
}

main().then(() => {
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  log(failures ? `# FAILED (${secs} s)` : `# passed: ${stepNo} steps in ${secs} s; screenshots in ${artifacts}`);
  process.exit(failures ? 1 : 0);
}).catch((err) => {
  if (!failures) log(`not ok - ${err && err.stack ? err.stack : err}`);
  killChildren('SIGKILL');
  process.exit(1);
});
