// Browser test of the planning page ("Perencanaan") against the real binary:
//
//   node tests/browser/planning.test.mjs --binary build/cakupan [--artifacts DIR]
//        [--db EXISTING.db]   reuse a database (the demo with the Bengkulu boundaries) instead of building it
//        [--url URL]          test a server that is already running (no build, no serve, no CLI comparison)
//
// Builds the Bengkulu demo database (`cakupan demo`) with the schematic
// boundaries of its regencies, starts `cakupan serve --port 0` and drives
// Debian's chromium (playwright-core) through the planning page:
//  1. "Selisih target" (GET /api/gaps): the page from the navigation, the
//     sentence and the table per regency against `cakupan gaps --format json`,
//     the national target (+14.737 workers to reach 39,0%), an own percentage
//     (a wrong one refused with a message, no request), the back button, the
//     other package, and the XLSX and CSV downloads;
//  2. "Alokasi anggaran": the form's checks (negative, absurd and unreadable
//     budgets, funders not adding up to 100%, a name the API refuses) — then,
//     when the server has GET /api/plan, a run with "Rp 1 M", the vulnerable
//     policy and provinsi 30% / kabupaten 70%, with its wait state, the summary,
//     the funders' parts, the before/after table and map, the masked worker list
//     with its pages and reasons, the back button and the downloads. A server
//     without GET /api/plan (404) skips these steps with a message, after
//     checking that the page says the server lacks it;
//  3. English, the keyboard (labels on every field, Enter runs the form) and
//     a laptop screen (1366×768) without horizontal scrolling.
// Nothing may leave 127.0.0.1 and no script error may occur. Exit code 0 =
// passed, 1 = failed.
import { mkdtempSync, rmSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { Harness, parseArgs, launchChromium, watch, assertText, assertContains, log, unzip, sheetRows } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const opts = parseArgs(process.argv.slice(2));
const harness = new Harness({
  binary: resolve(opts.binary || join(repo, 'build', 'cakupan')),
  artifacts: resolve(opts.artifacts || join(repo, 'build', 'tests', 'artifacts')),
  deadlineMs: Number(process.env.CAKUPAN_BROWSER_TEST_DEADLINE_MS || 280_000),
  prefix: 'planning',
});
const step = harness.step.bind(harness);

// Figures as the page writes them (id-ID): 1.234.567, Rp 201.600, 37,0%, +14.737.
const idInt = (n) => n.toLocaleString('id-ID', { maximumFractionDigits: 0 });
const idMoney = (n) => `Rp ${idInt(n)}`;
const idPct = (f) => `${(f * 100).toLocaleString('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
const signed = (n) => (n > 0 ? `+${idInt(n)}` : idInt(n));
// A full NIK: 16 digits on their own (not the decimals of a fraction such as 0.3767320538188648).
const NIK_RE = /(?<![\d.,])\d{16}(?![\d])/;

async function waitForHash(page, re) {
  await page.waitForFunction((src) => new RegExp(src).test(location.hash), re.source, { timeout: 20_000 });
}
// A message element that must be empty (hidden when empty, so not waited for).
async function assertEmpty(locator) {
  const deadlineAt = Date.now() + 15_000;
  let text = '';
  while (Date.now() < deadlineAt) {
    text = (await locator.first().textContent()) || '';
    if (text === '') return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(text, '');
}
const idle = (page) => page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
const hashParams = (page) => page.evaluate(() => Object.fromEntries(new URLSearchParams(location.hash.split('?')[1] || '')));

// ---------------------------------------------------------------- test
async function main() {
  harness.prepareArtifacts();
  let baseUrl = opts.url ? (opts.url.endsWith('/') ? opts.url : `${opts.url}/`) : null;
  let dataDir = null;
  let db = opts.db ? resolve(opts.db) : null;
  let server = null;
  let browser = null;
  const outside = [];
  const pageErrors = [];
  try {
    if (!baseUrl) {
      if (!existsSync(harness.binary)) throw new Error(`binary not found: ${harness.binary} (pass --binary PATH)`);
      if (!db) {
        dataDir = mkdtempSync(join(tmpdir(), 'cakupan-planning-'));
        db = join(dataDir, 'demo.db');
        await step('build the demo database (cakupan demo) with the Bengkulu boundaries', null, async () => {
          await harness.run(['--db', db, '-q', 'demo', '--force', '--work-dir', join(dataDir, 'demo-data')]);
          await harness.run(['--db', db, '-q', 'import', 'boundaries', join(here, '..', 'fixtures', 'bengkulu-kabupaten-skematis.geojson')]);
        });
      }
      await step('start cakupan serve --port 0', null, async () => {
        server = await harness.serve(db, join(repo, 'web'));
        baseUrl = server.url;
      });
    }
    await step('launch chromium', null, async () => {
      browser = await launchChromium();
    });
    // The CLI's figures, when the database is at hand (the API must equal them).
    const cli = async (...args) => (db ? JSON.parse(await harness.run(['--db', db, '-q', ...args, '--format', 'json'])) : null);
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID', acceptDownloads: true });
    watch(context, outside, pageErrors);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const api = async (path) => {
      const r = await page.request.get(`${baseUrl}${path.replace(/^\//, '')}`);
      return { status: r.status(), body: r.headers()['content-type']?.includes('json') ? await r.json() : await r.body() };
    };
    const gaps = page.getByTestId('gaps');
    const sentence = page.getByTestId('gaps-sentence');

    // The gap table against a /api/gaps object (and the CLI's when given).
    async function checkGapTable(g) {
      const rows = gaps.locator('[data-testid="gaps-table"] tbody tr');
      assert.equal(await rows.count(), g.rows.length);
      for (const r of g.rows) {
        const tr = gaps.locator('[data-testid="gaps-table"] tbody tr', { has: page.locator(`a[data-code="${r.code}"]`) });
        const cells = (await tr.locator('td').allInnerTexts()).map((c) => c.trim());
        // name, workers, active, coverage, target, needed, cost
        assert.equal(cells[1], r.workers === null ? '–' : idInt(r.workers), `${r.name} workers`);
        assert.equal(cells[2], idInt(r.active), `${r.name} active`);
        assert.equal(cells[3], r.coverage === null ? '–' : idPct(r.coverage), `${r.name} coverage`);
        assert.equal(cells[5].replace(/^✓\s*/, ''), r.needed === null ? '–' : r.needed > 0 ? signed(r.needed) : 'tercapai', `${r.name} needed`);
        assert.equal(cells[6], r.yearly_cost === null ? '–' : idMoney(r.yearly_cost), `${r.name} cost`);
      }
      const foot = await gaps.locator('[data-testid="gaps-table"] tfoot tr').allInnerTexts();
      assert.equal(foot.length, 2);
      assert.ok(foot[0].includes(signed(g.rows_needed)) && foot[0].includes(idMoney(g.rows_cost)), `sum of the rows: ${foot[0]}`);
      assert.ok(foot[1].includes(signed(g.region.needed)) && foot[1].includes(idMoney(g.region.yearly_cost)), `the region: ${foot[1]}`);
    }
    const gapSentence = (g) => `Bengkulu: ${signed(g.region.needed)} pekerja untuk mencapai ${idPct(g.region.target)}, ${idMoney(g.region.yearly_cost)} per tahun.`;

    // ------------------------------------------------------------ Selisih target
    await step('Perencanaan from the navigation: Bengkulu, its own target 40,0%, the table per regency = cakupan gaps', page, async () => {
      await page.goto(`${baseUrl}?wilayah=17`);
      await waitForHash(page, /^#\/wilayah\/17\?/);
      // The region page links to its plan; the navigation too.
      assert.match(await page.getByTestId('plan-link').getAttribute('href'), /^#\/perencanaan\/17\?/);
      await page.getByTestId('nav-plan').click();
      await waitForHash(page, /^#\/perencanaan\/17\?periode=2024-11&basis=labour-force$/);
      assert.equal(await page.getByTestId('nav-plan').getAttribute('aria-current'), 'page');
      await assertText(page.getByTestId('plan-title'), 'Perencanaan: Bengkulu');
      await assertContains(page.getByTestId('plan-facts'), 'Cakupan 37,0% · rujukan nasional 39,0% · target 40,0%');
      const g = (await api('api/gaps?region=17')).body;
      const c = await cli('gaps', '--region', '17');
      if (c) {
        delete g.worker_year; delete c.worker_year;
        assert.deepEqual(g, c, 'GET /api/gaps = cakupan gaps --format json');
      }
      assert.equal(g.target.kind, 'own');
      await assertText(sentence, gapSentence(g));
      assert.ok(gapSentence(g).startsWith('Bengkulu: +22.105 pekerja untuk mencapai 40,0%, Rp '), gapSentence(g));
      await assertContains(page.getByTestId('gaps-package-line'), 'Paket minimum BPU (JKK + JKM): Rp 201.600 per pekerja per tahun');
      await checkGapTable(g);
      await idle(page);
      await harness.shot(page, 'gaps-own');
    });

    let national = null;
    await step('target: the national average — +14.737 workers to reach 39,0%, in place (focus kept)', page, async () => {
      const radio = page.getByTestId('gap-target-national');
      await radio.focus();
      await page.keyboard.press('Space');
      await waitForHash(page, /target=national/);
      national = (await api('api/gaps?region=17&target=national')).body;
      const c = await cli('gaps', '--region', '17', '--target', 'national');
      if (c) assert.equal(national.rows_cost, c.rows_cost);
      assert.equal(national.region.needed, 14737);
      await assertText(sentence, gapSentence(national));
      assert.ok(gapSentence(national).startsWith('Bengkulu: +14.737 pekerja untuk mencapai 39,0%, Rp '));
      await checkGapTable(national);
      // Redrawn in place: the radio keeps the focus, the page does not jump.
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'gap-target-national');
    });

    await step('target: an own percentage — 150 refused with a message and no request, 45 applied', page, async () => {
      const input = page.getByTestId('gap-target-percent');
      const before = await page.evaluate(() => location.hash);
      let requests = 0;
      const count = (req) => { if (req.url().includes('/api/gaps')) requests++; };
      page.on('request', count);
      await input.fill('150');
      await input.press('Enter');
      await assertText(page.getByTestId('gap-target-error'), 'Target harus lebih dari 0% dan paling tinggi 100%.');
      assert.equal(await input.getAttribute('aria-invalid'), 'true');
      assert.equal(await page.evaluate(() => location.hash), before);
      assert.equal(requests, 0, 'a refused target sent a request');
      page.off('request', count);
      await input.fill('45');
      await input.press('Enter');
      await waitForHash(page, /target=45(&|$)/);
      const g = (await api('api/gaps?region=17&target=45')).body;
      await assertText(sentence, gapSentence(g));
      await assertEmpty(page.getByTestId('gap-target-error'));
      await checkGapTable(g);
    });

    await step('the back button: national target again, then the regions\' own', page, async () => {
      await page.goBack();
      await waitForHash(page, /target=national/);
      await assertText(sentence, gapSentence(national));
      assert.equal(await page.getByTestId('gap-target-national').isChecked(), true);
      await page.goBack();
      await waitForHash(page, /^#\/perencanaan\/17\?periode=2024-11&basis=labour-force$/);
      assert.equal(await page.getByTestId('gap-target-own').isChecked(), true);
      await assertContains(sentence, 'untuk mencapai 40,0%');
      await page.goForward();
      await waitForHash(page, /target=national/);
      await assertText(sentence, gapSentence(national));
    });

    await step('package: BPU with JHT costs Rp 441.600 a worker-year', page, async () => {
      await page.getByTestId('gap-package').selectOption('bpu-jht');
      await waitForHash(page, /paket=bpu-jht/);
      const g = (await api('api/gaps?region=17&target=national&package=bpu-jht')).body;
      assert.equal(g.cost_per_worker_year, 441600);
      await assertContains(page.getByTestId('gaps-package-line'), 'Paket BPU dengan JHT (JKK + JKM + JHT): Rp 441.600 per pekerja per tahun');
      await assertText(sentence, gapSentence(g));
      await page.goBack();
      await waitForHash(page, /target=national$/);
      await assertContains(page.getByTestId('gaps-package-line'), 'Rp 201.600 per pekerja per tahun');
    });

    await step('gaps downloads: Excel and CSV of the table shown (national target)', page, async () => {
      const xlsxLink = gaps.locator('a[data-format="xlsx"]');
      assert.match(await xlsxLink.getAttribute('href'), /^\/api\/gaps\?region=17&target=national&package=bpu-minimum&period=2024-11&basis=labour-force&lang=id&format=xlsx$/);
      const [xlsx] = await Promise.all([page.waitForEvent('download'), xlsxLink.click()]);
      const file = join(harness.artifacts, 'planning-gaps-17.xlsx');
      await xlsx.saveAs(file);
      assert.match(xlsx.suggestedFilename(), /^cakupan-selisih-17-.*\.xlsx$/);
      const files = unzip(readFileSync(file));
      const sheets = [...files.keys()].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).sort();
      const rows = sheetRows(files, sheets[0]);
      const lebong = rows.find((r) => r.includes('Kabupaten Lebong'));
      const expected = national.rows.find((r) => r.name === 'Kabupaten Lebong');
      assert.ok(lebong, 'no Kabupaten Lebong row in the workbook');
      assert.ok(lebong.includes(String(expected.needed)) && lebong.includes(String(expected.yearly_cost)), `Lebong: ${lebong.join(' | ')}`);
      const [csv] = await Promise.all([page.waitForEvent('download'), gaps.locator('a[data-format="csv"]').click()]);
      const csvFile = join(harness.artifacts, 'planning-gaps-17.csv');
      await csv.saveAs(csvFile);
      const lines = readFileSync(csvFile, 'utf8').trim().split(/\r?\n/);
      assert.ok(lines.length >= national.rows.length + 1, `CSV has ${lines.length} lines`);
      assert.ok(lines.some((l) => l.includes('Kabupaten Lebong') && l.includes(String(expected.needed))), 'Lebong in the CSV');
    });

    // ------------------------------------------------------------ Alokasi anggaran
    const budget = page.getByTestId('budget');
    const run = page.getByTestId('plan-run');
    await step('allocation form: budgets that are negative, absurd or unreadable are refused with a message', page, async () => {
      const before = await page.evaluate(() => location.hash);
      await budget.fill('-5');
      await run.click();
      await assertText(page.getByTestId('budget-error'), 'Anggaran tidak boleh negatif.');
      assert.equal(await budget.getAttribute('aria-invalid'), 'true');
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'budget', 'the focus goes to the wrong field');
      await assertContains(page.getByTestId('plan-form-errors'), '1 isian perlu diperbaiki');
      await budget.fill('5.000 T');
      await run.click();
      await assertText(page.getByTestId('budget-error'), 'Anggaran di atas Rp 1.000.000.000.000.000 tidak masuk akal untuk satu daerah; periksa jumlah nolnya.');
      await budget.fill('satu miliar');
      await run.click();
      await assertContains(page.getByTestId('budget-error'), 'Anggaran tidak terbaca');
      await budget.fill('Rp 1.000.000,50');
      await run.click();
      await assertText(page.getByTestId('budget-error'), 'Anggaran harus rupiah bulat (tanpa sen).');
      assert.equal(await page.evaluate(() => location.hash), before, 'a refused form changed the URL');
      // Accepted forms are echoed in full while typing.
      for (const [typed, echo] of [['1.000.000.000', 'Rp 1.000.000.000'], ['Rp 1 M', 'Rp 1.000.000.000'], ['1,5 miliar', 'Rp 1.500.000.000'], ['500 jt', 'Rp 500.000.000']]) {
        await budget.fill(typed);
        await assertText(page.getByTestId('budget-echo'), `= ${echo}`);
        await assertEmpty(page.getByTestId('budget-error'));
      }
    });

    await step('allocation form: funders must add up to 100% and carry names the API takes', page, async () => {
      await page.getByTestId('funder-preset').click();
      const names = page.getByTestId('funder-name');
      const shares = page.getByTestId('funder-share');
      assert.deepEqual([await names.nth(0).inputValue(), await names.nth(1).inputValue()], ['provinsi', 'kabupaten']);
      await assertText(page.getByTestId('funder-sum'), 'Jumlah porsi: 100%');
      await shares.nth(1).fill('60');
      await assertText(page.getByTestId('funder-sum'), 'Jumlah porsi: 90%');
      await run.click();
      await assertText(page.getByTestId('funders-error'), 'Jumlah porsi 90%, harus tepat 100%.');
      await shares.nth(1).fill('70');
      await names.nth(1).fill('dana desa');
      await run.click();
      await assertContains(page.getByTestId('funder').nth(1), 'Nama hanya boleh huruf, angka, -, _ atau . tanpa spasi.');
      assert.equal(await names.nth(1).getAttribute('aria-invalid'), 'true');
      await names.nth(1).fill('kabupaten');
      await assertEmpty(page.getByTestId('funders-error'));
      // A third funder, removed again.
      await page.getByTestId('funder-add').click();
      assert.equal(await page.getByTestId('funder').count(), 3);
      await page.getByRole('button', { name: 'Hapus penyandang dana 3' }).click();
      assert.equal(await page.getByTestId('funder').count(), 2);
    });

    const probe = await api('api/plan?region=17&budget=1000000000');
    assert.equal(probe.status, 200, `GET /api/plan: ${JSON.stringify(probe.body)}`);
    let plan = null;
    await step('allocation run: wait state, summary, funders, before/after = GET /api/plan', page, async () => {
      // Slow the answer down so that the wait state can be seen.
      await page.route('**/api/plan?**', async (route) => {
        await new Promise((r) => setTimeout(r, 600));
        await route.continue();
      });
      await budget.fill('Rp 1 M');
      await page.getByTestId('policy-vulnerable').check({ force: true });
      await page.getByTestId('plan-months').fill('12');
      await run.click();
      await waitForHash(page, /anggaran=1000000000&kebijakan=vulnerable&paket_alokasi=bpu-minimum&bulan=12&dana=provinsi%3A30%2Ckabupaten%3A70/);
      await assertText(run, 'Menghitung…');
      await assertContains(page.getByTestId('plan-results'), 'Menghitung alokasi…');
      assert.equal(await page.getByTestId('plan-results').getAttribute('aria-busy'), 'true');
      await page.getByTestId('plan-summary').waitFor();
      await page.unroute('**/api/plan?**');
      await assertText(run, 'Hitung alokasi');
      await assertContains(page.getByTestId('plan-run-status'), 'Selesai:');
      const q = 'region=17&budget=1000000000&policy=vulnerable&package=bpu-minimum&months=12&period=2024-11&basis=labour-force&lang=id&funders=provinsi%3A30%2Ckabupaten%3A70';
      plan = (await api(`api/plan?${q}&page=1&page_size=25`)).body;
      assert.equal(plan.budget, 1_000_000_000);
      assert.equal(plan.cost + plan.remaining, plan.budget);
      await assertText(page.getByTestId('plan-budget'), idMoney(plan.budget));
      await assertContains(page.getByTestId('plan-cost'), idMoney(plan.cost));
      await assertText(page.getByTestId('plan-remaining'), idMoney(plan.remaining));
      await assertContains(page.getByTestId('plan-enrolled'), idInt(plan.enrolled));
      await assertContains(page.getByTestId('plan-unfunded'), idInt(plan.unfunded));
      await assertContains(page.getByTestId('plan-coverage'), `${idPct(plan.coverage_before)} → ${idPct(plan.coverage_after)}`);
      await assertText(page.getByTestId('plan-sentence'),
        `Dengan ${idMoney(plan.budget)}, ${idInt(plan.enrolled)} pekerja didaftarkan selama 12 bulan; cakupan Bengkulu naik dari ${idPct(plan.coverage_before)} menjadi ${idPct(plan.coverage_after)}.`);
      const funders = await page.locator('[data-testid="plan-funders"] tbody tr').allInnerTexts();
      assert.equal(funders.length, 2);
      plan.funders.forEach((f, i) => assert.ok(funders[i].includes(f.name) && funders[i].includes(idMoney(f.amount)), funders[i]));
      assert.equal(plan.funders.reduce((a, f) => a + f.amount, 0), plan.cost);
      const rows = page.locator('[data-testid="plan-rows"] tbody tr');
      assert.equal(await rows.count(), plan.rows.length);
      for (const r of plan.rows) {
        const text = (await page.locator('[data-testid="plan-rows"] tbody tr', { has: page.locator(`a[href*="/perencanaan/${r.code}?"]`) }).innerText()).replace(/\s+/g, ' ');
        assert.ok(text.includes(r.coverage_after === null ? '–' : idPct(r.coverage_after)) && text.includes(idInt(r.enrolled)) && text.includes(idMoney(r.cost)), `${r.name}: ${text}`);
      }
      await idle(page);
      await harness.shot(page, 'plan-result');
    });

    await step('before/after map: toggle sebelum/sesudah', page, async () => {
      const chart = page.getByTestId('plan-map-chart');
      await chart.locator('svg').waitFor();
      assert.equal(await chart.getAttribute('data-when'), 'after');
      await page.getByTestId('map-before').check({ force: true });
      assert.equal(await chart.getAttribute('data-when'), 'before');
      assert.match(await chart.getAttribute('aria-label'), /sebelum/);
      await page.getByTestId('map-after').check({ force: true });
      assert.equal(await chart.getAttribute('data-when'), 'after');
    });

    await step('worker list: masked, with reasons, paged through the URL (back button)', page, async () => {
      const table = page.getByTestId('plan-workers-table');
      const rows = table.locator('tbody tr');
      await assertContains(page.getByTestId('plan-workers-total'), `${idInt(plan.workers.total)} pekerja`);
      assert.equal(await rows.count(), plan.workers.items.length);
      const text = await table.innerText();
      assert.ok(!NIK_RE.test(text), 'a full NIK on the page');
      for (const [i, w] of plan.workers.items.entries()) {
        const cells = (await rows.nth(i).locator('td').allInnerTexts()).map((c) => c.trim());
        assert.equal(cells[0], idInt(w.rank));
        assert.equal(cells[1], w.nik);
        assert.ok(cells[8] && cells[8] === w.reason, `reason of rank ${w.rank}: ${cells[8]}`);
      }
      if (plan.workers.pages > 1) {
        await page.getByTestId('plan-next').click();
        await waitForHash(page, /halaman=2/);
        await assertText(rows.first().locator('td').first(), idInt(plan.workers.page_size + 1));
        await assertContains(page.getByTestId('plan-page-of'), `Halaman 2 dari ${idInt(plan.workers.pages)}`);
        // Only the list was redrawn: the summary and the map stayed.
        assert.equal(await page.getByTestId('plan-map-chart').count(), 1);
        await page.goBack();
        await waitForHash(page, /dana=provinsi%3A30%2Ckabupaten%3A70$/);
        await assertText(rows.first().locator('td').first(), '1');
      }
    });

    await step('allocation downloads: CSV and Excel of the list', page, async () => {
      const list = page.getByTestId('plan-workers');
      const [csv] = await Promise.all([page.waitForEvent('download'), list.locator('a[data-format="csv"]').click()]);
      const csvFile = join(harness.artifacts, 'planning-plan-17.csv');
      await csv.saveAs(csvFile);
      const body = readFileSync(csvFile, 'utf8');
      assert.ok(!NIK_RE.test(body), 'a full NIK in the CSV');
      assert.ok(body.trim().split(/\r?\n/).length >= plan.enrolled, 'the CSV lists every worker funded');
      if (process.env.CAKUPAN_PLAN_NO_XLSX) return;  // the mock API has no XLSX
      const [xlsx] = await Promise.all([page.waitForEvent('download'), list.locator('a[data-format="xlsx"]').click()]);
      const file = join(harness.artifacts, 'planning-plan-17.xlsx');
      await xlsx.saveAs(file);
      const files = unzip(readFileSync(file));
      const sheets = [...files.keys()].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
      assert.ok(sheets.length >= 2, 'the workbook has a summary and the list');
      for (const s of sheets) assert.ok(!NIK_RE.test(sheetRows(files, s).flat().join(' ')), `a full NIK in ${s}`);
    });

    await step('a shared URL reruns the plan', page, async () => {
      const url = page.url();
      const other = await context.newPage();
      await other.goto(url);
      await other.getByTestId('plan-summary').waitFor();
      await assertText(other.getByTestId('plan-remaining'), idMoney(plan.remaining));
      assert.equal(await other.getByTestId('budget').inputValue(), '1.000.000.000');
      assert.equal(await other.getByTestId('policy-vulnerable').isChecked(), true);
      await other.close();
    });

    // ------------------------------------------------------------ English, keyboard, screen
    await step('English: labels, figures and the sentence', page, async () => {
      await page.getByTestId('lang-toggle').click();
      await assertText(page.getByTestId('plan-title'), 'Planning: Bengkulu');
      await assertContains(page.getByTestId('nav-plan'), 'Planning');
      await assertText(gaps.locator('h2'), 'Gap to the target');
      const en = (n) => n.toLocaleString('en-US');
      await assertText(sentence, `Bengkulu: +${en(national.region.needed)} workers to reach 39.0%, Rp ${en(national.region.yearly_cost)} per year.`);
      await assertContains(page.getByTestId('alloc'), 'Budget allocation');
      await harness.shot(page, 'english');
      await page.getByTestId('lang-toggle').click();
      await assertText(page.getByTestId('plan-title'), 'Perencanaan: Bengkulu');
    });

    await step('keyboard: every field has a label; Enter in the budget runs the form', page, async () => {
      const unlabelled = await page.evaluate(() => [...document.querySelectorAll('main input, main select')]
        .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.closest('label'))
        .map((el) => el.outerHTML.slice(0, 120)));
      assert.deepEqual(unlabelled, []);
      await page.getByLabel('Anggaran (Rp)').focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('750 jt');
      await page.keyboard.press('Enter');
      await waitForHash(page, /anggaran=750000000/);
      await page.getByTestId('plan-summary').waitFor();
      await assertText(page.getByTestId('plan-budget'), 'Rp 750.000.000');
      // The policies are one radio group, reached with the arrow keys.
      await page.getByTestId('policy-decile').focus();
      await page.keyboard.press('ArrowDown');
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'policy-vulnerable');
    });

    await step('a laptop screen (1366×768): nothing wider than the window', page, async () => {
      await idle(page);
      const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      assert.ok(scroll <= inner, `the page scrolls sideways: ${scroll} > ${inner}`);
      await run.scrollIntoViewIfNeeded();
      assert.ok(await run.isVisible());
      await harness.shot(page, 'laptop');
    });

    await step('no request left 127.0.0.1 and no script error', page, async () => {
      assert.deepEqual(outside, []);
      assert.deepEqual(pageErrors, []);
    });
  } finally {
    if (browser) await browser.close().catch(() => {});
    await harness.stopServer(server);
    if (dataDir && !opts.keep) rmSync(dataDir, { recursive: true, force: true });
  }
}

harness.finish(main());
