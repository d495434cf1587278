// "Perencanaan": what it takes to close a region's coverage gap and what a
// budget buys. Two sections on one page:
//  - "Selisih target" (GET /api/gaps): per region below, the workers needed to
//    reach a target (the regions' own, the national average, or a percentage)
//    and the yearly cost with a package; totals; CSV/Excel export.
//  - "Alokasi anggaran" (GET /api/plan): a budget, a priority policy, a
//    package, months and the funders' split; the result as a summary, each
//    funder's part, a before/after table and map of the regions below, and the
//    masked list of the workers the budget enrols, with the reason for each.
// Every choice lives in the URL hash (state.js), so a plan can be shared and
// the back button undoes a change; a change of these choices redraws only the
// section it concerns (main.js calls update()).
import { h, fill, withCode, nextId } from '../dom.js';
import { t, pct, int, money, signedInt, monthName, levelsName, getLang, dateLong } from '../i18n.js';
import { getJson } from '../api.js';
import { PLAN_PACKAGES } from '../state.js';
import { parseTarget } from '../plan-input.js';
import { coverageColor, coverageScale } from '../charts.js';
import { card, loading, errorBox, notice, emptyState, exportLinks, dataTable, setBusy } from '../ui.js';
import { breadcrumbs, levelOfCode, parentCode } from './region.js';
import { planSection, planningError, childController, isAbort, regionName } from './plan-allocation.js';

const CHILD_LEVEL = { national: 'province', province: 'regency', regency: 'district', district: 'village' };

const planKey = (s) => [s.budget, s.policy, s.planPackage, s.months, s.funders].join('|');
const has = (v) => v !== null && v !== undefined;

export function renderPlan(root, state, ctx) {
  const lang = getLang();
  const signal = ctx.signal;
  const code = state.code;
  const level = levelOfCode(code);
  let current = state;

  const crumbs = h('nav', { class: 'breadcrumbs', 'aria-label': t('breadcrumbs') });
  const overview = h('section', { class: 'card overview plan-head' });
  root.append(crumbs, overview);

  const regionsP = getJson('/api/regions', { parent: code, lang }, signal);
  regionsP.then((regions) => {
    if (signal.aborted) return;
    ctx.remember(code);
    fill(crumbs, breadcrumbs(regions.path, ctx, null, 'plan'));
  }).catch(() => { /* the head shows the error */ });

  // A village has no region below it to plan for.
  if (level === 'village') {
    regionsP.then((regions) => {
      if (signal.aborted) return;
      ctx.setTitle(`${t('plan_title_page')} · ${regions.parent.name}`);
      fill(overview,
        h('p', { class: 'kicker' }, t('plan_kicker', { p: monthName(state.period) })),
        h('h1', { tabindex: '-1', id: 'page-title' }, `${t('plan_title_page')}: ${regions.parent.name}`),
        notice(t('plan_village'), {
          kind: 'info',
          action: h('a', { class: 'button secondary', href: ctx.href({ view: 'plan', code: parentCode(code), page: 1 }) }, t('plan_village_up')),
        }));
    }).catch((err) => {
      if (!signal.aborted && !isAbort(err)) fill(overview, errorBox(err, { onRetry: ctx.reload }));
    });
    return null;
  }

  const childLevel = CHILD_LEVEL[level];
  const figure = { period: state.period, basis: state.basis, lang };
  const coverageP = getJson('/api/coverage', { region: code, ...figure }, signal);
  coverageP.catch(() => {});

  // ----- head: the region, its coverage against the national reference and its target
  fill(overview, loading());
  Promise.all([regionsP, coverageP]).then(([regions, coverage]) => {
    if (signal.aborted) return;
    const r = coverage.region;
    const name = regionName(r);
    ctx.setTitle(`${t('plan_title_page')} · ${regions.parent.code === '0' ? 'Indonesia' : regions.parent.name}`);
    const basisLabel = state.basis === 'registry' ? t('basis_registry') : t('basis_labour_force');
    const facts = [`${t('coverage')} ${pct(r.coverage)}`];
    if (r.code !== '0' && has(coverage.national_reference)) facts.push(`${t('national_reference')} ${pct(coverage.national_reference)}`);
    if (has(r.target)) facts.push(`${t('target')} ${pct(r.target)}`);
    fill(overview,
      h('p', { class: 'kicker' }, [t('plan_kicker', { p: monthName(coverage.period) }), basisLabel].join(' · ')),
      h('h1', { tabindex: '-1', id: 'page-title', dataset: { testid: 'plan-title' } }, `${t('plan_title_page')}: ${name}`),
      h('p', { class: 'plan-facts', dataset: { testid: 'plan-facts' } }, facts.join(' · '), ' · ',
        h('a', { href: ctx.href({ view: 'region', code, page: 1 }) }, t('plan_see_coverage'))),
      h('p', { class: 'plan-intro' }, withCode(t('plan_intro'))));
  }).catch((err) => {
    if (signal.aborted || isAbort(err)) return;
    fill(overview, errorBox(err, { onRetry: ctx.reload }));
  });

  const gaps = gapsSection(state, ctx, childLevel);
  const plan = planSection(state, ctx, childLevel, coverageP);
  root.append(gaps.el, plan.el);

  return {
    // A new state for the same region, period and basis: redraw what changed.
    update(next) {
      const prev = current;
      current = next;
      if (prev.target !== next.target || prev.gapPackage !== next.gapPackage) gaps.update(next);
      if (planKey(prev) !== planKey(next)) plan.update(next);
      else if (prev.page !== next.page) plan.page(next);
    },
  };
}

// ------------------------------------------------------------- Selisih target
function gapsSection(initial, ctx, childLevel) {
  const lang = getLang();
  let state = initial;
  let controller = null;
  const c = card(t('gaps_title'), { className: 'gaps-card' });
  c.el.dataset.testid = 'gaps';

  // Controls: target (own / national / custom %) and package.
  const errorId = nextId('gap-target-error');
  const customId = nextId('gap-target-custom');
  const error = h('p', { id: errorId, class: 'field-error', 'aria-live': 'polite', dataset: { testid: 'gap-target-error' } });
  const custom = h('input', {
    id: customId, type: 'text', inputmode: 'decimal', autocomplete: 'off', class: 'percent-input',
    placeholder: t('gap_target_custom_placeholder'), 'aria-describedby': errorId, dataset: { testid: 'gap-target-percent' },
    oninput: () => {
      radios.custom.checked = true;
      clearError();
    },
    onkeydown: (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        apply();
      }
    },
  });
  const radio = (value, label, extra) => {
    const input = h('input', {
      type: 'radio', name: 'gap-target', value, dataset: { testid: `gap-target-${value}` },
      onchange: () => {
        if (value === 'custom') {
          if (!custom.value.trim()) {
            custom.focus();
            return;
          }
        }
        apply();
      },
    });
    return { input, el: h('label', { class: 'radio-line' }, input, h('span', null, label), extra || null) };
  };
  const own = radio('own', t('gap_target_own'));
  const national = radio('national', t('gap_target_national'));
  const customRadio = radio('custom', t('gap_target_custom'));
  const radios = { own: own.input, national: national.input, custom: customRadio.input };
  const customLabel = h('label', { for: customId, class: 'visually-hidden' }, t('gap_target_custom_label'));
  const pkgId = nextId('gap-package');
  const pkg = h('select', { id: pkgId, dataset: { testid: 'gap-package' }, onchange: () => apply() },
    PLAN_PACKAGES.map((p) => h('option', { value: p }, t(`package_${p}`))));
  const apply = () => {
    let target = radios.national.checked ? 'national' : 'own';
    if (radios.custom.checked) {
      const parsed = parseTarget(custom.value);
      if (!parsed.ok) {
        showError(t(`target_err_${parsed.error}`));
        custom.focus();
        return;
      }
      target = parsed.param;
    }
    clearError();
    ctx.update({ target, gapPackage: pkg.value, page: state.page });
  };
  function showError(text) {
    error.textContent = text;
    custom.setAttribute('aria-invalid', 'true');
  }
  function clearError() {
    error.textContent = '';
    custom.removeAttribute('aria-invalid');
  }
  const form = h('form', {
    class: 'plan-controls', novalidate: true, dataset: { testid: 'gaps-form' },
    onsubmit: (e) => {
      e.preventDefault();
      apply();
    },
  },
  h('fieldset', { class: 'target-choice' },
    h('legend', null, t('gap_target')),
    h('div', { class: 'radio-row' }, own.el, national.el, customRadio.el,
      h('span', { class: 'percent-field' }, customLabel, custom, h('span', { 'aria-hidden': 'true' }, '%')),
      h('button', { type: 'submit', class: 'button secondary small' }, t('apply'))),
    error),
  h('div', { class: 'field' }, h('label', { for: pkgId }, t('package')), pkg));

  const body = h('div', { class: 'gaps-body', 'aria-live': 'polite' });
  c.body.append(form, body);

  function syncControls(s) {
    const fixed = s.target !== 'own' && s.target !== 'national';
    radios.own.checked = s.target === 'own';
    radios.national.checked = s.target === 'national';
    radios.custom.checked = fixed;
    if (fixed) custom.value = lang === 'id' ? s.target.replace('.', ',') : s.target;
    pkg.value = s.gapPackage;
    clearError();
  }

  function load(s) {
    state = s;
    syncControls(s);
    if (controller) controller.abort();
    controller = childController(ctx.signal);
    const signal = controller.signal;
    const params = { region: s.code, target: s.target, package: s.gapPackage, period: s.period, basis: s.basis, lang };
    fill(body, loading());
    setBusy(body, true);
    c.actions.replaceChildren();
    getJson('/api/gaps', params, signal).then((g) => {
      if (signal.aborted) return;
      fill(body);
      c.actions.replaceChildren(exportLinks('/api/gaps', params, t('gaps_export_what')));
      renderGaps(body, g, s, ctx, childLevel);
    }).catch((err) => {
      if (signal.aborted || isAbort(err)) return;
      fill(body, planningError(err, () => load(state)));
    }).finally(() => {
      if (!signal.aborted) setBusy(body, false);
    });
  }

  load(initial);
  return { el: c.el, update: load };
}

function gapSentence(g) {
  const r = g.region;
  const name = regionName(r);
  if (!has(r.workers)) return t('gaps_sentence_no_workers', { region: name });
  if (!has(r.target)) return t('gaps_sentence_no_target', { region: name });
  if (r.needed > 0) return t('gaps_sentence', { region: name, n: signedInt(r.needed), target: pct(r.target), cost: money(r.yearly_cost) });
  return t('gaps_sentence_met', { region: name, target: pct(r.target), coverage: pct(r.coverage) });
}

function targetLine(g) {
  const kind = g.target && g.target.kind;
  if (kind === 'own') return t('gaps_target_own_line');
  if (kind === 'national') return t('gaps_target_national_line', { v: pct(g.target.value) });
  return t('gaps_target_fixed_line', { v: pct(g.target && g.target.value) });
}

function neededCell(row) {
  if (!has(row.needed)) return '–';
  if (row.needed <= 0) return h('span', { class: 'badge ok' }, h('span', { 'aria-hidden': 'true' }, '✓ '), t('reached'));
  return signedInt(row.needed);
}

function renderGaps(el, g, state, ctx, childLevel) {
  const r = g.region;
  const name = regionName(r);
  const scale = coverageScale(g.national_reference);
  const pkgLabel = t(`package_${g.package}`) === `package_${g.package}` ? `${g.package} (${g.programmes})` : t(`package_${g.package}`);
  el.append(
    h('p', { class: 'plan-sentence', dataset: { testid: 'gaps-sentence' } }, gapSentence(g)),
    h('p', { class: 'muted small', dataset: { testid: 'gaps-package-line' } },
      withCode(targetLine(g)), ' ',
      t('gaps_package_line', { pkg: pkgLabel, cost: money(g.cost_per_worker_year), date: dateLong(g.worker_year && g.worker_year.date) })));

  if (!g.rows.length) {
    el.append(emptyState(t('no_rows')));
    return;
  }
  const workersLabel = state.basis === 'registry' ? t('col_registry_workers') : t('col_employed');
  const columns = [
    {
      key: 'name', label: t('col_region'), sort: (x) => (x.foot ? null : x.name.toLocaleLowerCase()),
      render: (x) => (x.foot ? h('strong', null, x.label)
        : h('a', { href: ctx.href({ view: 'plan', code: x.code, page: 1 }), dataset: { code: x.code }, title: t('plan_for', { region: x.name }) }, x.name)),
    },
    { key: 'workers', label: workersLabel, num: true, render: (x) => int(x.workers) },
    { key: 'active', label: t('col_active'), num: true, render: (x) => int(x.active) },
    {
      key: 'coverage', label: t('col_coverage'), num: true,
      render: (x) => (!has(x.coverage) ? '–'
        : h('span', { class: 'cov' }, h('i', { class: 'swatch', 'aria-hidden': 'true', style: { background: coverageColor(x.coverage, scale) } }), pct(x.coverage))),
    },
    { key: 'target', label: t('col_target'), num: true, render: (x) => pct(x.target) },
    { key: 'needed', label: t('col_needed'), num: true, render: neededCell },
    { key: 'yearly_cost', label: t('col_yearly_cost'), num: true, render: (x) => money(x.yearly_cost) },
  ];
  const foot = [
    { foot: 'rows', label: t('gaps_rows_total'), workers: null, active: null, coverage: null, target: null, needed: g.rows_needed, yearly_cost: g.rows_cost },
    { ...r, foot: 'region', label: t('gaps_region_total', { region: name }) },
  ];
  el.append(dataTable({
    caption: t('gaps_caption', { level: levelsName(childLevel), region: name }),
    columns, rows: g.rows, foot, sortable: true, testId: 'gaps-table',
  }));
  const notes = [];
  if (g.rows_without_workers > 0) {
    notes.push(notice(t(state.basis === 'labour-force' ? 'gaps_rows_without_workers_lf' : 'gaps_rows_without_workers', { n: int(g.rows_without_workers) }), {
      kind: 'warning',
      action: state.basis === 'labour-force'
        ? h('button', { type: 'button', class: 'button secondary', onclick: () => ctx.navigate({ basis: 'registry' }) }, t('use_registry'))
        : null,
    }));
  }
  if (g.rows_without_target > 0 && g.target && g.target.kind === 'own') {
    notes.push(notice(t('gaps_rows_without_target', { n: int(g.rows_without_target) }), { kind: 'info' }));
  }
  el.append(...notes,
    h('p', { class: 'definition' }, h('strong', null, `${t('definition')}: `), t('gaps_definition')));
}

