// The paged list of a village's workers (default: the unprotected ones), as
// /api/workers returns it: NIKs and names arrive masked and are shown as they are.
import { h, fill } from '../dom.js';
import { t, int, monthName, kindName, getLang } from '../i18n.js';
import { getJson } from '../api.js';
import { STATUSES } from '../state.js';
import { breadcrumbs } from './region.js';
import { card, loading, errorBox, emptyState, exportLinks, dataTable, setBusy } from '../ui.js';

const PAGE_SIZE = 50;

export function renderWorkers(root, state, ctx) {
  const lang = getLang();
  const signal = ctx.signal;
  const code = state.code;
  const crumbs = h('nav', { class: 'breadcrumbs', 'aria-label': t('breadcrumbs') });
  const head = h('section', { class: 'card overview' });
  const list = card(t('workers_list').replace(/^./, (c) => c.toUpperCase()));
  root.append(crumbs, head, list.el);

  const params = { village: code, status: state.status, period: state.period, basis: state.basis, lang };
  const regionsP = getJson('/api/regions', { parent: code, lang }, signal);
  const workersP = getJson('/api/workers', { ...params, page: state.page, page_size: PAGE_SIZE }, signal);

  fill(head, loading());
  regionsP.then((regions) => {
    if (signal.aborted) return;
    fill(crumbs, breadcrumbs(regions.path, ctx, t('workers_list')));
    ctx.setTitle(`${t('workers_title', { village: regions.parent.name })}`);
    const statusId = 'workers-status';
    const select = h('select', {
      id: statusId,
      onchange: (e) => ctx.navigate({ status: e.target.value, page: 1 }),
    }, STATUSES.map((s) => h('option', { value: s, selected: s === state.status }, t(`status_${s}`))));
    fill(head,
      h('div', { class: 'overview-head' }, h('div', null,
        h('p', { class: 'kicker' }, `${kindName(regions.parent.kind) || ''} · ${monthName(state.period)}`),
        h('h1', { tabindex: '-1', id: 'page-title' }, t('workers_title', { village: regions.parent.name })))),
      h('div', { class: 'inline-controls' },
        h('label', { for: statusId }, t('workers_status')), select,
        h('a', { class: 'button link', href: ctx.href({ view: 'region', code, page: 1 }) }, '← ', t('back_to_village'))),
      h('p', { class: 'muted small privacy' }, t('workers_privacy')));
  }).catch((err) => {
    if (signal.aborted || err.name === 'AbortError') return;
    fill(head, errorBox(err, { onRetry: ctx.reload }));
  });

  fill(list.body, loading());
  setBusy(list.body, true);
  workersP.then((w) => {
    if (signal.aborted) return;
    setBusy(list.body, false);
    fill(list.body);
    list.actions.replaceChildren(exportLinks('/api/workers', params, t('workers_list')));
    list.body.append(h('p', { class: 'total', dataset: { testid: 'workers-total' } }, t('workers_total', { n: int(w.total) })));
    if (!w.workers.length) {
      list.body.append(emptyState(t('workers_empty')));
      return;
    }
    const yesNo = (v) => (v === true ? t('yes') : v === false ? t('no') : '–');
    list.body.append(dataTable({
      caption: `${t('workers_title', { village: w.village.name })} — ${t(`status_${w.status}`)}`,
      testId: 'workers-table',
      columns: [
        { key: 'nik', label: t('col_nik'), className: 'mono', render: (r) => h('span', { title: t('nik_note') }, r.nik) },
        { key: 'name', label: t('col_name'), className: 'mono' },
        { key: 'sex', label: t('col_sex'), render: (r) => (r.sex === 'L' || r.sex === 'P' ? t(`sex_${r.sex}`) : '–') },
        { key: 'age', label: t('col_age'), num: true, render: (r) => int(r.age) },
        { key: 'sector', label: t('col_sector'), render: (r) => (r.sector ? t(`sector_${r.sector}`) : '–') },
        { key: 'occupation', label: t('col_occupation'), render: (r) => r.occupation || '–' },
        { key: 'decile', label: t('col_decile'), num: true, render: (r) => int(r.decile) },
        { key: 'vulnerable', label: t('col_vulnerable'), render: (r) => yesNo(r.vulnerable) },
        { key: 'status', label: t('col_status'), render: (r) => h('span', { class: `badge status-${r.status}` }, t(`status_${r.status}`)) },
        { key: 'segment', label: t('col_segment'), render: (r) => r.segment || '–' },
      ],
      rows: w.workers,
    }));
    if (w.pages > 1) {
      const go = (page) => ({ href: ctx.href({ page }) });
      list.body.append(h('nav', { class: 'pagination', 'aria-label': t('pagination') },
        w.page > 1 ? h('a', { class: 'button secondary', rel: 'prev', ...go(w.page - 1) }, '← ', t('prev')) : h('span', { class: 'button secondary disabled', 'aria-disabled': 'true' }, '← ', t('prev')),
        h('span', { class: 'page-of', 'aria-live': 'polite' }, t('page_of', { p: int(w.page), n: int(w.pages) })),
        w.page < w.pages ? h('a', { class: 'button secondary', rel: 'next', ...go(w.page + 1) }, t('next'), ' →') : h('span', { class: 'button secondary disabled', 'aria-disabled': 'true' }, t('next'), ' →')));
    }
  }).catch((err) => {
    if (signal.aborted || err.name === 'AbortError') return;
    setBusy(list.body, false);
    fill(list.body, errorBox(err, { onRetry: ctx.reload }));
  });
}
