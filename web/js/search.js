// The region search box: an ARIA combobox over /api/regions/search.
// Arrow keys move through the results, Enter opens one, Escape closes the list.
import { h, fill } from './dom.js';
import { t, getLang, levelName, kindName } from './i18n.js';
import { getJson } from './api.js';

export function searchBox(onPick) {
  const inputId = 'search-input';
  const listId = 'search-results';
  const input = h('input', {
    id: inputId, type: 'search', autocomplete: 'off', spellcheck: 'false',
    role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': listId,
    placeholder: t('search_placeholder'),
  });
  const list = h('ul', { id: listId, role: 'listbox', class: 'search-results', 'aria-label': t('search_label'), hidden: true });
  const status = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const root = h('div', { class: 'search', role: 'search' },
    h('label', { for: inputId, class: 'visually-hidden' }, t('search_label')),
    h('span', { class: 'search-icon', 'aria-hidden': 'true' }, '⌕'),
    input, list, status);

  let results = [];
  let active = -1;
  let timer = null;
  let controller = null;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (i) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0 && list.children[i]) {
      input.setAttribute('aria-activedescendant', list.children[i].id);
      list.children[i].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };
  const pick = (r) => {
    close();
    input.value = '';
    onPick(r.code);
  };
  const show = (items) => {
    results = items;
    fill(list, items.length ? items.map((r, i) => h('li', {
      id: `search-opt-${i}`, role: 'option', 'aria-selected': 'false', class: 'search-option',
      onmousedown: (e) => { e.preventDefault(); pick(r); },
    }, h('span', { class: 'opt-name' }, r.name),
    h('span', { class: 'opt-meta' }, [kindName(r.kind) || levelName(r.level), r.path].filter(Boolean).join(' · '), ` · ${r.code}`)))
      : h('li', { class: 'search-none', role: 'option', 'aria-disabled': 'true' }, t('search_none')));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    status.textContent = items.length ? `${items.length}` : t('search_none');
    highlight(items.length ? 0 : -1);
  };
  const query = async () => {
    const q = input.value.trim();
    if (q.length < 2) {
      close();
      return;
    }
    if (controller) controller.abort();
    controller = new AbortController();
    try {
      const r = await getJson('/api/regions/search', { q, limit: 12, lang: getLang() }, controller.signal);
      if (input.value.trim() === q) show(r.results || []);
    } catch (err) {
      if (err.name !== 'AbortError') {
        fill(list, h('li', { class: 'search-none', role: 'option', 'aria-disabled': 'true' }, err.message));
        list.hidden = false;
      }
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(query, 200);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && results.length) {
      e.preventDefault();
      if (list.hidden) show(results);
      else highlight((active + 1) % results.length);
    } else if (e.key === 'ArrowUp' && results.length) {
      e.preventDefault();
      highlight((active - 1 + results.length) % results.length);
    } else if (e.key === 'Enter') {
      if (!list.hidden && active >= 0 && results[active]) {
        e.preventDefault();
        pick(results[active]);
      }
    } else if (e.key === 'Escape') {
      if (!list.hidden) {
        e.preventDefault();
        close();
      } else {
        input.value = '';
      }
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
  return root;
}
