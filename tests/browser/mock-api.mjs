// Development aid, NOT the test: a stand-in for `cakupan serve` used to work on
// the dashboard before (or without) the C++ server. It serves web/ at / and
// web/node_modules/echarts/dist/ at /vendor/echarts/, and answers /api/* by
// running the real CLI (`cakupan coverage --format json`) where the CLI has the
// figure, and with made-up but plausible data where it has not (workers,
// boundaries). The browser test (dashboard.test.mjs) always uses the real binary.
//
//   node tests/browser/mock-api.mjs --binary build/cakupan --db demo/cakupan.db [--port 8090] [--boundaries]
import { createServer } from 'node:http';
import { execFile } from 'node:child_process';
import { readFileSync, existsSync, statSync } from 'node:fs';
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
    default:
      return error(res, 404, 'not_found', `tidak ada: ${url.pathname}`);
  }
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
