// Shared pieces of the views: cards, loading and error states, tables with a
// chart toggle, export links.
import { h, fill, withCode, nextId } from './dom.js';
import { t } from './i18n.js';
import { apiUrl } from './api.js';
import { chartsAvailable, mountChart } from './charts.js';

// <section class="card"> with a heading and optional actions; returns {el, body, actions}.
export function card(title, { level = 2, className = '', id } = {}) {
  const headingId = id || nextId('h');
  const actions = h('div', { class: 'card-actions' });
  const body = h('div', { class: 'card-body' });
  const el = h('section', { class: `card ${className}`.trim(), 'aria-labelledby': headingId },
    h('div', { class: 'card-head' }, h(`h${level}`, { id: headingId }, title), actions),
    body);
  return { el, body, actions };
}

export function loading(label) {
  return h('div', { class: 'state loading', role: 'status' },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }), label || t('loading'));
}

export function setBusy(el, busy) {
  if (busy) el.setAttribute('aria-busy', 'true');
  else el.removeAttribute('aria-busy');
}

// A message for an ApiError (or any error), with the server's own words.
export function errorBox(err, { onRetry } = {}) {
  const known = { stale: 'err_stale', no_data: 'err_no_data', network: 'err_network', not_found: 'err_not_found' };
  const key = known[err && err.code];
  const main = key ? t(key) : `${t('err_generic')}${err && err.status ? ` (HTTP ${err.status})` : ''}.`;
  const detail = err && err.message && err.code !== 'network' ? err.message : null;
  return h('div', { class: 'state error', role: 'alert', dataset: { code: (err && err.code) || 'error' } },
    h('p', { class: 'state-main' }, withCode(main)),
    detail ? h('p', { class: 'state-detail' }, `${t('server_message')}: `, withCode(detail)) : null,
    onRetry ? h('button', { type: 'button', class: 'button secondary', onclick: onRetry }, t('retry')) : null);
}

export function notice(content, { kind = 'info', action } = {}) {
  return h('div', { class: `state notice ${kind}`, role: kind === 'warning' ? 'status' : null },
    h('p', { class: 'state-main' }, typeof content === 'string' ? withCode(content) : content),
    action || null);
}

export function emptyState(text) {
  return h('div', { class: 'state empty' }, h('p', { class: 'state-main' }, withCode(text)));
}

// CSV and Excel links for an API table: the same URL with format=csv|xlsx.
export function exportLinks(path, params, what) {
  const link = (fmt, label) => h('a', {
    class: 'button secondary small', href: apiUrl(path, { ...params, format: fmt }), download: '',
    'aria-label': t('export_label', { what, fmt: label }), dataset: { format: fmt },
  }, h('span', { 'aria-hidden': 'true', class: 'icon' }, '↓'), ` ${label}`);
  return h('div', { class: 'exports', role: 'group', 'aria-label': t('export') },
    link('csv', t('export_csv')), link('xlsx', t('export_xlsx')));
}

// A table in a horizontally scrolling, keyboard-focusable box.
// columns: [{key, label, num, render(row) -> Node|string, sort(row) -> value, className}]
// foot: rows drawn by the same columns in <tfoot> (totals; never sorted).
export function dataTable({ caption, columns, rows, foot, sortable = false, initialSort, testId, captionHidden = false }) {
  const table = h('table', { class: 'data', dataset: testId ? { testid: testId } : undefined });
  const capEl = h('caption', { class: captionHidden ? 'visually-hidden' : null }, caption);
  const thead = h('thead');
  const tbody = h('tbody');
  let sort = initialSort || null;  // {key, dir: 1|-1}

  const renderBody = () => {
    let list = rows;
    if (sort) {
      const col = columns.find((c) => c.key === sort.key);
      const value = col.sort || ((r) => r[col.key]);
      list = [...rows].sort((a, b) => {
        const va = value(a); const vb = value(b);
        if (va === vb) return 0;
        if (va === null || va === undefined) return 1;
        if (vb === null || vb === undefined) return -1;
        return (va < vb ? -1 : 1) * sort.dir;
      });
    }
    fill(tbody, list.map((row) => bodyRow(row, false)));
  };
  const bodyRow = (row, isFoot) => h('tr', null, columns.map((c, i) => {
    const content = c.render ? c.render(row) : row[c.key];
    const cls = [c.num ? 'num' : null, c.className].filter(Boolean).join(' ') || null;
    return i === 0 && (c.rowHeader || isFoot) ? h('th', { scope: 'row', class: cls }, content) : h('td', { class: cls }, content);
  }));
  const renderHead = () => {
    fill(thead, h('tr', null, columns.map((c) => {
      const ariaSort = sort && sort.key === c.key ? (sort.dir > 0 ? 'ascending' : 'descending') : null;
      const th = h('th', { scope: 'col', class: c.num ? 'num' : null, 'aria-sort': sortable ? ariaSort || 'none' : null });
      if (sortable && c.sortable !== false) {
        th.appendChild(h('button', {
          type: 'button', class: 'sort', title: t('sort_by', { c: c.label }),
          onclick: () => {
            sort = sort && sort.key === c.key ? { key: c.key, dir: -sort.dir } : { key: c.key, dir: c.num ? -1 : 1 };
            renderHead(); renderBody();
          },
        }, c.label, h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, ariaSort === 'ascending' ? '▲' : ariaSort === 'descending' ? '▼' : '')));
      } else {
        th.textContent = c.label;
      }
      return th;
    })));
  };
  renderHead();
  renderBody();
  table.append(capEl, thead, tbody);
  if (foot && foot.length) table.append(h('tfoot', null, foot.map((row) => bodyRow(row, true))));
  return h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': `${t('table_word')}: ${caption}` }, table);
}

// A chart with its data table: the table is hidden behind a toggle when the
// chart can be drawn, shown directly when it cannot.
export function chartWithTable({ ariaLabel, height, option, onClick, table, testId }) {
  const wrap = h('div', { class: 'chart-with-table', dataset: testId ? { testid: testId } : undefined });
  const tableBox = h('div', { class: 'chart-table' }, table);
  if (!chartsAvailable()) {
    wrap.append(notice(t('err_charts'), { kind: 'warning' }), tableBox);
    return { el: wrap, mount: () => null };
  }
  const box = h('div', { class: 'chart', role: 'img', 'aria-label': ariaLabel, style: { height: `${height}px` } });
  tableBox.hidden = true;
  const tableId = nextId('tbl');
  tableBox.id = tableId;
  const toggle = h('button', {
    type: 'button', class: 'button link table-toggle', 'aria-expanded': 'false', 'aria-controls': tableId,
    onclick: () => {
      tableBox.hidden = !tableBox.hidden;
      toggle.setAttribute('aria-expanded', String(!tableBox.hidden));
      toggle.textContent = tableBox.hidden ? t('show_table') : t('hide_table');
    },
  }, t('show_table'));
  wrap.append(box, toggle, tableBox);
  // Mount once the box is in the document (ECharts needs its size).
  return { el: wrap, mount: () => mountChart(box, option(box.clientWidth), { onClick }) };
}
