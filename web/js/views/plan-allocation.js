// "Alokasi anggaran", the budget-allocation section of the planning page
// (views/plan.js): the form (budget, policy, package, months, funders — read
// and checked by plan-input.js), GET /api/plan with a wait state, and the
// result: summary, each funder's part, before/after table and map of the
// regions below, and the masked list of the workers funded, paged.
import { h, fill, withCode, nextId } from '../dom.js';
import { t, pct, int, money, signedPoints, monthName, levelsName, getLang, dateLong } from '../i18n.js';
import { getJson, ApiError } from '../api.js';
import { POLICIES, PLAN_PACKAGES, DEFAULT_MONTHS } from '../state.js';
import { parseBudget, checkFunders, fundersFromParam, MAX_FUNDERS, MAX_BUDGET } from '../plan-input.js';
import { mapOption, coverageColor, coverageScale, chartsAvailable, mountChart, disposeChart } from '../charts.js';
import { card, loading, errorBox, notice, emptyState, exportLinks, dataTable, setBusy } from '../ui.js';

const PAGE_SIZE = 25;
const DEFAULT_FUNDERS = [{ name: 'apbd', share: '100' }];
const PRESET_FUNDERS = [{ name: 'provinsi', share: '30' }, { name: 'kabupaten', share: '70' }];

// An AbortController that also aborts when the view is left.
export function childController(parent) {
  const c = new AbortController();
  if (parent.aborted) c.abort();
  else parent.addEventListener('abort', () => c.abort(), { once: true });
  return c;
}

export const isAbort = (err) => err && err.name === 'AbortError';
export const regionName = (r) => (r.code === '0' ? 'Indonesia' : r.name);
const has = (v) => v !== null && v !== undefined;

// 0.37 -> 0.38: '+1,0' points.
function pointsChange(before, after) {
  if (!has(before) || !has(after)) return '–';
  return signedPoints((after - before) * 100);
}

export function planSection(initial, ctx, childLevel, coverageP) {
  const lang = getLang();
  let state = initial;
  let controller = null;
  let mapChart = null;
  let mapController = null;
  let lastPlan = null;
  const c = card(t('plan_alloc_title'), { className: 'alloc-card' });
  c.el.dataset.testid = 'alloc';

  // --- budget
  const budgetId = nextId('budget');
  const budgetHint = nextId('budget-hint');
  const budgetEcho = h('p', { id: nextId('budget-echo'), class: 'field-echo', dataset: { testid: 'budget-echo' } });
  const budgetError = h('p', { id: nextId('budget-error'), class: 'field-error', 'aria-live': 'polite', dataset: { testid: 'budget-error' } });
  const budget = h('input', {
    id: budgetId, type: 'text', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false', class: 'budget-input',
    placeholder: t('budget_placeholder'), 'aria-describedby': `${budgetHint} ${budgetEcho.id} ${budgetError.id}`,
    dataset: { testid: 'budget' },
    oninput: () => echoBudget(false),
    onblur: () => echoBudget(true),
  });
  function echoBudget(strict) {
    const parsed = parseBudget(budget.value);
    if (parsed.ok) {
      budgetEcho.textContent = `= ${money(parsed.value)}`;
      setFieldError(budget, budgetError, null);
    } else {
      budgetEcho.textContent = '';
      // While typing only the serious errors; all of them on leaving the field.
      const quiet = parsed.error === 'empty' || (!strict && parsed.error === 'format');
      setFieldError(budget, budgetError, quiet ? null : budgetMessage(parsed.error));
    }
    return parsed;
  }

  // --- policy
  const policyRadios = POLICIES.map((p) => {
    const descId = nextId('policy-desc');
    const labelId = nextId('policy-label');
    const input = h('input', {
      type: 'radio', name: 'plan-policy', value: p, 'aria-labelledby': labelId, 'aria-describedby': descId, dataset: { testid: `policy-${p}` },
    });
    return {
      input,
      el: h('label', { class: 'policy-option' }, input,
        h('span', { class: 'policy-text' },
          h('span', { id: labelId, class: 'policy-label' }, t(`policy_${p}`)),
          h('span', { id: descId, class: 'policy-desc' }, t(`policy_${p}_desc`, { level: levelsName(childLevel) })))),
    };
  });

  // --- package, months
  const pkgId = nextId('plan-package');
  const pkg = h('select', { id: pkgId, dataset: { testid: 'plan-package' } },
    PLAN_PACKAGES.map((p) => h('option', { value: p }, t(`package_${p}`))));
  const monthsId = nextId('months');
  const monthsHint = nextId('months-hint');
  const monthsError = h('p', { id: nextId('months-error'), class: 'field-error', 'aria-live': 'polite', dataset: { testid: 'months-error' } });
  const months = h('input', {
    id: monthsId, type: 'number', min: '1', max: '120', step: '1', inputmode: 'numeric', class: 'months-input',
    'aria-describedby': `${monthsHint} ${monthsError.id}`, dataset: { testid: 'plan-months' },
  });

  // --- funders
  const fundersList = h('div', { class: 'funders', role: 'list' });
  const fundersSum = h('p', { class: 'funders-sum', 'aria-live': 'polite', dataset: { testid: 'funder-sum' } });
  const fundersError = h('p', { id: nextId('funders-error'), class: 'field-error', 'aria-live': 'polite', dataset: { testid: 'funders-error' } });
  const fundersHint = h('p', { id: nextId('funders-hint'), class: 'muted small' }, t('funders_hint'));
  let funderRows = [];
  const addButton = h('button', {
    type: 'button', class: 'button secondary small', dataset: { testid: 'funder-add' },
    onclick: () => {
      if (funderRows.length >= MAX_FUNDERS) return;
      addFunder({ name: '', share: '' }).name.focus();
      refreshFunders(false);
    },
  }, '+ ', t('funder_add'));
  const presetButton = h('button', {
    type: 'button', class: 'button link small', dataset: { testid: 'funder-preset' },
    onclick: () => {
      setFunders(PRESET_FUNDERS);
      funderRows[0].name.focus();
    },
  }, t('funder_preset'));
  function addFunder(f) {
    const i = funderRows.length + 1;
    const nameId = nextId('funder-name');
    const shareId = nextId('funder-share');
    const rowError = h('p', { id: nextId('funder-error'), class: 'field-error', 'aria-live': 'polite' });
    const row = {
      name: h('input', {
        id: nameId, type: 'text', autocomplete: 'off', spellcheck: 'false', value: f.name, list: 'funder-names',
        'aria-describedby': `${fundersHint.id} ${rowError.id}`, dataset: { testid: 'funder-name' }, maxlength: '40',
        oninput: () => refreshFunders(false),
      }),
      share: h('input', {
        id: shareId, type: 'text', inputmode: 'numeric', autocomplete: 'off', value: f.share, class: 'share-input',
        'aria-describedby': rowError.id, dataset: { testid: 'funder-share' },
        oninput: () => refreshFunders(false),
      }),
      error: rowError,
    };
    row.remove = h('button', {
      type: 'button', class: 'button secondary small', dataset: { testid: 'funder-remove' },
      'aria-label': t('funder_remove_label', { n: i }),
      onclick: () => {
        const at = funderRows.indexOf(row);
        funderRows.splice(at, 1);
        row.el.remove();
        relabel();
        refreshFunders(false);
        (funderRows[Math.max(0, at - 1)]?.name || addButton).focus();
      },
    }, t('funder_remove'));
    row.nameLabel = h('label', { for: nameId }, t('funder_name', { n: i }));
    row.shareLabel = h('label', { for: shareId }, t('funder_share'));
    row.el = h('div', { class: 'funder', role: 'listitem', dataset: { testid: 'funder' } },
      h('div', { class: 'field funder-name' }, row.nameLabel, row.name),
      h('div', { class: 'field funder-share' }, row.shareLabel, h('span', { class: 'percent-field' }, row.share, h('span', { 'aria-hidden': 'true' }, '%'))),
      row.remove, rowError);
    funderRows.push(row);
    fundersList.append(row.el);
    relabel();
    return row;
  }
  function relabel() {
    funderRows.forEach((row, i) => {
      row.nameLabel.textContent = t('funder_name', { n: i + 1 });
      row.remove.setAttribute('aria-label', t('funder_remove_label', { n: i + 1 }));
      row.remove.disabled = funderRows.length === 1;
    });
    addButton.disabled = funderRows.length >= MAX_FUNDERS;
  }
  function setFunders(list) {
    funderRows = [];
    fillEmpty(fundersList);
    for (const f of list) addFunder(f);
    refreshFunders(false);
  }
  // The sum as typed; the messages of each row only when `strict` (on run).
  function refreshFunders(strict) {
    const check = checkFunders(funderRows.map((r) => ({ name: r.name.value, share: r.share.value })));
    fundersSum.textContent = t('funders_sum', { s: int(check.sum) });
    fundersSum.classList.toggle('bad', check.sum !== 100);
    funderRows.forEach((row, i) => {
      const errs = check.rows[i];
      const message = [errs.name ? t(`funder_err_${errs.name}`) : null, errs.share ? t(`funder_err_${errs.share}`) : null].filter(Boolean).join(' ');
      const show = strict || (errs.name && errs.name !== 'name_empty') || (errs.share && errs.share !== 'share_empty');
      row.error.textContent = show ? message : '';
      toggleInvalid(row.name, show && errs.name);
      toggleInvalid(row.share, show && errs.share);
    });
    fundersError.textContent = check.error === 'sum' ? t('funder_err_sum', { s: int(check.sum) })
      : check.error === 'count' ? t('funder_err_count', { n: MAX_FUNDERS }) : '';
    return check;
  }

  // --- run
  const runButton = h('button', { type: 'submit', class: 'button primary', dataset: { testid: 'plan-run' } }, t('plan_run'));
  const runStatus = h('span', { class: 'run-status muted small', role: 'status', dataset: { testid: 'plan-run-status' } });
  const formErrors = h('div', { class: 'form-errors', 'aria-live': 'assertive' });
  const datalist = h('datalist', { id: 'funder-names' },
    ['provinsi', 'kabupaten', 'kota', 'apbd', 'apbdes', 'csr', 'baznas'].map((n) => h('option', { value: n })));

  const form = h('form', {
    class: 'plan-form', novalidate: true, dataset: { testid: 'plan-form' },
    onsubmit: (e) => {
      e.preventDefault();
      run();
    },
  },
  h('div', { class: 'plan-form-grid' },
    h('div', { class: 'plan-form-col' },
      h('div', { class: 'field' },
        h('label', { for: budgetId }, t('budget')),
        budget,
        h('p', { id: budgetHint, class: 'muted small' }, t('budget_hint')),
        budgetEcho, budgetError),
      h('fieldset', { class: 'policy-choice' },
        h('legend', null, t('policy')),
        policyRadios.map((p) => p.el))),
    h('div', { class: 'plan-form-col' },
      h('div', { class: 'field' }, h('label', { for: pkgId }, t('package')), pkg),
      h('div', { class: 'field' },
        h('label', { for: monthsId }, t('months')),
        months,
        h('p', { id: monthsHint, class: 'muted small' }, t('months_hint')),
        monthsError),
      h('fieldset', { class: 'funders-choice', 'aria-describedby': fundersError.id },
        h('legend', null, t('funders')),
        fundersHint, fundersList, datalist,
        h('div', { class: 'funders-actions' }, addButton, presetButton),
        fundersSum, fundersError))),
  formErrors,
  h('div', { class: 'plan-run' }, runButton, runStatus));

  const results = h('div', { class: 'plan-results', dataset: { testid: 'plan-results' } });
  c.body.append(h('p', { class: 'plan-intro' }, t('plan_alloc_intro')), form, results);

  function fillForm(s) {
    budget.value = s.budget ? int(Number(s.budget)) : '';
    echoBudget(false);
    for (const p of policyRadios) p.input.checked = p.input.value === s.policy;
    pkg.value = s.planPackage;
    months.value = String(s.months || DEFAULT_MONTHS);
    setFieldError(months, monthsError, null);
    setFunders(fundersFromParam(s.funders) || DEFAULT_FUNDERS);
  }

  // Reads and checks the form; {ok, changes} or shows every message and
  // focuses the first wrong field.
  function readForm() {
    const problems = [];
    const b = echoBudget(true);
    if (!b.ok) problems.push({ field: budget, text: budgetMessage(b.error) });
    const m = /^\d{1,3}$/.test(months.value.trim()) ? Number(months.value.trim()) : NaN;
    if (!(m >= 1 && m <= 120)) {
      setFieldError(months, monthsError, t('months_err'));
      problems.push({ field: months, text: t('months_err') });
    } else {
      setFieldError(months, monthsError, null);
    }
    const f = refreshFunders(true);
    if (!f.ok) {
      const at = f.rows.findIndex((r) => r.name || r.share);
      const field = at >= 0 ? (f.rows[at].name ? funderRows[at].name : funderRows[at].share) : funderRows[0]?.share || addButton;
      problems.push({ field, text: f.error === 'sum' ? t('funder_err_sum', { s: int(f.sum) }) : t('funders_invalid') });
    }
    fill(formErrors);
    if (problems.length) {
      formErrors.append(h('div', { class: 'state error', dataset: { testid: 'plan-form-errors' } },
        h('p', { class: 'state-main' }, t('plan_form_invalid', { n: problems.length })),
        h('ul', null, problems.map((p) => h('li', null, p.text)))));
      problems[0].field.focus();
      return { ok: false };
    }
    const policy = policyRadios.find((p) => p.input.checked)?.input.value || POLICIES[0];
    const funders = f.param.toLowerCase() === 'apbd:100' ? null : f.param;
    return { ok: true, changes: { budget: String(b.value), policy, planPackage: pkg.value, months: m, funders, page: 1 } };
  }

  function run() {
    const read = readForm();
    if (!read.ok) return;
    budget.value = int(Number(read.changes.budget));
    // The same plan again (a retry): no new history entry, just the request.
    if (ctx.href({ ...state, ...read.changes }) === location.hash) load(state, { keepForm: true });
    else ctx.update(read.changes);
  }

  function planParams(s) {
    const p = {
      region: s.code, budget: s.budget, policy: s.policy, package: s.planPackage, months: s.months,
      period: s.period, basis: s.basis, lang,
    };
    if (s.funders) p.funders = s.funders;
    return p;
  }

  // The wait state. The button stays usable: a changed form can be run at
  // once (the request under way is dropped), and Enter in a field still submits.
  function setRunning(on) {
    runButton.textContent = on ? t('plan_running') : t('plan_run');
    runButton.classList.toggle('running', on);
    runStatus.textContent = on ? t('plan_running_status') : '';
    setBusy(results, on);
  }

  function clearResults() {
    if (mapController) mapController.abort();
    if (mapChart) {
      disposeChart(mapChart);
      mapChart = null;
    }
    fill(results);
  }

  // The plan of state `s` (page s.page of the worker list).
  function load(s, { keepForm = false } = {}) {
    state = s;
    if (!keepForm) fillForm(s);
    if (controller) controller.abort();
    if (!s.budget) {
      setRunning(false);
      clearResults();
      results.append(emptyState(t('plan_empty')));
      return;
    }
    controller = childController(ctx.signal);
    const signal = controller.signal;
    setRunning(true);
    clearResults();
    results.append(loading(t('plan_running_status')));
    const planP = getJson('/api/plan', { ...planParams(s), page: s.page, page_size: PAGE_SIZE }, signal);
    Promise.all([planP, coverageP.catch(() => null)]).then(([p, coverage]) => {
      if (signal.aborted) return;
      setRunning(false);
      lastPlan = p;
      clearResults();
      renderResults(p, s, coverage);
      runStatus.textContent = t('plan_done', { n: int(p.enrolled), region: regionName(p.region) });
    }).catch((err) => {
      if (signal.aborted || isAbort(err)) return;
      setRunning(false);
      clearResults();
      results.append(planError(err, () => load(state, { keepForm: true })));
    });
  }

  // Another page of the worker list: only the list is redrawn.
  function loadPage(s) {
    state = s;
    const list = results.querySelector('[data-testid="plan-workers"]');
    if (!list || !lastPlan) {
      load(s);
      return;
    }
    if (controller) controller.abort();
    controller = childController(ctx.signal);
    const signal = controller.signal;
    const body = list.querySelector('.card-body');
    setBusy(body, true);
    getJson('/api/plan', { ...planParams(s), page: s.page, page_size: PAGE_SIZE }, signal).then((p) => {
      if (signal.aborted) return;
      setBusy(body, false);
      lastPlan = p;
      fill(body);
      renderWorkerList(body, p, s);
      list.querySelector('h4').focus();
    }).catch((err) => {
      if (signal.aborted || isAbort(err)) return;
      setBusy(body, false);
      fill(body, errorBox(err, { onRetry: () => loadPage(state) }));
    });
  }

  function renderResults(p, s, coverage) {
    const national = coverage ? coverage.national_reference : null;
    const name = regionName(p.region);
    const summaryId = nextId('summary');
    const fact = (label, value, testid, note) => h('div', null, h('dt', null, label),
      h('dd', { dataset: { testid } }, value, note ? h('span', { class: 'fact-note' }, note) : null));
    const rise = pointsChange(p.coverage_before, p.coverage_after);
    results.append(
      h('h3', { id: summaryId, tabindex: '-1', class: 'results-title' }, t('plan_results_title', { region: name })),
      h('p', { class: 'plan-sentence', dataset: { testid: 'plan-sentence' } }, planSentence(p)),
      h('dl', { class: 'facts plan-summary', 'aria-labelledby': summaryId, dataset: { testid: 'plan-summary' } },
        fact(t('sum_budget'), money(p.budget), 'plan-budget'),
        fact(t('sum_cost'), money(p.cost), 'plan-cost', t('sum_cost_note', { c: money(p.cost_per_worker), m: int(p.months) })),
        fact(t('sum_remaining'), money(p.remaining), 'plan-remaining'),
        fact(t('sum_enrolled'), int(p.enrolled), 'plan-enrolled', t('sum_candidates', { n: int(p.candidates) })),
        fact(t('sum_unfunded'), int(p.unfunded), 'plan-unfunded', p.unfunded > 0 ? t('sum_unfunded_note', { c: money(p.unfunded_cost) }) : null),
        fact(t('sum_coverage'), `${pct(p.coverage_before)} → ${pct(p.coverage_after)}`, 'plan-coverage',
          t('points', { p: rise }))),
      h('p', { class: 'muted small' }, t('plan_meta', {
        policy: p.policy_label || t(`policy_${p.policy}`),
        pkg: t(`package_${p.package}`) === `package_${p.package}` ? p.package_label || p.package : t(`package_${p.package}`),
        date: dateLong(p.date), period: monthName(p.period),
      })));
    // The server's notes: what is left over and why, who is not a candidate.
    if (Array.isArray(p.notes) && p.notes.length) {
      results.append(h('ul', { class: 'plan-notes small', dataset: { testid: 'plan-notes' } }, p.notes.map((n) => h('li', null, withCode(n)))));
    }
    if (p.candidates === 0) results.append(notice(t('plan_no_candidates', { region: name }), { kind: 'info' }));
    else if (p.enrolled === 0) results.append(notice(t('plan_too_small', { c: money(p.cost_per_worker), m: int(p.months) }), { kind: 'warning' }));

    // Each funder's part.
    results.append(h('h4', { class: 'sub-title' }, t('funders_result')),
      dataTable({
        caption: t('funders_caption', { c: money(p.cost) }), captionHidden: false, testId: 'plan-funders',
        columns: [
          { key: 'name', label: t('col_funder'), rowHeader: true },
          { key: 'share_percent', label: t('col_share'), num: true, render: (f) => `${shareText(f.share_percent)}%` },
          { key: 'amount', label: t('col_amount'), num: true, render: (f) => money(f.amount) },
        ],
        rows: p.funders || [],
      }));

    // Before/after per region below: map and table.
    const mapCard = card(t('plan_map_title'), { level: 4, className: 'sub' });
    mapCard.el.dataset.testid = 'plan-map';
    const tableCard = card(t('plan_rows_title', { level: levelsName(childLevel) }), { level: 4, className: 'sub compact-table' });
    results.append(tableCard.el, mapCard.el);
    renderRowsTable(tableCard.body, p, s, national);
    renderPlanMap(mapCard, p, national);

    // The workers.
    const list = card(t('plan_workers_title'), { level: 4, className: 'sub compact-table' });
    list.el.dataset.testid = 'plan-workers';
    list.el.querySelector('h4').setAttribute('tabindex', '-1');
    list.actions.replaceChildren(exportLinks('/api/plan', planParams(s), t('plan_workers_what')));
    results.append(list.el);
    renderWorkerList(list.body, p, s);
  }

  function renderRowsTable(el, p, s, national) {
    if (!p.rows || !p.rows.length) {
      el.append(emptyState(t('no_rows')));
      return;
    }
    const scale = coverageScale(national);
    const covCell = (v) => (!has(v) ? '–'
      : h('span', { class: 'cov' }, h('i', { class: 'swatch', 'aria-hidden': 'true', style: { background: coverageColor(v, scale) } }), pct(v)));
    const name = regionName(p.region);
    el.append(dataTable({
      caption: t('plan_rows_caption', { level: levelsName(childLevel), region: name }),
      testId: 'plan-rows', sortable: true,
      columns: [
        {
          key: 'name', label: t('col_region'), sort: (x) => (x.foot ? null : x.name.toLocaleLowerCase()),
          render: (x) => (x.foot ? h('strong', null, x.label) : h('a', { href: ctx.href({ view: 'plan', code: x.code, page: 1 }) }, x.name)),
        },
        { key: 'workers', label: s.basis === 'registry' ? t('col_registry_workers') : t('col_employed'), num: true, render: (x) => int(x.workers) },
        { key: 'active_before', label: t('col_active_before'), num: true, render: (x) => int(x.active_before) },
        { key: 'enrolled', label: t('col_enrolled'), num: true, render: (x) => int(x.enrolled) },
        { key: 'active_after', label: t('col_active_after'), num: true, render: (x) => int(x.active_after) },
        { key: 'coverage_before', label: t('col_cov_before'), num: true, render: (x) => covCell(x.coverage_before) },
        { key: 'coverage_after', label: t('col_cov_after'), num: true, render: (x) => covCell(x.coverage_after) },
        { key: 'rise', label: t('col_rise'), num: true, sort: (x) => (has(x.coverage_after) && has(x.coverage_before) ? x.coverage_after - x.coverage_before : null), render: (x) => pointsChange(x.coverage_before, x.coverage_after) },
        { key: 'cost', label: t('col_cost'), num: true, render: (x) => money(x.cost) },
        { key: 'unfunded', label: t('col_unfunded'), num: true, render: (x) => int(x.unfunded) },
      ],
      rows: p.rows,
      // The region's own line (its figures, when the answer carries them as a row).
      foot: [{
        active_before: null, active_after: null, workers: null, ...p.region,
        foot: 'region', label: t('gaps_region_total', { region: name }),
        coverage_before: p.coverage_before, coverage_after: p.coverage_after, enrolled: p.enrolled, cost: p.cost,
        unfunded: p.unfunded,
      }],
    }));
  }

  function renderPlanMap(mapCard, p, national) {
    const el = mapCard.body;
    if (ctx.status.has_boundaries === false) {
      el.append(notice(t('no_boundaries'), { kind: 'info' }));
      return;
    }
    if (!chartsAvailable()) {
      el.append(notice(t('err_charts'), { kind: 'warning' }));
      return;
    }
    const rows = p.rows || [];
    if (!rows.some((r) => has(r.coverage_before) || has(r.coverage_after))) {
      el.append(notice(t('ranking_none'), { kind: 'warning' }));
      return;
    }
    mapController = childController(ctx.signal);
    const signal = mapController.signal;
    el.append(loading());
    getJson('/api/boundaries', { parent: p.region.code, lang }, signal).then((geo) => {
      if (signal.aborted) return;
      fill(el);
      const mapName = `rencana-${p.region.code}`;
      window.echarts.registerMap(mapName, geo);
      let when = 'after';
      const rowsFor = (w) => rows.map((r) => ({ code: r.code, name: r.name, coverage: w === 'after' ? r.coverage_after : r.coverage_before, row: r }));
      const describe = (x) => [
        `${t('col_before')}: ${pct(x.row.coverage_before)}`,
        `${t('col_after')}: ${pct(x.row.coverage_after)}`,
        `${t('col_enrolled')}: ${int(x.row.enrolled)}`,
      ];
      const box = h('div', { class: 'chart map', role: 'img', style: { height: '420px' }, dataset: { testid: 'plan-map-chart', when } });
      const label = () => t('plan_map_aria', { level: levelsName(childLevel), when: t(`map_${when}`).toLowerCase() });
      box.setAttribute('aria-label', label());
      const toggle = h('fieldset', { class: 'map-toggle' },
        h('legend', { class: 'visually-hidden' }, t('map_show')),
        h('div', { class: 'segmented' }, ['before', 'after'].map((w) => h('label', { class: 'seg' },
          h('input', {
            type: 'radio', name: 'map-when', value: w, checked: w === when, dataset: { testid: `map-${w}` },
            onchange: () => {
              when = w;
              box.dataset.when = w;
              box.setAttribute('aria-label', label());
              if (mapChart) mapChart.setOption(mapOption(mapName, rowsFor(when), national, { describe }), true);
            },
          }),
          h('span', null, t(`map_${w}`))))));
      mapCard.actions.replaceChildren(toggle);
      el.append(box);
      mapChart = mountChart(box, mapOption(mapName, rowsFor(when), national, { describe }), {
        onClick: (e) => {
          if (e.componentType === 'series' && rows.some((r) => r.code === e.name)) ctx.navigate({ view: 'plan', code: e.name, page: 1 });
        },
      });
    }).catch((err) => {
      if (signal.aborted || isAbort(err)) return;
      fill(el, err.code === 'no_boundaries' ? notice(t('no_boundaries'), { kind: 'info' }) : errorBox(err));
    });
  }

  function renderWorkerList(el, p, s) {
    const w = p.workers || { total: 0, items: [], page: 1, pages: 1 };
    el.append(h('p', { class: 'total', dataset: { testid: 'plan-workers-total' } }, t('plan_workers_total', { n: int(w.total) })),
      h('p', { class: 'muted small privacy' }, t('workers_privacy')));
    if (!w.items.length) {
      el.append(emptyState(t('plan_workers_empty')));
      return;
    }
    el.append(dataTable({
      caption: t('plan_workers_caption', { region: regionName(p.region), p: int(w.page), n: int(w.pages) }),
      testId: 'plan-workers-table',
      columns: [
        { key: 'rank', label: t('col_rank_short'), num: true, render: (x) => int(x.rank) },
        { key: 'nik', label: t('col_nik'), className: 'mono', render: (x) => h('span', { title: t('nik_note') }, x.nik) },
        { key: 'name', label: t('col_name'), className: 'mono' },
        { key: 'village_name', label: t('col_village'), className: 'wrap', render: (x) => x.village_name || x.village || '–' },
        { key: 'decile', label: t('col_decile'), num: true, render: (x) => (x.decile ? int(x.decile) : '–') },
        { key: 'vulnerability', label: t('col_vulnerability'), render: (x) => vulnerabilityText(x.vulnerability) },
        { key: 'occupation', label: t('col_occupation'), className: 'wrap', render: (x) => x.occupation || '–' },
        { key: 'status', label: t('col_status'), render: (x) => (x.status ? h('span', { class: `badge status-${x.status}` }, t(`status_${x.status}`)) : '–') },
        // Every worker costs the same (the summary says how much); the downloads list it.
        { key: 'reason', label: t('col_reason'), className: 'reason', render: (x) => x.reason || '–' },
      ],
      rows: w.items,
    }));
    if (w.pages > 1) {
      const go = (page) => ({ href: ctx.href({ ...s, page }) });
      el.append(h('nav', { class: 'pagination', 'aria-label': t('plan_pagination') },
        w.page > 1 ? h('a', { class: 'button secondary', rel: 'prev', ...go(w.page - 1), dataset: { testid: 'plan-prev' } }, '← ', t('prev'))
          : h('span', { class: 'button secondary disabled', 'aria-disabled': 'true' }, '← ', t('prev')),
        h('span', { class: 'page-of', dataset: { testid: 'plan-page-of' } }, t('page_of', { p: int(w.page), n: int(w.pages) })),
        w.page < w.pages ? h('a', { class: 'button secondary', rel: 'next', ...go(w.page + 1), dataset: { testid: 'plan-next' } }, t('next'), ' →')
          : h('span', { class: 'button secondary disabled', 'aria-disabled': 'true' }, t('next'), ' →')));
    }
  }

  load(initial);
  return { el: c.el, update: (s) => load(s), page: (s) => loadPage(s) };
}

function fillEmpty(el) {
  el.replaceChildren();
}

function toggleInvalid(input, bad) {
  if (bad) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

function setFieldError(input, errorEl, text) {
  errorEl.textContent = text || '';
  toggleInvalid(input, Boolean(text));
}

function budgetMessage(error) {
  return t(`budget_err_${error}`, { max: money(MAX_BUDGET) });
}

// The registry's vulnerability code in words ('rentan', 'tidak_rentan').
function vulnerabilityText(code) {
  if (!code) return '–';
  const key = `vuln_${code}`;
  const text = t(key);
  return text === key ? code : text;
}

// 30 -> '30'; 12.5 -> '12,5'
function shareText(v) {
  if (!has(v)) return '–';
  return Number.isInteger(v) ? int(v) : String(v).replace('.', getLang() === 'id' ? ',' : '.');
}

function planSentence(p) {
  const name = regionName(p.region);
  if (p.enrolled === 0) return t('plan_sentence_none', { region: name, b: money(p.budget) });
  return t('plan_sentence', {
    b: money(p.budget), n: int(p.enrolled), m: int(p.months), region: name,
    before: pct(p.coverage_before), after: pct(p.coverage_after),
  });
}

// /api/plan missing (an older server) says so plainly; other errors as usual.
function planError(err, retry) {
  if (err instanceof ApiError && err.status === 404 && /\/api\/plan/.test(err.message || '')) {
    const box = notice(t('plan_unavailable'), { kind: 'warning' });
    box.dataset.testid = 'plan-unavailable';
    return box;
  }
  return planningError(err, retry);
}

// A 409 no_data here has reasons of its own (no national reference for
// target=national, no rates stored): the server's message says which.
export function planningError(err, retry) {
  if (err && err.code === 'no_data' && err.message) {
    const box = notice(err.message, { kind: 'warning', action: h('button', { type: 'button', class: 'button secondary', onclick: retry }, t('retry')) });
    box.dataset.testid = 'no-data';
    return box;
  }
  return errorBox(err, { onRetry: retry });
}

