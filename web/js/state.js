// The view state lives in the URL hash so that a view can be shared and the
// back button works:
//   #/wilayah/17?periode=2024-11&basis=labour-force
//   #/wilayah/17.04.07.2010/pekerja?periode=2024-11&basis=registry&status=unprotected&halaman=2
//   #/tinjauan?periode=2024-11&basis=labour-force&jenis=link&saring=pending&halaman=2
// Indonesia is region 0 (#/wilayah/0).

export const BASES = ['labour-force', 'registry'];
export const STATUSES = ['unprotected', 'unregistered', 'non_active', 'active', 'all'];
export const REVIEW_KINDS = ['link', 'duplicate'];
export const REVIEW_FILTERS = ['pending', 'decided', 'linked', 'all'];
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
  };
  if (parts[0] === 'wilayah' && parts[1] && CODE_RE.test(parts[1])) {
    state.code = parts[1];
    if (parts[2] === 'pekerja') state.view = 'workers';
  } else if (parts[0] === 'tinjauan') {
    state.view = 'review';
  }
  return state;
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
