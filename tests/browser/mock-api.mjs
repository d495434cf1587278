// Development aid, NOT the test: a stand-in for `cakupan serve` used to work on
// the dashboard before (or without) the C++ server. It serves web/ at / and
// web/node_modules/echarts/dist/ at /vendor/echarts/, and answers /api/* by
// running the real CLI (`cakupan coverage --format json`) where the CLI has the
// figure, and with made-up but plausible data where it has not (workers,
// boundaries). The browser test (dashboard.test.mjs) always uses the real binary.
//
//   node tests/browser/mock-api.mjs --binary build/cakupan --db demo/cakupan.db [--port 8090] [--boundaries] [--no-plan]
//
// /api/gaps runs `cakupan gaps`; /api/plan is invented to the shape of its
// contract (docs/api.md) for working on the planning page (--no-plan: it
// answers 404 as a server without the endpoint does).
import { createServer } from 'node:http';
import { execFile } from 'node:child_process';
import { readFileSync, existsSync, statSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize, extname, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = normalize(join(here, '..', '..'));
const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1] && !all[i + 1].startsWith('--') ? all[i + 1] : true]);
  return acc;
}, []));
const binary = args.binary || join(repo, 'build', 'cakupan');
const db = args.db || join(repo, 'demo', 'cakupan.db');
const port = Number(args.port || 8090);
const withBoundaries = Boolean(args.boundaries);

// Regions from the committed code list.
const regions = new Map();
const children = new Map();
const levelOf = (code) => (code === '0' ? 'national' : ['province', 'regency', 'district', 'village'][code.split('.').length - 1]);
const parentOf = (code) => (code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : '0');
const kindOf = (code, name) => {
  const level = levelOf(code);
  if (level === 'province') return 'Provinsi';
  if (level === 'regency') return name.startsWith('Kota') ? 'Kota' : 'Kabupaten';
  if (level === 'district') return 'Kecamatan';
  if (level === 'village') return code.split('.')[3].startsWith('1') ? 'Kelurahan' : 'Desa';
  return 'Nasional';
};
regions.set('0', { code: '0', name: 'INDONESIA', level: 'national', kind: 'Nasional' });
for (const line of readFileSync(join(repo, 'data', 'wilayah', 'wilayah.csv'), 'utf8').split('\n').slice(1)) {
  if (!line.trim()) continue;
  const comma = line.indexOf(',');
  const code = line.slice(0, comma);
  let name = line.slice(comma + 1).trim();
  if (name.startsWith('"')) name = name.slice(1, -1).replace(/""/g, '"');
  regions.set(code, { code, name, level: levelOf(code), kind: kindOf(code, name) });
  const p = parentOf(code);
  if (!children.has(p)) children.set(p, []);
  children.get(p).push(code);
}
const pathOf = (code) => {
  const out = [];
  for (let c = code; ; c = parentOf(c)) {
    const r = regions.get(c);
    out.unshift({ code: r.code, name: r.name, level: r.level });
    if (c === '0') break;
  }
  return out;
};

function run(argv) {
  return new Promise((resolve) => {
    execFile(binary, ['--db', db, '-q', ...argv], { maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      resolve({ ok: !err, stdout, stderr: String(stderr).replace(/^cakupan: /, '').trim() });
    });
  });
}

const json = (res, status, body) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
};
const error = (res, status, code, message) => json(res, status, { error: { code, message } });

function hash(s) {
  let h = 2166136261;
  for (const ch of s) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

const periods = ['2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11'];

async function api(url, res) {
  const q = url.searchParams;
  const lang = q.get('lang') === 'en' ? 'en' : 'id';
  const common = ['--lang', lang];
  const period = q.get('period');
  const basis = q.get('basis') || 'labour-force';
  if (period && !periods.includes(period)) {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return error(res, 400, 'bad_request', `periode tidak sah: ${period}`);
    return error(res, 404, 'not_found', `periode tidak dikenal: ${period}`);
  }
  const figureArgs = ['--basis', basis, ...(period ? ['--period', period] : [])];
  const format = q.get('format') || 'json';
  switch (url.pathname) {
    case '/api/status':
      return json(res, 200, {
        version: '0.1.0-mock', periods, latest_period: periods.at(-1),
        regions: { province: 38, regency: 514, district: 7285, village: 83762 },
        workers: 1700000, has_boundaries: withBoundaries, loaded_at: new Date().toISOString(),
      });
    case '/api/regions': {
      const parent = q.get('parent') || '0';
      if (!regions.has(parent)) return error(res, 404, 'not_found', `wilayah tidak dikenal: ${parent}`);
      return json(res, 200, {
        parent: regions.get(parent), path: pathOf(parent),
        children: (children.get(parent) || []).map((c) => ({ ...regions.get(c), has_children: children.has(c) })),
      });
    }
    case '/api/regions/search': {
      const text = (q.get('q') || '').trim().toLowerCase();
      const limit = Number(q.get('limit') || 20);
      if (!text) return error(res, 400, 'bad_request', 'q kosong');
      const starts = []; const contains = [];
      for (const r of regions.values()) {
        if (r.code === '0') continue;
        const n = r.name.toLowerCase();
        if (n.startsWith(text) || r.code.startsWith(text)) starts.push(r);
        else if (n.includes(text)) contains.push(r);
        if (starts.length >= limit) break;
      }
      const results = [...starts, ...contains].slice(0, limit).map((r) => ({
        ...r, path: pathOf(parentOf(r.code)).slice(1).map((p) => p.name).join(' › '),
      }));
      return json(res, 200, { query: q.get('q'), results });
    }
    case '/api/coverage':
    case '/api/breakdown': {
      const region = q.get('region') || '0';
      const argv = ['coverage', '--region', region, ...figureArgs, '--format', format === 'csv' ? 'csv' : 'json'];
      if (url.pathname === '/api/breakdown') argv.push('--breakdown', q.get('dimension') || 'segment');
      else if (q.get('level')) argv.push('--level', q.get('level'));
      if (format === 'xlsx') return error(res, 501, 'internal', 'mock: xlsx hanya pada server asli');
      const out = await run([...common, ...argv]);
      if (!out.ok) {
        if (/tidak dikenal|unknown/.test(out.stderr)) return error(res, 404, 'not_found', out.stderr);
        if (/reconcile/.test(out.stderr)) return error(res, 409, 'stale', out.stderr);
        return error(res, 400, 'bad_request', out.stderr);
      }
      if (format === 'csv') {
        res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="cakupan-mock.csv"' });
        return res.end(out.stdout);
      }
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      return res.end(out.stdout);
    }
    case '/api/series': {
      const region = q.get('region') || '0';
      const points = [];
      const village = regions.has(region) && levelOf(region) === 'village';
      for (const p of periods) {
        const argv = village ? ['--region', parentOf(region), '--level', 'village'] : ['--region', region];
        const out = await run([...common, 'coverage', ...argv, '--basis', basis, '--period', p, '--format', 'json']);
        if (!out.ok) return error(res, 404, 'not_found', out.stderr);
        const d = JSON.parse(out.stdout);
        const r = village ? d.rows.find((x) => x.code === region) : d.region;
        points.push({ period: p, denominator: r.denominator, active: r.active, coverage: r.coverage,
          target: r.target, national_reference: d.national_reference });
      }
      const r = regions.get(region);
      return json(res, 200, { region: { code: r.code, name: r.name, level: r.level }, basis, points });
    }
    case '/api/workers': {
      const village = q.get('village');
      if (!village || !regions.has(village) || levelOf(village) !== 'village') return error(res, 404, 'not_found', `desa tidak dikenal: ${village}`);
      const status = q.get('status') || 'unprotected';
      const page = Number(q.get('page') || 1);
      const pageSize = Number(q.get('page_size') || 50);
      if (!(page >= 1) || !(pageSize >= 1 && pageSize <= 500)) return error(res, 400, 'bad_request', 'page/page_size tidak sah');
      const seed = hash(village);
      const all = [];
      const n = 60 + (seed % 200);
      const occupations = ['Petani', 'Nelayan', 'Pedagang', 'Buruh harian', 'Pekebun', 'Pengemudi ojek', 'Guru honorer'];
      for (let i = 0; i < n; i++) {
        const h = hash(village + i);
        const st = ['active', 'non_active', 'unregistered', 'unregistered', 'active'][h % 5];
        const keep = status === 'all' || st === status || (status === 'unprotected' && st !== 'active');
        if (!keep) continue;
        const initials = 'ABDEHIJKMNRSTWY';
        all.push({
          nik: `${village.replace(/\./g, '').slice(0, 4)}************`,
          name: `${initials[h % 15]}*** ${initials[(h >>> 4) % 15]}*****`,
          sex: h % 2 ? 'P' : 'L', age: 17 + (h % 48), sector: h % 3 ? 'informal' : 'formal',
          occupation: occupations[(h >>> 8) % occupations.length], decile: 1 + ((h >>> 12) % 10),
          vulnerable: (h >>> 16) % 3 === 0, status: st,
          segment: st === 'unregistered' ? null : ['PU', 'BPU', 'BPU', 'Jakon'][(h >>> 20) % 4],
        });
      }
      const r = regions.get(village);
      const pages = Math.max(1, Math.ceil(all.length / pageSize));
      return json(res, 200, {
        village: { code: r.code, name: r.name, level: r.level }, period: period || periods.at(-1), status,
        total: all.length, page, page_size: pageSize, pages,
        workers: all.slice((page - 1) * pageSize, page * pageSize),
      });
    }
    case '/api/boundaries': {
      const parent = q.get('parent') || '0';
      if (!withBoundaries || !children.has(parent)) return error(res, 404, 'no_boundaries', 'batas wilayah belum diimpor');
      const kids = children.get(parent);
      const cols = Math.ceil(Math.sqrt(kids.length));
      const features = kids.map((c, i) => {
        const x = 100 + (i % cols) * 0.5; const y = -3 - Math.floor(i / cols) * 0.5;
        const j = (hash(c) % 10) / 100;
        return { type: 'Feature', properties: { code: c, name: regions.get(c).name },
          geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 0.48 + j, y - j], [x + 0.5, y - 0.48], [x - j, y - 0.5], [x, y]]] } };
      });
      return json(res, 200, { type: 'FeatureCollection', features });
    }
    case '/api/gaps': {
      // The real figures: `cakupan gaps` of the CLI (the server answers the same object).
      const argv = ['gaps', '--region', q.get('region') || '0', ...figureArgs];
      for (const [param, option] of [['level', '--level'], ['target', '--target'], ['package', '--package'], ['income', '--income'], ['date', '--date']]) {
        if (q.get(param)) argv.push(option, q.get(param));
      }
      return cliTable(res, [...common, ...argv], format, `selisih-${q.get('region') || '0'}`);
    }
    case '/api/plan':
      if (args['no-plan']) return error(res, 404, 'not_found', `alamat tidak dikenal: ${url.pathname}`);
      return mockPlan(q, res, { common, figureArgs, lang, format });
    default:
      return error(res, 404, 'not_found', `tidak ada: ${url.pathname}`);
  }
}

// A CLI table as the API answers it: JSON, or a CSV/XLSX download.
async function cliTable(res, argv, format, stem) {
  let file = null;
  if (format === 'csv' || format === 'xlsx') {
    file = join(tmpdir(), `cakupan-mock-${process.pid}-${Date.now()}.${format}`);
    argv = [...argv, '--format', format, '-o', file];
  } else {
    argv = [...argv, '--format', 'json'];
  }
  const out = await run(argv);
  if (!out.ok) {
    if (/tidak dikenal|unknown/.test(out.stderr)) return error(res, 404, 'not_found', out.stderr);
    if (/reconcile/.test(out.stderr)) return error(res, 409, 'stale', out.stderr);
    if (/nasional|national/.test(out.stderr)) return error(res, 409, 'no_data', out.stderr);
    return error(res, 400, 'bad_request', out.stderr);
  }
  if (file) {
    const body = readFileSync(file);
    rmSync(file, { force: true });
    res.writeHead(200, {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="cakupan-${stem}-mock.${format}"`,
    });
    return res.end(body);
  }
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  return res.end(out.stdout);
}

// GET /api/plan, made up to the shape of its contract (docs/api.md): the
// regions' figures are real (`cakupan coverage`), the choice of workers is
// not (the budget is split in proportion to each region's candidates, or
// equally for equal-share; the workers and their reasons are invented).
const POLICY_LABELS = {
  decile: ['Desil kesejahteraan terendah dahulu', 'Lowest welfare decile first'],
  vulnerable: ['Pekerja dan pekerjaan rentan dahulu', 'Vulnerable workers and occupations first'],
  'lowest-coverage': ['Desa dengan cakupan terendah dahulu', 'Lowest-coverage villages first'],
  'equal-share': ['Bagian sama rata per wilayah', 'Equal share per region'],
  'max-gain': ['Kenaikan cakupan terbesar', 'Largest coverage gain'],
};
const MONTHLY = { 'bpu-minimum': 16800, 'bpu-jht': 36800 };

function largestRemainder(total, weights) {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!sum) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i]++;
    left--;
  }
  return out;
}

async function mockPlan(q, res, { common, figureArgs, lang, format }) {
  const en = lang === 'en';
  const region = q.get('region');
  if (!region || !regions.has(region)) return error(res, 404, 'not_found', en ? `unknown region: ${region}` : `wilayah tidak dikenal: ${region}`);
  const budgetText = q.get('budget') || '';
  if (!/^\d{1,16}$/.test(budgetText)) return error(res, 400, 'bad_request', en ? `budget: '${budgetText}' is not whole rupiah` : `anggaran: '${budgetText}' bukan rupiah bulat`);
  const budget = Number(budgetText);
  if (budget > 1e15) return error(res, 400, 'bad_request', en ? 'budget: not plausible' : 'anggaran: tidak masuk akal');
  const policy = q.get('policy') || 'decile';
  if (!POLICY_LABELS[policy]) return error(res, 400, 'bad_request', `policy: ${policy}`);
  const pkg = q.get('package') || 'bpu-minimum';
  if (!MONTHLY[pkg]) return error(res, 404, 'not_found', en ? `unknown package '${pkg}'` : `paket tidak dikenal '${pkg}'`);
  const months = Number(q.get('months') || 12);
  if (!(Number.isInteger(months) && months >= 1 && months <= 120)) return error(res, 400, 'bad_request', `months: ${q.get('months')}`);
  const funderText = q.get('funders') || 'apbd:100';
  const funders = funderText.split(',').map((f) => {
    const [name, share] = f.split(':');
    return { name, share_percent: Number(share) };
  });
  if (funders.some((f) => !/^[A-Za-z0-9._-]{1,40}$/.test(f.name) || !(f.share_percent > 0)) || funders.reduce((a, f) => a + f.share_percent, 0) !== 100) {
    return error(res, 400, 'bad_request', en ? `funders: '${funderText}' must add up to 100%` : `penyandang dana: '${funderText}' harus berjumlah 100%`);
  }
  const out = await run([...common, 'coverage', '--region', region, ...figureArgs, '--format', 'json']);
  if (!out.ok) return error(res, 409, 'stale', out.stderr);
  const cov = JSON.parse(out.stdout);
  const costPerWorker = MONTHLY[pkg] * months;
  const rows = cov.rows.map((r) => ({ ...r, candidates: (r.unregistered || 0) + (r.non_active || 0) }));
  const candidates = rows.reduce((a, r) => a + r.candidates, 0);
  const enrolled = Math.min(Math.floor(budget / costPerWorker), candidates);
  let split = policy === 'equal-share' ? rows.map(() => Math.floor(enrolled / Math.max(1, rows.length))) : largestRemainder(enrolled, rows.map((r) => r.candidates));
  split = split.map((n, i) => Math.min(n, rows[i].candidates));
  const total = split.reduce((a, b) => a + b, 0);
  const cost = total * costPerWorker;
  const amounts = largestRemainder(cost, funders.map((f) => f.share_percent));
  const cover = (a, d) => (d ? a / d : null);
  const planRows = rows.map((r, i) => ({
    code: r.code, name: r.name, level: cov.level, workers: r.denominator, active_before: r.active, active_after: r.active + split[i],
    coverage_before: cover(r.active, r.denominator), coverage_after: cover(r.active + split[i], r.denominator),
    candidates: r.candidates, enrolled: split[i], cost: split[i] * costPerWorker, unfunded: r.candidates - split[i],
  }));
  const reg = cov.region;
  const items = [];
  const page = Math.max(1, Number(q.get('page') || 1));
  const pageSize = Math.min(500, Math.max(1, Number(q.get('page_size') || 50)));
  const csv = format === 'csv' || format === 'xlsx';
  const first = csv ? 0 : (page - 1) * pageSize;
  const last = csv ? total : Math.min(total, page * pageSize);
  const villages = children.get(rows[0] ? rows[0].code : region) || [];
  const occupations = ['Petani', 'Nelayan', 'Pedagang', 'Buruh harian', 'Pekebun'];
  for (let k = first; k < last; k++) {
    const h = hash(`${region}:${policy}:${k}`);
    const decile = 1 + Math.floor((k * 10) / Math.max(1, total));
    const village = villages.length ? regions.get(children.get(villages[h % villages.length])?.[0] || villages[0]) : reg;
    const vulnerable = h % 3 === 0;
    items.push({
      rank: k + 1, nik: `${String(region).replace(/\./g, '').padEnd(4, '0').slice(0, 4)}••••••••${String(h % 10000).padStart(4, '0')}`,
      name: `${'ABDEHIJKMNRSTWY'[h % 15]}•••••`, village: village.code, village_name: village.name, decile,
      vulnerability: vulnerable ? 'rentan' : 'tidak_rentan', status: h % 4 ? 'unregistered' : 'non_active',
      occupation: occupations[(h >>> 8) % occupations.length], cost: costPerWorker,
      reason: en ? `decile ${decile}${vulnerable ? '; vulnerable' : ''}; rank ${k + 1} under "${POLICY_LABELS[policy][1]}"`
        : `desil ${decile}${vulnerable ? '; rentan' : ''}; urutan ${k + 1} menurut "${POLICY_LABELS[policy][0]}"`,
    });
  }
  if (csv) {
    if (format === 'xlsx') return error(res, 501, 'internal', 'mock: xlsx hanya pada server asli');
    const head = 'rank,nik,name,village,village_name,decile,vulnerability,occupation,cost,reason';
    const esc = (v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
    res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="cakupan-rencana-mock.csv"' });
    return res.end([head, ...items.map((w) => head.split(',').map((k) => esc(w[k])).join(','))].join('\n') + '\n');
  }
  const added = total;
  return json(res, 200, {
    region: {
      code: reg.code, name: reg.code === '0' ? 'Indonesia' : reg.name, level: levelOf(reg.code), workers: reg.denominator,
      active_before: reg.active, active_after: reg.active + added, coverage_before: cover(reg.active, reg.denominator),
      coverage_after: cover(reg.active + added, reg.denominator), candidates, enrolled: total, cost, unfunded: candidates - total,
    },
    period: cov.period, basis: cov.basis, policy, policy_label: POLICY_LABELS[policy][en ? 1 : 0],
    package: pkg, programmes: pkg === 'bpu-jht' ? 'JKK+JKM+JHT' : 'JKK+JKM', months, date: new Date().toISOString().slice(0, 10),
    cost_per_worker: costPerWorker, budget, cost, remaining: budget - cost,
    candidates, enrolled: total, unfunded: candidates - total, unfunded_cost: (candidates - total) * costPerWorker,
    coverage_before: cover(reg.active, reg.denominator), coverage_after: cover(reg.active + added, reg.denominator),
    funders: funders.map((f, i) => ({ ...f, amount: amounts[i] })),
    rows: planRows,
    workers: { total, page, pages: Math.max(1, Math.ceil(total / pageSize)), page_size: pageSize, items },
    notes: [en ? 'Mock: the choice of workers is invented (tests/browser/mock-api.mjs).' : 'Tiruan: pilihan pekerja dikarang (tests/browser/mock-api.mjs).'],
  });
}

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png', '.ico': 'image/x-icon' };

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  try {
    if (url.pathname.startsWith('/api/')) return await api(url, res);
    let file;
    if (url.pathname.startsWith('/vendor/echarts/')) file = join(repo, 'web', 'node_modules', 'echarts', 'dist', url.pathname.slice(16));
    else file = join(repo, 'web', url.pathname === '/' ? 'index.html' : url.pathname);
    file = normalize(file);
    if (!file.startsWith(join(repo, 'web')) || !existsSync(file) || !statSync(file).isFile()) return error(res, 404, 'not_found', 'tidak ada');
    res.writeHead(200, { 'content-type': types[extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(readFileSync(file));
  } catch (e) {
    error(res, 500, 'internal', String(e));
  }
}).listen(port, '127.0.0.1', function () {
  console.log(`Dasbor: http://127.0.0.1:${this.address().port}/`);
});
