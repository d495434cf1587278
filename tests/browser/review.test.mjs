// Browser test of the review page ("Tinjauan") against the real binary:
//
//   node tests/browser/review.test.mjs --binary build/cakupan [--artifacts DIR] [--keep]
//
// Builds a small database with the cakupan binary (`cakupan generate` of
// Kabupaten Kaur, 20,000 workers, with the documented field errors; one
// extract, reconciled with probabilistic linkage: pairs wait for review),
// then:
//  1. serves it read-only: the Tinjauan page (from the navigation) lists the
//     pairs masked, explains why each is doubtful, and its buttons are
//     disabled with the reason;
//  2. serves it with --allow-decisions: accepts a pair through the page with a
//     note and sees it decided (also after switching the filter, and in the
//     CLI), undoes and re-decides, and applies the decisions, waiting for the
//     run, after which the worker counts as a member on the coverage page.
// Nothing may leave 127.0.0.1. Exit code 0 = passed, 1 = failed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { Harness, parseArgs, launchChromium, watch, assertText, assertContains, log } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const opts = parseArgs(process.argv.slice(2));
const harness = new Harness({
  binary: resolve(opts.binary || join(repo, 'build', 'cakupan')),
  artifacts: resolve(opts.artifacts || join(repo, 'build', 'tests', 'artifacts')),
  deadlineMs: Number(process.env.CAKUPAN_BROWSER_TEST_DEADLINE_MS || 170_000),
  prefix: 'review',
});
const step = harness.step.bind(harness);

// ---------------------------------------------------------------- test
async function main() {
  harness.prepareArtifacts();
  const dataDir = mkdtempSync(join(tmpdir(), 'cakupan-review-'));
  const db = join(dataDir, 'review.db');
  const webRoot = join(repo, 'web');
  let browser = null;
  let server = null;
  const outside = [];
  const pageErrors = [];
  try {
    await step('build a small database with pairs to review (generate, import, reconcile)', null, async () => {
      const gen = join(dataDir, 'gen');
      await harness.run(['generate', '--region', '17.04', '--workers', '20000', '--seed', '3', '--noise', 'default', '--out', gen]);
      const cli = (...args) => harness.run(['--db', db, '-q', ...args]);
      await cli('import', 'regions', join(repo, 'data', 'wilayah', 'wilayah.csv'));
      await cli('import', 'workers', join(gen, 'pekerja.csv'));
      await cli('import', 'members', join(gen, 'kepesertaan-2024-11.csv'));
      await cli('reconcile');
    });
    // The first pair waiting for review, with its names (the page never shows them).
    const pending = JSON.parse(await harness.run(['--db', db, 'review', 'list', '--format', 'json', '--unmask', '--page-size', '1']));
    assert.ok(pending.pending > 0, 'the generated errors leave pairs to review');
    const first = pending.items[0];
    const masked = JSON.parse(await harness.run(['--db', db, 'review', 'list', '--format', 'json', '--page-size', '1'])).items[0];

    await step('start cakupan serve (read-only) and chromium', null, async () => {
      server = await harness.serve(db, webRoot, ['--reload-seconds', '1']);
      browser = await launchChromium();
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
    watch(context, outside, pageErrors);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const pairs = page.getByTestId('pair');
    const card = page.locator(`[data-testid="pair"][data-id="${first.id}"]`);
    const registry = async () => (await (await page.request.get(`${server.url}api/coverage?region=17.04&basis=registry`)).json()).region;

    await step('read-only: Tinjauan from the navigation, masked pairs with the reason, buttons disabled', page, async () => {
      await page.goto(`${server.url}?wilayah=17.04`);
      await page.getByTestId('nav-review').click();
      await page.waitForFunction(() => /^#\/tinjauan\?/.test(location.hash));
      await assertText(page.locator('h1'), 'Tinjauan pasangan meragukan');
      assert.equal(await page.getByTestId('nav-review').getAttribute('aria-current'), 'page');
      await assertContains(page.getByTestId('review-readonly'), 'cakupan serve --allow-decisions');
      await card.waitFor();
      await assertContains(page.getByTestId('review-total'), `${pending.pending.toLocaleString('id-ID')} pasangan menunggu tinjauan`);
      assert.equal(await pairs.count(), Math.min(20, pending.pending));
      // Masked as the API masks; no full NIK or name of the pair on the page.
      const text = await page.locator('[data-testid="pairs"]').innerText();
      for (const side of [first.left, first.right]) {
        if (side.nik) assert.ok(!text.includes(side.nik), 'a NIK appears in full');
        for (const word of side.name.split(/\s+/).filter((w) => w.length > 2)) {
          assert.ok(!new RegExp(`\\b${word}\\b`, 'i').test(text), `a name appears in full: ${word}`);
        }
      }
      await assertContains(card.locator('[data-field="nik"]').nth(1), masked.right.nik);
      await assertContains(card.locator('[data-field="name"]').first(), masked.left.name);
      // Why it is doubtful: the band in words and every comparison level in
      // Indonesian, the disagreeing ones first.
      await assertContains(card, 'Perlu ditinjau');
      assert.equal(await card.locator('.why h4').textContent(), 'Mengapa pasangan ini meragukan');
      await assertContains(card, 'di antara batas tautan otomatis dan batas tolak');
      const why = await card.getByTestId('why').locator('li').allInnerTexts();
      assert.equal(why.length, masked.why.length);
      for (const w of masked.why) assert.ok(why.some((line) => line.includes(w.label)), `${w.label} not explained`);
      for (const action of ['accept', 'reject', 'undo']) {
        assert.equal(await card.getByTestId(`act-${action}`).isDisabled(), true, action);
      }
      assert.equal(await page.getByTestId('apply').isDisabled(), true);
      assert.match(await card.getByTestId('act-accept').getAttribute('title'), /hanya-baca/);
      await harness.shot(page, 'readonly');
    });

    await step('the kind switch: duplicates (dedupe never ran) say which command makes them', page, async () => {
      await page.locator('input[name="review-kind"][value="duplicate"]').check({ force: true });
      await page.waitForFunction(() => /jenis=duplicate/.test(location.hash));
      await assertContains(page.getByTestId('review-none'), 'cakupan dedupe');
      await page.goBack();
      await card.waitFor();
    });

    await step('with --allow-decisions: accept a pair with a note and see it decided', page, async () => {
      await harness.stopServer(server);
      server = await harness.serve(db, webRoot, ['--reload-seconds', '1', '--allow-decisions']);
      await page.goto(`${server.url}#/tinjauan`);
      await card.waitFor();
      assert.equal(await page.getByTestId('review-readonly').count(), 0);
      await assertText(card.getByTestId('decision'), 'Belum diputus');
      assert.equal(await card.getByTestId('act-undo').isDisabled(), true, 'nothing to undo yet');
      await card.getByTestId('note').fill('dicek ke kantor desa');
      await card.getByTestId('act-accept').click();
      await assertText(card.getByTestId('decision'), 'Diterima');
      await assertContains(card.getByTestId('pair-message'), `Pasangan ${first.id} diterima.`);
      await assertContains(card.getByTestId('pair-message'), 'Terapkan keputusan');
      assert.equal(await card.getByTestId('act-undo').isDisabled(), false);
      await harness.shot(page, 'accepted');
      // Listed as decided by the server, with the note, and stored in the file.
      await page.getByTestId('review-filter').selectOption('decided');
      await page.waitForFunction(() => /saring=decided/.test(location.hash));
      await card.waitFor();
      await assertText(card.getByTestId('decision'), 'Diterima');
      await assertContains(card, 'dicek ke kantor desa');
      assert.equal(await pairs.count(), 1);
      const decided = JSON.parse(await harness.run(['--db', db, 'review', 'list', '--filter', 'decided', '--format', 'json']));
      assert.deepEqual(decided.items.map((i) => [i.id, i.decision, i.note]), [[first.id, 'accept', 'dicek ke kantor desa']]);
    });

    await step('undo and accept again: the badge follows', page, async () => {
      await card.getByTestId('act-undo').click();
      await assertText(card.getByTestId('decision'), 'Belum diputus');
      await card.getByTestId('act-accept').click();
      await assertText(card.getByTestId('decision'), 'Diterima');
    });

    await step('Terapkan keputusan: wait state, then the worker counts as a member', page, async () => {
      const before = await registry();
      // The first look at the run's state comes late, so that the wait state
      // can be seen (the run itself takes well under a second here).
      let delayed = false;
      await page.route('**/api/review/apply?*', async (route) => {
        if (route.request().method() === 'GET' && !delayed) {
          delayed = true;
          await new Promise((r) => setTimeout(r, 1500));
        }
        await route.continue();
      });
      await page.getByTestId('apply').click();
      await assertContains(page.getByTestId('apply-status'), 'Menerapkan keputusan');
      assert.equal(await page.getByTestId('apply').isDisabled(), true, 'one run at a time');
      assert.equal(await card.getByTestId('act-undo').isDisabled(), true, 'no decision while applying');
      await harness.shot(page, 'applying');
      await assertContains(page.getByTestId('apply-done'), 'Selesai');
      await assertContains(page.getByTestId('apply-done'), 'November 2024: 1 tautan diterima');
      assert.equal(await page.getByTestId('apply').isDisabled(), false);
      const after = await registry();
      assert.equal(after.unregistered, before.unregistered - 1);
      assert.equal(after.active + after.non_active, before.active + before.non_active + 1);
      await harness.shot(page, 'applied');
      // The coverage page shows the new figures (registry basis: registered
      // workers with an active membership).
      await page.getByTestId('nav-coverage').click();
      await page.waitForFunction(() => /^#\/wilayah\/\d/.test(location.hash));
      await page.goto(`${server.url}#/wilayah/17.04?basis=registry`);
      await page.waitForSelector('[data-testid="headline-coverage"]');
      const shown = (await page.getByTestId('headline-coverage').innerText()).trim();
      const expected = `${(Math.round((after.coverage * 100) * 10) / 10).toLocaleString('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
      assert.equal(shown, expected);
    });

    await step('English: the page, the reasons from the server and the decision badge', page, async () => {
      await page.goto(`${server.url}#/tinjauan?saring=decided`);
      await card.waitFor();
      await page.getByTestId('lang-toggle').click();
      await assertText(page.locator('h1'), 'Review of doubtful pairs');
      await assertText(card.getByTestId('decision'), 'Accepted');
      const en = await (await page.request.get(`${server.url}api/review?filter=decided&lang=en`)).json();
      const label = en.items[0].why.at(-1).label;
      assert.notEqual(label, masked.why.at(-1).label, 'the API answers in English');
      await assertContains(card.getByTestId('why'), label);
      await assertText(page.getByTestId('nav-review'), 'Review');
      await page.evaluate(() => localStorage.setItem('cakupan.lang', 'id'));
    });

    await step('no request left 127.0.0.1 and no script error', null, async () => {
      assert.deepEqual(outside, [], `requests outside 127.0.0.1: ${outside.join(', ')}`);
      assert.deepEqual(pageErrors, [], `page errors: ${pageErrors.join('\n')}`);
    });
  } finally {
    if (browser) await browser.close().catch(() => {});
    await harness.stopServer(server);
    if (server && harness.failures) log(`# server stderr:\n${server.stderr()}`);
    if (!opts.keep) rmSync(dataDir, { recursive: true, force: true });
  }
}

harness.finish(main());
