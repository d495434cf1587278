// The dashboard's entry point: the page frame (header, search, language,
// period and basis), the hash router and the views.
import { h, fill } from './dom.js';
import { initLang, setLang, getLang, t, monthName, dateTime } from './i18n.js';
import { getJson } from './api.js';
import { parseHash, buildHash, startRegion, rememberRegion, BASES } from './state.js';
import { disposeCharts } from './charts.js';
import { searchBox } from './search.js';
import { errorBox, loading } from './ui.js';
import { renderRegion } from './views/region.js';
import { renderWorkers } from './views/workers.js';
import { renderReview } from './views/review.js';
import { renderPlan } from './views/plan.js';

const app = document.getElementById('app');
let status = null;       // /api/status
let current = null;      // the parsed state of the current view
let controller = null;   // aborts the requests of the view being left
let shell = null;        // elements of the frame that views update
let focusHeading = false;
// The view on screen when it can take a new state in place ({update(state)}):
// the planning page redraws only the section whose choices changed.
let liveView = null;

function href(changes) {
  return buildHash({ ...current, ...changes });
}

function navigate(changes) {
  const next = href(changes);
  if (next === location.hash) route();
  else location.hash = next;
}

function replaceHash(state) {
  history.replaceState(history.state, '', `${location.pathname}${location.search}${buildHash(state)}`);
}

function renderShell() {
  const periodId = 'period-select';
  const period = h('select', { id: periodId, onchange: (e) => navigate({ period: e.target.value, page: 1 }) });
  const basisNote = h('p', { class: 'basis-note', id: 'basis-note' });
  const radios = BASES.map((b) => h('label', { class: 'seg' },
    h('input', { type: 'radio', name: 'basis', value: b, onchange: (e) => navigate({ basis: e.target.value, page: 1 }), 'aria-describedby': 'basis-note' }),
    h('span', null, t(b === 'registry' ? 'basis_registry' : 'basis_labour_force'))));
  const main = h('main', { id: 'main', tabindex: '-1' });
  // The pages: coverage (the regions), planning and the review queue.
  const navCoverage = h('a', { class: 'nav-link', dataset: { testid: 'nav-coverage' } }, t('nav_coverage'));
  const navPlan = h('a', { class: 'nav-link', dataset: { testid: 'nav-plan' } }, t('nav_plan'));
  const navReview = h('a', { class: 'nav-link', dataset: { testid: 'nav-review' } }, t('nav_review'));
  const nav = h('nav', { class: 'topnav', 'aria-label': t('nav_label') }, navCoverage, navPlan, navReview);
  const footer = h('footer', { class: 'footer' });
  const langButton = h('button', {
    type: 'button', class: 'button secondary lang-toggle', lang: getLang() === 'id' ? 'en' : 'id',
    'aria-label': t('lang_toggle_label'), dataset: { testid: 'lang-toggle' },
    onclick: () => {
      setLang(getLang() === 'id' ? 'en' : 'id');
      renderShell();
      route();
      document.querySelector('.lang-toggle')?.focus();
    },
  }, t('lang_toggle'));

  fill(app,
    h('a', { class: 'skip', href: '#main', onclick: (e) => { e.preventDefault(); main.focus(); } }, t('skip')),
    h('header', { class: 'topbar' },
      h('div', { class: 'topbar-inner' },
        h('a', { class: 'brand', href: buildHash({ ...(current || {}), view: 'region', code: '0', page: 1 }) },
          h('span', { class: 'brand-mark', 'aria-hidden': 'true' }),
          h('span', { class: 'brand-text' }, h('span', { class: 'brand-name' }, 'cakupan'), h('span', { class: 'brand-sub' }, t('app_title')))),
        // On the planning page a region found opens its plan; elsewhere its coverage.
        searchBox((code) => { focusHeading = true; navigate({ view: current && current.view === 'plan' ? 'plan' : 'region', code, page: 1 }); }),
        langButton),
      nav),
    h('section', { class: 'controls', 'aria-label': `${t('period')} · ${t('basis')}` },
      h('div', { class: 'controls-inner' },
        h('div', { class: 'control' }, h('label', { for: periodId }, t('period')), period),
        h('fieldset', { class: 'control basis', id: 'basis-control' },
          h('legend', null, t('basis')),
          h('div', { class: 'segmented' }, radios),
          basisNote))),
    main,
    footer);
  shell = { period, radios, basisNote, main, footer, navCoverage, navPlan, navReview };
  liveView = null;
  updateFooter();
}

function updateNav() {
  const view = current ? current.view : 'region';
  shell.navCoverage.href = buildHash({ ...current, view: 'region', page: 1 });
  shell.navPlan.href = buildHash({ ...current, view: 'plan', page: 1 });
  shell.navReview.href = buildHash({ ...current, view: 'review', page: 1 });
  const on = { region: shell.navCoverage, workers: shell.navCoverage, plan: shell.navPlan, review: shell.navReview };
  for (const link of [shell.navCoverage, shell.navPlan, shell.navReview]) {
    if (on[view] === link) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function updateControls() {
  if (!shell || !status) return;
  updateNav();
  const periods = [...(status.periods || [])].reverse();
  if (current.period && !periods.includes(current.period)) periods.unshift(current.period);
  for (const p of status.stale_periods || []) if (!periods.includes(p)) periods.push(p);
  periods.sort().reverse();
  const stale = new Set(status.stale_periods || []);
  fill(shell.period, periods.map((p) => h('option', { value: p, selected: p === current.period },
    stale.has(p) ? `${monthName(p)} (${t('needs_reconcile')})` : monthName(p))));
  shell.period.value = current.period;
  for (const label of shell.radios) {
    const input = label.querySelector('input');
    input.checked = input.value === current.basis;
  }
  shell.basisNote.textContent = current.basis === 'registry' ? t('basis_registry_note') : t('basis_labour_force_note');
  // The review queue has no denominator: the basis would do nothing there.
  document.getElementById('basis-control').hidden = current.view === 'review';
}

function updateFooter() {
  if (!shell) return;
  fill(shell.footer, h('div', { class: 'footer-inner' },
    status ? h('p', null, t('footer_data', { t: dateTime(status.loaded_at), v: status.version })) : null,
    h('p', null, t('footer_definitions'))));
}

function setTitle(name) {
  document.title = `${name} · cakupan`;
  if (focusHeading) {
    focusHeading = false;
    document.getElementById('page-title')?.focus({ preventScroll: true });
  }
}

function dataState(stale, state) {
  const fresh = status.periods || [];
  const box = errorBox({ code: stale.length ? 'stale' : 'no_data', message: null });
  box.dataset.testid = stale.length ? 'stale' : 'no-data';
  if (stale.length) {
    box.append(h('p', { class: 'state-detail' }, t('stale_periods', { list: stale.map((p) => monthName(p)).join(', ') })));
  }
  if (fresh.length) {
    box.append(h('p', { class: 'state-detail' }, t('pick_other_period'), ' ',
      h('a', { href: href({ period: status.latest_period }) }, monthName(status.latest_period))));
  }
  box.append(h('button', { type: 'button', class: 'button secondary', onclick: () => boot() }, t('retry')));
  return box;
}

async function loadStatus() {
  liveView = null;
  fill(shell.main, loading());
  try {
    status = await getJson('/api/status', { lang: getLang() });
    updateFooter();
    return true;
  } catch (err) {
    fill(shell.main, errorBox(err, { onRetry: boot }));
    return false;
  }
}

function route() {
  if (!status) return;
  const previous = current;
  const state = parseHash(location.hash);
  let replaced = false;
  if (!state.code) {
    state.code = startRegion();
    replaced = true;
  }
  if (!state.period) {
    state.period = status.latest_period || [...(status.stale_periods || [])].sort().at(-1) || null;
    replaced = Boolean(state.period) || replaced;
  }
  if (replaced) replaceHash(state);
  current = state;
  updateControls();

  // The same page of the same region, period and basis with other choices:
  // the view redraws what changed (no new request for the rest, no jump).
  if (liveView && previous && previous.view === state.view && previous.code === state.code &&
      previous.period === state.period && previous.basis === state.basis) {
    liveView.update(state);
    return;
  }
  liveView = null;

  // Leaving a view: stop its requests and charts.
  if (controller) controller.abort();
  controller = new AbortController();
  disposeCharts();

  const moved = !previous || previous.code !== state.code || previous.view !== state.view || previous.page !== state.page;
  if (moved && previous) {
    window.scrollTo(0, 0);
    const active = document.activeElement;
    if (!active || active === document.body || shell.main.contains(active)) focusHeading = true;
  }

  const ctx = {
    status,
    signal: controller.signal,
    href,
    navigate: (changes) => {
      focusHeading = true;
      navigate(changes);
    },
    // New choices on the same page (a new history entry, the focus stays).
    update: (changes) => navigate(changes),
    reload: async () => {
      if (await loadStatus()) route();
    },
    // New figures without leaving the view (after decisions were applied).
    refreshStatus: async () => {
      status = await getJson('/api/status', { lang: getLang() });
      updateFooter();
      updateControls();
      return status;
    },
    remember: rememberRegion,
    setTitle,
  };
  fill(shell.main);
  // The review queue has its own states (a stale list says so, no linkage
  // run yet is the API's 409).
  if (state.view === 'review') {
    renderReview(shell.main, state, ctx);
    return;
  }
  // Nothing to show for a period that needs reconciling (the API refuses its
  // figures with 409 stale), or when nothing was reconciled at all.
  const stale = status.stale_periods || [];
  if (stale.includes(state.period) || (!state.period && !(status.periods || []).length)) {
    shell.main.append(dataState(stale, state));
    return;
  }
  if (state.view === 'workers') renderWorkers(shell.main, state, ctx);
  else if (state.view === 'plan') liveView = renderPlan(shell.main, state, ctx) || null;
  else renderRegion(shell.main, state, ctx);
}

async function boot() {
  if (await loadStatus()) route();
}

initLang();
renderShell();
window.addEventListener('hashchange', route);
boot();
