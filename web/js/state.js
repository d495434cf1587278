// The view state lives in the URL hash so that a view can be shared and the
// back button works:
//   #/wilayah/17?periode=2024-11&basis=labour-force
//   #/wilayah/17.04.07.2010/pekerja?periode=2024-11&basis=registry&status=unprotected&halaman=2
//   #/tinjauan?periode=2024-11&basis=labour-force&jenis=link&saring=pending&halaman=2
//   #/perencanaan/17?periode=2024-11&basis=labour-force&target=national&paket=bpu-minimum
//      &anggaran=1000000000&kebijakan=decile&paket_alokasi=bpu-minimum&bulan=12
//      &dana=provinsi%3A30%2Ckabupaten%3A70&halaman=2   (dana: provinsi:30,kabupaten:70)
// Indonesia is region 0 (#/wilayah/0).

export const BASES = ['labour-force', 'registry'];
export const STATUSES = ['unprotected', 'unregistered', 'non_active', 'active', 'all'];
export const REVIEW_KINDS = ['link', 'duplicate'];
export const REVIEW_FILTERS = ['pending', 'decided', 'linked', 'all'];
// Planning (GET /api/gaps, GET /api/plan): the policies of the budget
// allocation and the packages a regional budget pays for (BPU: the wage
// earners' package needs a wage and a risk class per worker).
export const POLICIES = ['decile', 'vulnerable', 'lowest-coverage', 'equal-share', 'max-gain'];
export const PLAN_PACKAGES = ['bpu-minimum', 'bpu-jht'];
export const DEFAULT_MONTHS = 12;
const BUDGET_RE = /^[1-9]\d{0,15}$/;
const FUNDERS_RE = /^[A-Za-z0-9._-]{1,40}:\d{1,3}(,[A-Za-z0-9._-]{1,40}:\d{1,3}){0,9}$/;
const LAST_REGION_KEY = 'cakupan.lastRegion';
const CODE_RE = /^(0|\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?)$/;

export function parseHash(hash) {
  const raw = (hash || '').replace(/^#/, '');
  const [path, query = ''] = raw.split('?');
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const state = {
    view: 'region',
    code: null,
    period: params.get('periode') || null,
    basis: BASES.includes(params.get('basis')) ? params.get('basis') : 'labour-force',
    status: STATUSES.includes(params.get('status')) ? params.get('status') : 'unprotected',
    page: Math.max(1, parseInt(params.get('halaman') || '1', 10) || 1),
    kind: REVIEW_KINDS.includes(params.get('jenis')) ? params.get('jenis') : 'link',
    filter: REVIEW_FILTERS.includes(params.get('saring')) ? params.get('saring') : 'pending',
    // planning
    target: targetParam(params.get('target')),
    gapPackage: PLAN_PACKAGES.includes(params.get('paket')) ? params.get('paket') : PLAN_PACKAGES[0],
    budget: BUDGET_RE.test(params.get('anggaran') || '') ? params.get('anggaran') : null,
    policy: POLICIES.includes(params.get('kebijakan')) ? params.get('kebijakan') : POLICIES[0],
    planPackage: PLAN_PACKAGES.includes(params.get('paket_alokasi')) ? params.get('paket_alokasi') : PLAN_PACKAGES[0],
    months: monthsParam(params.get('bulan')),
    funders: FUNDERS_RE.test(params.get('dana') || '') ? params.get('dana') : null,
  };
  if (parts[0] === 'wilayah' && parts[1] && CODE_RE.test(parts[1])) {
    state.code = parts[1];
    if (parts[2] === 'pekerja') state.view = 'workers';
  } else if (parts[0] === 'tinjauan') {
    state.view = 'review';
  } else if (parts[0] === 'perencanaan' && parts[1] && CODE_RE.test(parts[1])) {
    state.view = 'plan';
    state.code = parts[1];
  }
  return state;
}

// 'own', 'national' or a coverage in percent above 0 and at most 100 with at
// most two decimals ('39', '39.5'); anything else is the default 'own'.
function targetParam(raw) {
  if (raw === 'own' || raw === 'national') return raw;
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(raw || '')) return 'own';
  const n = Number(raw);
  return n > 0 && n <= 100 ? String(n) : 'own';
}

function monthsParam(raw) {
  const n = /^\d{1,3}$/.test(raw || '') ? Number(raw) : DEFAULT_MONTHS;
  return n >= 1 && n <= 120 ? n : DEFAULT_MONTHS;
}

// The planning part of the hash: the gap choices always, the allocation
// only once it was run (a budget is in the URL).
function planParams(state, params) {
  if (state.target && state.target !== 'own') params.set('target', state.target);
  if (state.gapPackage && state.gapPackage !== PLAN_PACKAGES[0]) params.set('paket', state.gapPackage);
  if (state.budget) {
    params.set('anggaran', state.budget);
    params.set('kebijakan', state.policy || POLICIES[0]);
    params.set('paket_alokasi', state.planPackage || PLAN_PACKAGES[0]);
    params.set('bulan', String(state.months || DEFAULT_MONTHS));
    if (state.funders) params.set('dana', state.funders);
    if (state.page && state.page > 1) params.set('halaman', String(state.page));
  }
}

export function buildHash(state) {
  const params = new URLSearchParams();
  if (state.period) params.set('periode', state.period);
  params.set('basis', state.basis || 'labour-force');
  if (state.view === 'review') {
    if (state.kind && state.kind !== 'link') params.set('jenis', state.kind);
    if (state.filter && state.filter !== 'pending') params.set('saring', state.filter);
    if (state.page && state.page > 1) params.set('halaman', String(state.page));
    return `#/tinjauan?${params.toString()}`;
  }
  if (state.view === 'plan') {
    planParams(state, params);
    return `#/perencanaan/${state.code || '0'}?${params.toString()}`;
  }
  let path = `#/wilayah/${state.code || '0'}`;
  if (state.view === 'workers') {
    path += '/pekerja';
    if (state.status && state.status !== 'unprotected') params.set('status', state.status);
    if (state.page && state.page > 1) params.set('halaman', String(state.page));
  }
  return `${path}?${params.toString()}`;
}

// The region to open when the URL names none: ?wilayah=17, else the last one
// visited, else Indonesia.
export function startRegion() {
  const fromQuery = new URLSearchParams(location.search).get('wilayah');
  if (fromQuery && CODE_RE.test(fromQuery)) return fromQuery;
  try {
    const last = localStorage.getItem(LAST_REGION_KEY);
    if (last && CODE_RE.test(last)) return last;
  } catch {
    /* no storage */
  }
  return '0';
}

export function rememberRegion(code) {
  try {
    localStorage.setItem(LAST_REGION_KEY, code);
  } catch {
    /* no storage */
  }
}

export const isValidCode = (code) => CODE_RE.test(code);
