// Shared pieces of the browser tests: running the cakupan binary, starting
// `cakupan serve --port 0` and reading its URL, launching Debian's chromium
// with playwright-core (never a downloaded browser), numbered TAP-like steps
// with a screenshot on failure, and polling assertions. Every child process
// is killed when the test ends, also on failure or a signal.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import assert from 'node:assert/strict';

export const chromiumPath = process.env.CAKUPAN_CHROMIUM || '/usr/bin/chromium';

export function parseArgs(argv) {
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

export const log = (...a) => console.log(...a);

// One test run: its children, its steps and its deadline.
export class Harness {
  constructor({ binary, artifacts, deadlineMs, prefix }) {
    this.binary = binary;
    this.artifacts = artifacts;
    this.prefix = prefix;  // screenshot names: <prefix>-<NN>-<name>.png
    this.children = new Set();
    this.failures = 0;
    this.stepNo = 0;
    this.started = Date.now();
    process.on('exit', () => this.killChildren('SIGKILL'));
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
      process.on(sig, () => {
        log(`# ${sig}: stopping`);
        this.killChildren('SIGKILL');
        process.exit(1);
      });
    }
    // Our own deadline, shorter than ctest's, so that we (not ctest's
    // SIGKILL) end the run and the server never outlives it.
    const timer = setTimeout(() => {
      log(`not ok - deadline of ${deadlineMs / 1000} s exceeded`);
      this.killChildren('SIGKILL');
      process.exit(1);
    }, deadlineMs);
    timer.unref();
  }

  prepareArtifacts() {
    mkdirSync(this.artifacts, { recursive: true });
    const mine = new RegExp(`^${this.prefix}-\\d{2}-.*\\.png$`);
    for (const f of readdirSync(this.artifacts)) if (mine.test(f)) rmSync(join(this.artifacts, f));
    log(`# artifacts: ${this.artifacts}`);
  }

  killChildren(signal = 'SIGTERM') {
    for (const child of this.children) {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          child.kill(signal);
        } catch {
          /* already gone */
        }
      }
    }
  }

  // Runs the binary; resolves with its stdout, rejects with its stderr.
  run(args, { timeoutMs = 180_000 } = {}) {
    return new Promise((resolveRun, reject) => {
      const child = spawn(this.binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      this.children.add(child);
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => { out += d; });
      child.stderr.on('data', (d) => { err += d; });
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.on('error', reject);
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        this.children.delete(child);
        if (code === 0) resolveRun(out);
        else reject(new Error(`${this.binary} ${args.join(' ')} failed (${signal || code}):\n${err || out}`));
      });
    });
  }

  // Starts `cakupan --db DB serve --port 0 …` and resolves with
  // {child, url, stderr()} once it prints its "Dasbor: URL" line.
  serve(db, webRoot, extra = []) {
    return new Promise((resolveServe, reject) => {
      const child = spawn(this.binary, ['--db', db, 'serve', '--port', '0', '--web-root', webRoot, ...extra],
        { stdio: ['ignore', 'pipe', 'pipe'] });
      this.children.add(child);
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
        this.children.delete(child);
        clearTimeout(timer);
        reject(new Error(`cakupan serve exited (${signal || code}) before listening:\n${err || out}`));
      });
    });
  }

  async stopServer(server) {
    if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
    const exited = new Promise((r) => server.child.once('exit', r));
    server.child.kill('SIGTERM');
    const timer = setTimeout(() => server.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }

  async shot(page, name) {
    const file = join(this.artifacts, `${this.prefix}-${String(this.stepNo).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  }

  async step(name, page, fn) {
    this.stepNo++;
    const t0 = Date.now();
    try {
      await fn();
      log(`ok ${this.stepNo} - ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    } catch (err) {
      this.failures++;
      log(`not ok ${this.stepNo} - ${name}`);
      log(String(err && err.stack ? err.stack : err).split('\n').map((l) => `#   ${l}`).join('\n'));
      if (page) {
        try {
          const f = await this.shot(page, `FAILED-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`);
          log(`#   screenshot: ${f}`);
        } catch {
          /* page gone */
        }
      }
      throw err;
    }
  }

  finish(promise) {
    promise.then(() => {
      const secs = ((Date.now() - this.started) / 1000).toFixed(1);
      log(this.failures ? `# FAILED (${secs} s)` : `# passed: ${this.stepNo} steps in ${secs} s; screenshots in ${this.artifacts}`);
      process.exit(this.failures ? 1 : 0);
    }).catch((err) => {
      if (!this.failures) log(`not ok - ${err && err.stack ? err.stack : err}`);
      this.killChildren('SIGKILL');
      process.exit(1);
    });
  }
}

// Debian's chromium through playwright-core, headless, network only where
// the page asks (the tests check that nothing leaves 127.0.0.1).
export async function launchChromium() {
  if (!existsSync(chromiumPath)) {
    throw new Error(`${chromiumPath} not found: run CAKUPAN_WITH_BROWSER=1 scripts/install-web-deps.sh (apt-get install chromium)`);
  }
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new Error('playwright-core not installed: run scripts/install-web-deps.sh (npm ci in tests/browser)');
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'],
  });
}

// Records requests that leave 127.0.0.1 and script errors of every page of
// `context` into the given arrays.
export function watch(context, outside, pageErrors) {
  context.on('request', (req) => {
    const u = new URL(req.url());
    if (u.protocol === 'data:' || u.protocol === 'blob:') return;
    if (u.hostname !== '127.0.0.1') outside.push(req.url());
  });
  context.on('page', (p) => p.on('pageerror', (e) => pageErrors.push(String(e))));
}

export async function assertText(locator, expected) {
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

export async function assertContains(locator, expected) {
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

// ---------------------------------------------------------------- xlsx (zip) reading
// An .xlsx is a zip archive; read its central directory and inflate entries.
export function unzip(buffer) {
  const files = new Map();
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 65_557); i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  assert.ok(eocd >= 0, 'xlsx: no zip end-of-central-directory record');
  const count = buffer.readUInt16LE(eocd + 10);
  let p = buffer.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    assert.equal(buffer.readUInt32LE(p), 0x02014b50, 'xlsx: bad central directory entry');
    const method = buffer.readUInt16LE(p + 10);
    const compressed = buffer.readUInt32LE(p + 20);
    const nameLen = buffer.readUInt16LE(p + 28);
    const extraLen = buffer.readUInt16LE(p + 30);
    const commentLen = buffer.readUInt16LE(p + 32);
    const local = buffer.readUInt32LE(p + 42);
    const name = buffer.toString('utf8', p + 46, p + 46 + nameLen);
    assert.equal(buffer.readUInt32LE(local), 0x04034b50, `xlsx: bad local header for ${name}`);
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(start, start + compressed);
    files.set(name, method === 0 ? data.toString('utf8') : inflateRawSync(data).toString('utf8'));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

const xmlText = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

// Rows of a worksheet as arrays of cell texts (shared strings resolved).
export function sheetRows(files, sheetPath) {
  const shared = [];
  const sst = files.get('xl/sharedStrings.xml');
  if (sst) {
    for (const si of sst.match(/<si>[\s\S]*?<\/si>/g) || []) {
      shared.push(xmlText((si.match(/<t[^>]*>([\s\S]*?)<\/t>/g) || []).map((t) => t.replace(/<[^>]+>/g, '')).join('')));
    }
  }
  const xml = files.get(sheetPath);
  const rows = [];
  for (const row of xml.match(/<row[^>]*>[\s\S]*?<\/row>/g) || []) {
    const cells = [];
    for (const c of row.match(/<c [^>]*?(\/>|>[\s\S]*?<\/c>)/g) || []) {
      const type = /\st="(\w+)"/.exec(c)?.[1];
      const v = /<v>([\s\S]*?)<\/v>/.exec(c)?.[1];
      const inline = /<is>[\s\S]*?<t[^>]*>([\s\S]*?)<\/t>/.exec(c)?.[1];
      if (type === 's') cells.push(shared[Number(v)] ?? '');
      else if (type === 'inlineStr') cells.push(xmlText(inline ?? ''));
      else cells.push(v === undefined ? '' : xmlText(v));
    }
    rows.push(cells);
  }
  return rows;
}
