// The overview of one region (Indonesia, a province, regency, district or
// village): headline against the national reference and the target, ranking of
// the child regions, map, gap table, breakdowns and trend.
import { h, fill, withCode } from '../dom.js';
import { t, pct, int, signedInt, signedPoints, monthName, levelName, levelsName, kindName, getLang } from '../i18n.js';
import { getJson, ApiError } from '../api.js';
import { rankingOption, mapOption, breakdownOption, trendOption, coverageColor, coverageScale, chartsAvailable, mountChart, shortName, SCALE } from '../charts.js';
import { card, loading, errorBox, notice, emptyState, exportLinks, dataTable, chartWithTable, setBusy } from '../ui.js';

export const DIMENSIONS = ['segment', 'sex', 'formality', 'age_band', 'vulnerability', 'decile'];

export function levelOfCode(code) {
  if (code === '0') return 'national';
  return ['province', 'regency', 'district', 'village'][code.split('.').length - 1];
}
export function parentCode(code) {
  return code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : '0';
}
const CHILD_LEVEL = { national: 'province', province: 'regency', regency: 'district', district: 'village' };

// Breadcrumbs from /api/regions' path; the last entry is the current page.
// The links open `view` ('region', or 'plan' on the planning page).
export function breadcrumbs(path, ctx, extra, view = 'region') {
  const items = path.map((p, i) => {
    const last = i === path.length - 1 && !extra;
    const name = p.code === '0' ? 'Indonesia' : p.name;
    return h('li', null, last
      ? h('span', { 'aria-current': 'page' }, name)
      : h('a', { href: ctx.href({ view, code: p.code, page: 1 }) }, name));
  });
  if (extra) items.push(h('li', null, h('span', { 'aria-current': 'page' }, extra)));
  return h('ol', null, items);
}

// Runs `promise` into `body`: a loading state first, then render(result), or
// an error message. Ignored once the view has been left (signal aborted).
async function into(body, promise, render, ctx) {
  fill(body, loading());
  setBusy(body, true);
  try {
    const result = await promise;
    if (ctx.signal.aborted) return;
    fill(body);
    render(result);
  } catch (err) {
    if (ctx.signal.aborted || (err && err.name === 'AbortError')) return;
    fill(body, errorBox(err, { onRetry: ctx.reload }));
  } finally {
    setBusy(body, false);
  }
}

export function renderRegion(root, state, ctx) {
  const code = state.code;
  const level = levelOfCode(code);
  const lang = getLang();
  const figure = { period: state.period, basis: state.basis, lang };
  const signal = ctx.signal;

  const crumbs = h('nav', { class: 'breadcrumbs', 'aria-label': t('breadcrumbs') });
  const overview = h('section', { class: 'card overview', 'aria-live': 'polite' });
  root.append(crumbs, overview);

  const regionsP = getJson('/api/regions', { parent: code, lang }, signal);
  // A village has no level below it: its figures are its row in its district's table.
  const coverageP = level === 'village'
    ? getJson('/api/coverage', { region: parentCode(code), level: 'village', ...figure }, signal).then((c) => {
      const row = c.rows.find((r) => r.code === code);
      if (!row) throw new ApiError(404, 'not_found', code);
      return { ...c, region: row, rows: [], level: null };
    })
    : getJson('/api/coverage', { region: code, ...figure }, signal);

  let trendHome = null;
  regionsP.then((regions) => {
    if (signal.aborted) return;
    ctx.remember(code);
    fill(crumbs, breadcrumbs(regions.path, ctx));
  }).catch(() => { /* the overview shows the error */ });

  // Headline.
  into(overview, Promise.all([coverageP, regionsP]), ([coverage, regions]) => {
    ctx.setTitle(regions.parent.name);
    renderHeadline(overview, coverage, regions, state, ctx);
  }, ctx);

  if (level !== 'village') {
    const childLevel = CHILD_LEVEL[level];
    const row = h('div', { class: 'grid two' });
    const ranking = card(t('ranking_title', { level: levelsName(childLevel) }));
    const map = card(t('map_title'));
    const side = h('div', { class: 'column' }, map.el);
    row.append(ranking.el, side);
    const table = card(t('table_title'));
    root.append(row, table.el);
    trendHome = side;

    into(ranking.body, coverageP, (coverage) => renderRanking(ranking.body, coverage, childLevel, state, ctx), ctx);
    const boundariesP = ctx.status.has_boundaries === false
      ? Promise.reject(new ApiError(404, 'no_boundaries', ''))
      : getJson('/api/boundaries', { parent: code, lang }, signal);
    boundariesP.catch(() => {});
    into(map.body, Promise.all([coverageP, boundariesP.catch((e) => e)]),
      ([coverage, geo]) => renderMap(map.body, coverage, geo, childLevel, ctx), ctx);
    into(table.body, coverageP, (coverage) => {
      table.actions.replaceChildren(exportLinks('/api/coverage', { region: code, level: coverage.level || childLevel, ...figure }, t('coverage_table')));
      renderGapTable(table.body, coverage, childLevel, state, ctx);
    }, ctx);
  } else {
    const workers = card(t('workers_cta'));
    root.append(workers.el);
    into(workers.body, coverageP, (coverage) => {
      const r = coverage.region;
      // On the registry basis non_active counts registry workers only (the list);
      // on the labour-force basis it also counts members not in the registry.
      workers.body.append(
        h('p', { dataset: { testid: 'unprotected-count' } }, state.basis === 'registry'
          ? t('unprotected_count', { n: int((r.non_active || 0) + (r.unregistered || 0)), u: int(r.unregistered), a: int(r.non_active) })
          : t('unregistered_count', { u: int(r.unregistered) })),
        h('p', { class: 'muted' }, t('village_lowest')),
        h('p', null, h('a', { class: 'button primary', href: ctx.href({ view: 'workers', code, page: 1, status: 'unprotected' }), dataset: { testid: 'workers-link' } }, t('workers_cta'), ' →')),
        h('p', { class: 'muted small' }, t('workers_privacy')));
    }, ctx);
  }

  // Trend (beside the ranking when there is one).
  const trend = card(t('trend_title'));
  (trendHome || root).append(trend.el);
  const seriesParams = { region: code, basis: state.basis, lang };
  into(trend.body, getJson('/api/series', seriesParams, signal), (s) => {
    trend.actions.replaceChildren(exportLinks('/api/series', seriesParams, t('trend_table')));
    renderTrend(trend.body, s, state, ctx);
  }, ctx);

  // Breakdowns.
  const breakdowns = card(t('breakdown_title'));
  const grid = h('div', { class: 'grid breakdowns' });
  breakdowns.body.replaceWith(grid);
  root.append(breakdowns.el);
  for (const dim of DIMENSIONS) {
    const sub = card(t(`dim_${dim}`), { level: 3, className: 'sub' });
    grid.append(sub.el);
    const p = getJson('/api/breakdown', { region: code, dimension: dim, ...figure }, signal);
    into(sub.body, p, (b) => {
      sub.actions.replaceChildren(exportLinks('/api/breakdown', { region: code, dimension: dim, ...figure }, `${t('breakdown_table')} ${t(`dim_${dim}`).toLowerCase()}`));
      renderBreakdown(sub.body, b, dim, ctx);
    }, ctx);
  }
}

function basisWhat(region, basis) {
  return basis === 'registry' ? t('what_registry') : t('what_labour_force', { p: monthName(region.denominator_period) });
}

function useRegistryButton(ctx) {
  return h('button', { type: 'button', class: 'button primary', dataset: { testid: 'use-registry' }, onclick: () => ctx.navigate({ basis: 'registry' }) }, t('use_registry'));
}

function renderHeadline(el, coverage, regions, state, ctx) {
  const r = coverage.region;
  const national = coverage.national_reference;
  const level = levelOfCode(r.code);
  const basisLabel = state.basis === 'registry' ? t('basis_registry') : t('basis_labour_force');
  const title = r.code === '0' ? 'Indonesia' : r.name;

  const kicker = h('p', { class: 'kicker' },
    [kindName(r.kind) || levelName(level), monthName(coverage.period), basisLabel].filter(Boolean).join(' · '));
  const h1 = h('h1', { tabindex: '-1', id: 'page-title' }, title);
  el.append(h('div', { class: 'overview-head' }, h('div', null, kicker, h1)));

  if (r.coverage === null || r.coverage === undefined) {
    const msg = state.basis === 'labour-force' ? t('no_coverage_basis_lf') : t('ranking_none');
    el.append(notice(msg, { kind: 'warning', action: state.basis === 'labour-force' ? useRegistryButton(ctx) : null }));
    el.append(facts(r, coverage, state));
    return;
  }

  const fig = (testid, value) => h('strong', { dataset: { testid } }, value);
  const parts = [h('span', { class: 'headline-main' }, `${t('coverage')} `, fig('headline-coverage', pct(r.coverage)))];
  if (national !== null && national !== undefined && r.code !== '0') {
    parts.push(h('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '), h('span', null, `${t('national_reference')} `, fig('headline-national', pct(national))));
  }
  if (r.target !== null && r.target !== undefined) {
    parts.push(h('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '), h('span', null, `${t('target')} `, fig('headline-target', pct(r.target))));
  }
  el.append(h('p', { class: 'headline', dataset: { testid: 'headline' } }, parts));
  el.append(bullet(r.coverage, r.target, r.code !== '0' ? national : null));

  const gaps = h('ul', { class: 'gaps' });
  if (r.code !== '0') {
    if (national === null || national === undefined) {
      gaps.append(h('li', { class: 'muted' }, t('no_national'), coverage.national_reference_note ? ` (${coverage.national_reference_note})` : ''));
    } else if (r.gap_national_workers !== null && r.gap_national_workers !== undefined) {
      gaps.append(gapItem(r.gap_national_workers, r.gap_national_points, 'gap_national_behind', 'gap_national_ahead', 'national'));
    }
  }
  if (r.target !== null && r.target !== undefined && r.gap_workers !== null && r.gap_workers !== undefined) {
    gaps.append(gapItem(r.gap_workers, r.gap_points, 'gap_target_behind', 'gap_target_ahead', 'target'));
  } else if (r.target === null || r.target === undefined) {
    gaps.append(h('li', { class: 'muted' }, t('no_target')));
  }
  el.append(gaps);
  if (level !== 'village') {
    el.append(h('p', { class: 'plan-link' }, h('a', { href: ctx.href({ view: 'plan', code: r.code, page: 1 }), dataset: { testid: 'plan-link' } },
      t('plan_link'), ' →')));
  }
  el.append(facts(r, coverage, state));
}

function gapItem(workers, points, behindKey, aheadKey, testid) {
  const behind = workers > 0;
  const text = behind ? t(behindKey, { n: signedInt(workers) })
    : workers === 0 ? t(`${aheadKey}_exact`) : t(aheadKey, { n: int(Math.abs(workers)) });
  return h('li', { class: behind ? 'behind' : 'ahead', dataset: { testid: `gap-${testid}` } },
    h('span', { class: 'gap-mark', 'aria-hidden': 'true' }, behind ? '▲' : '✓'), ' ', text,
    points !== null && points !== undefined ? h('span', { class: 'muted' }, ` (${t('points', { p: signedPoints(points) })})`) : null);
}

// A horizontal "bullet" bar: coverage with the target and national markers.
function bullet(value, target, national) {
  const top = Math.min(1, Math.max(value, target ?? 0, national ?? 0) * 1.25 || 1);
  const at = (v) => `${(v / top) * 100}%`;
  const bar = h('div', { class: 'bullet', 'aria-hidden': 'true' },
    h('div', { class: 'bullet-fill', style: { width: at(value), background: coverageColor(value, coverageScale(national)) } }),
    target != null ? h('div', { class: 'bullet-mark target', style: { left: at(target) }, title: `${t('target')} ${pct(target)}` }) : null,
    national != null ? h('div', { class: 'bullet-mark national', style: { left: at(national) }, title: `${t('national_reference')} ${pct(national)}` }) : null);
  const legend = h('div', { class: 'bullet-legend', 'aria-hidden': 'true' },
    target != null ? h('span', null, h('i', { class: 'key target' }), t('target')) : null,
    national != null ? h('span', null, h('i', { class: 'key national' }), t('national_reference')) : null);
  return h('div', { class: 'bullet-wrap' }, bar, legend);
}

function facts(r, coverage, state) {
  const item = (label, value, testid) => h('div', null, h('dt', null, label), h('dd', { dataset: testid ? { testid } : undefined }, value));
  const dl = h('dl', { class: 'facts' },
    item(t('col_active'), int(r.active)),
    item(t('col_denominator'), r.denominator !== null && r.denominator !== undefined
      ? [int(r.denominator), h('span', { class: 'fact-note' }, basisWhat(r, state.basis))] : '–'),
    item(t('non_active'), int(r.non_active)),
    item(t('unregistered'), int(r.unregistered)),
    item(t('registry'), int(r.registry)),
    r.rank ? item(t('col_rank'), t('rank', { r: int(r.rank), n: int(r.rank_of) }), 'headline-rank') : null);
  const definition = h('p', { class: 'definition' }, h('strong', null, `${t('definition')}: `),
    state.basis === 'registry' ? t('definition_registry') : t('definition_lf'));
  return h('div', null, dl, definition);
}

function sortedByCoverage(rows) {
  return rows.filter((r) => r.coverage !== null && r.coverage !== undefined)
    .sort((a, b) => b.coverage - a.coverage || a.name.localeCompare(b.name));
}

function renderRanking(el, coverage, childLevel, state, ctx) {
  if (!coverage.rows.length) {
    el.append(emptyState(t('no_rows')));
    return;
  }
  const rows = sortedByCoverage(coverage.rows);
  if (!rows.length) {
    el.append(notice(state.basis === 'labour-force' ? t('no_coverage_rows_lf') : t('ranking_none'),
      { kind: 'warning', action: state.basis === 'labour-force' ? useRegistryButton(ctx) : null }));
    return;
  }
  const target = coverage.region.target;
  const national = coverage.national_reference;
  const hi = rows[0]; const lo = rows[rows.length - 1];
  const table = dataTable({
    caption: t('ranking_title', { level: levelsName(childLevel) }),
    testId: 'ranking-table',
    columns: [
      { key: 'rank', label: t('col_rank'), num: true, render: (r) => (r.rank ? int(r.rank) : '–') },
      { key: 'name', label: t('col_region'), render: (r) => h('a', { href: ctx.href({ view: 'region', code: r.code, page: 1 }) }, r.name) },
      { key: 'coverage', label: t('col_coverage'), num: true, render: (r) => pct(r.coverage) },
      { key: 'target', label: t('col_target'), num: true, render: (r) => pct(r.target) },
    ],
    rows,
  });
  const chart = chartWithTable({
    ariaLabel: t('ranking_aria', { level: levelsName(childLevel), hi: hi.name, hiv: pct(hi.coverage), lo: lo.name, lov: pct(lo.coverage) }),
    height: Math.max(220, rows.length * 30 + 70),
    option: (width) => rankingOption(rows, { target, national, narrow: width < 520 }),
    onClick: (p) => {
      let row = null;
      if (p.componentType === 'series' && p.seriesType === 'bar') row = rows[p.dataIndex];
      else if (p.componentType === 'yAxis') row = rows.find((r) => shortName(r.name) === p.value);
      if (row) ctx.navigate({ view: 'region', code: row.code, page: 1 });
    },
    table,
    testId: 'ranking',
  });
  el.append(chart.el, colourLegend(national));
  const missing = coverage.rows.length - rows.length;
  if (missing > 0) el.append(h('p', { class: 'muted small' }, t('rows_without_coverage', { n: int(missing) })));
  chart.mount();
}

function renderMap(el, coverage, geo, childLevel, ctx) {
  if (geo instanceof Error || (geo && geo.name === 'AbortError')) {
    if (geo.code === 'no_boundaries') {
      el.append(notice(t('no_boundaries'), { kind: 'info' }));
      el.querySelector('.notice').dataset.testid = 'no-boundaries';
    } else {
      el.append(errorBox(geo, { onRetry: ctx.reload }));
    }
    return;
  }
  if (!chartsAvailable()) {
    el.append(notice(t('err_charts'), { kind: 'warning' }));
    return;
  }
  if (!coverage.rows.some((r) => r.coverage !== null && r.coverage !== undefined)) {
    el.append(notice(t('ranking_none'), { kind: 'warning' }));
    return;
  }
  const name = `wilayah-${coverage.region.code}`;
  window.echarts.registerMap(name, geo);
  const rows = coverage.rows;
  const box = h('div', { class: 'chart map', role: 'img', 'aria-label': t('map_aria', { level: levelsName(childLevel) }), style: { height: '420px' } });
  el.append(box);
  mountChart(box, mapOption(name, rows, coverage.national_reference), {
    onClick: (p) => {
      if (p.componentType === 'series' && rows.some((r) => r.code === p.name)) ctx.navigate({ view: 'region', code: p.name, page: 1 });
    },
  });
}

// What the bar colours mean (the same scale colours the map and the table).
export function colourLegend(national) {
  const { min, mid, max } = coverageScale(national);
  return h('div', { class: 'colour-legend' },
    h('span', null, `≤ ${pct(min)}`),
    h('span', { class: 'ramp', 'aria-hidden': 'true', style: { background: `linear-gradient(90deg, ${SCALE.join(', ')})` } }),
    h('span', null, `≥ ${pct(max)}`),
    h('span', { class: 'muted' }, t('colour_legend', { mid: pct(mid) })));
}

function gapCell(workers) {
  if (workers === null || workers === undefined) return '–';
  if (workers <= 0) return h('span', { class: 'badge ok' }, h('span', { 'aria-hidden': 'true' }, '✓ '), t('reached'));
  return signedInt(workers);
}

function renderGapTable(el, coverage, childLevel, state, ctx) {
  if (!coverage.rows.length) {
    el.append(emptyState(t('no_rows')));
    return;
  }
  const scale = coverageScale(coverage.national_reference);
  const columns = [
    { key: 'rank', label: t('col_rank'), num: true, render: (r) => (r.rank ? int(r.rank) : '–') },
    {
      key: 'name', label: t('col_region'), sort: (r) => r.name.toLocaleLowerCase(),
      render: (r) => h('a', { href: ctx.href({ view: 'region', code: r.code, page: 1 }), dataset: { code: r.code } }, r.name),
    },
    {
      key: 'coverage', label: t('col_coverage'), num: true,
      render: (r) => (r.coverage === null || r.coverage === undefined ? '–'
        : h('span', { class: 'cov' }, h('i', { class: 'swatch', 'aria-hidden': 'true', style: { background: coverageColor(r.coverage, scale) } }), pct(r.coverage))),
    },
    { key: 'target', label: t('col_target'), num: true, render: (r) => pct(r.target) },
    { key: 'gap_points', label: t('col_gap_points'), num: true, render: (r) => signedPoints(r.gap_points) },
    { key: 'gap_workers', label: t('col_gap_workers'), num: true, render: (r) => gapCell(r.gap_workers) },
    { key: 'gap_national_points', label: t('col_gap_nat_points'), num: true, render: (r) => signedPoints(r.gap_national_points) },
    { key: 'gap_national_workers', label: t('col_gap_nat_workers'), num: true, render: (r) => gapCell(r.gap_national_workers) },
    { key: 'active', label: t('col_active'), num: true, render: (r) => int(r.active) },
    { key: 'denominator', label: t('col_denominator'), num: true, render: (r) => int(r.denominator) },
    { key: 'non_active', label: t('col_non_active'), num: true, render: (r) => int(r.non_active) },
    { key: 'unregistered', label: t('col_unregistered'), num: true, render: (r) => int(r.unregistered) },
  ];
  if (childLevel === 'village') {
    columns.push({
      key: 'workers', label: t('workers_list'), sortable: false,
      render: (r) => h('a', { href: ctx.href({ view: 'workers', code: r.code, page: 1, status: 'unprotected' }), 'aria-label': `${t('workers_cta')}: ${r.name}` }, t('workers_list')),
    });
  }
  const hasCoverage = coverage.rows.some((r) => r.coverage !== null && r.coverage !== undefined);
  if (!hasCoverage && state.basis === 'labour-force') {
    el.append(notice(t('no_coverage_rows_lf'), { kind: 'warning', action: useRegistryButton(ctx) }));
  }
  el.append(dataTable({
    caption: t('table_caption', { level: levelsName(childLevel), region: coverage.region.code === '0' ? 'Indonesia' : coverage.region.name }),
    columns,
    rows: coverage.rows,
    sortable: true,
    initialSort: hasCoverage ? { key: 'coverage', dir: -1 } : null,
    testId: 'gap-table',
  }));
  if (coverage.active_not_in_rows) {
    el.append(h('p', { class: 'muted small' }, t('attributed_self', { n: int(coverage.active_not_in_rows), region: coverage.region.name })));
  }
}

function renderBreakdown(el, b, dim, ctx) {
  const rows = b.rows || [];
  if (!rows.length || rows.every((r) => !r.active && !r.non_active && !r.unregistered)) {
    el.append(emptyState(t('ranking_none')));
    return;
  }
  const hasCoverage = rows.some((r) => r.coverage !== null && r.coverage !== undefined);
  const columns = [
    { key: 'label', label: t('col_group'), rowHeader: true },
    { key: 'active', label: t('col_active'), num: true, render: (r) => int(r.active) },
    { key: 'non_active', label: t('col_non_active'), num: true, render: (r) => int(r.non_active) },
    { key: 'unregistered', label: t('col_unregistered'), num: true, render: (r) => int(r.unregistered) },
    { key: 'share_of_active', label: t('col_share_active'), num: true, render: (r) => pct(r.share_of_active) },
  ];
  if (hasCoverage) {
    columns.splice(1, 0, { key: 'denominator', label: t('col_denominator'), num: true, render: (r) => int(r.denominator) },
      { key: 'coverage', label: t('col_coverage'), num: true, render: (r) => pct(r.coverage) });
  }
  const chart = chartWithTable({
    ariaLabel: t('breakdown_aria', { dim: (b.dimension_label || t(`dim_${dim}`)) }),
    height: Math.max(150, rows.length * 30 + 50),
    option: () => breakdownOption(rows),
    table: dataTable({ caption: t(`dim_${dim}`), columns, rows, captionHidden: true }),
  });
  if (hasCoverage && rows.length <= 4) {
    el.append(h('p', { class: 'coverage-line' }, rows.filter((r) => r.coverage !== null && r.coverage !== undefined)
      .map((r, i) => [i ? ' · ' : '', `${r.label} `, h('strong', null, pct(r.coverage))])));
  }
  el.append(chart.el);
  if (b.note) el.append(h('p', { class: 'muted small' }, withCode(b.note)));
  if (rows.some((r) => r.coverage > 1)) el.append(h('p', { class: 'muted small', dataset: { testid: 'over-100' } }, t('over_100')));
  chart.mount();
}

function renderTrend(el, s, state, ctx) {
  const points = (s.points || []).filter((p) => p.coverage !== null && p.coverage !== undefined);
  if (!points.length) {
    el.append(state.basis === 'labour-force'
      ? notice(t('no_coverage_basis_lf'), { kind: 'warning', action: useRegistryButton(ctx) })
      : emptyState(t('trend_none')));
    return;
  }
  const name = s.region.code === '0' ? 'Indonesia' : s.region.name;
  const table = dataTable({
    caption: t('trend_title'),
    captionHidden: true,
    columns: [
      { key: 'period', label: t('col_period'), rowHeader: true, render: (p) => monthName(p.period) },
      { key: 'coverage', label: t('col_coverage'), num: true, render: (p) => pct(p.coverage) },
      { key: 'national_reference', label: t('series_national'), num: true, render: (p) => pct(p.national_reference) },
      { key: 'target', label: t('col_target'), num: true, render: (p) => pct(p.target) },
      { key: 'active', label: t('col_active'), num: true, render: (p) => int(p.active) },
      { key: 'denominator', label: t('col_denominator'), num: true, render: (p) => int(p.denominator) },
    ],
    rows: s.points,
  });
  const chart = chartWithTable({
    ariaLabel: t('trend_aria', { region: name, first: monthName(s.points[0].period), last: monthName(s.points[s.points.length - 1].period) }),
    height: 300,
    option: (width) => trendOption(s.points, name, { narrow: width < 520 }),
    table,
    testId: 'trend',
  });
  el.append(chart.el);
  chart.mount();
}
