// The review queue ("Tinjauan"): pairs of records that probabilistic linkage
// found doubtful — a registry worker and a member of the BPJS extract, or two
// registry workers — as GET /api/review lists them (masked by the server),
// each with the reason it is doubtful; Terima / Tolak / Batalkan with a note
// (POST /api/review/{id}/accept|reject|undo); and "Terapkan keputusan"
// (POST /api/review/apply), which reconciles again and waits for the new
// figures. On a read-only server the buttons are disabled and say why.
import { h, fill, withCode, nextId } from '../dom.js';
import { t, int, pct, decimal1, monthName, dateTime, getLang } from '../i18n.js';
import { getJson, postJson } from '../api.js';
import { REVIEW_KINDS, REVIEW_FILTERS } from '../state.js';
import { card, loading, errorBox, emptyState, notice, setBusy } from '../ui.js';

const PAGE_SIZE = 20;
const POLL_MS = 1000;

// How a comparison level reads: agrees, partly, differs, or cannot be compared.
function tone(level) {
  if (/\.missing$/.test(level)) return 'missing';
  if (/\.(exact|agree|same_village)$/.test(level)) return 'agree';
  if (/\.(different|disagree)$/.test(level)) return 'differs';
  return 'partly';
}
const TONE_KEYS = { differs: 'why_differs', partly: 'why_partly', agree: 'why_agrees', missing: 'why_missing' };
const TONE_MARKS = { differs: '✗', partly: '≈', agree: '✓', missing: '–' };

// Why a registry NIK is invalid, in words (codes of domain/nik.h).
function nikIssue(code) {
  const key = `nik_issue_${code}`;
  const text = t(key);
  return text === key ? t('nik_issue', { code }) : text;
}

function sideFacts(side, title) {
  const nik = side.nik ? side.nik : t('no_nik');
  const region = side.region_name ? `${side.region_name} (${side.region})` : side.region || '–';
  const sex = side.sex === 'L' || side.sex === 'P' ? t(`sex_${side.sex}`) : '–';
  return h('div', { class: 'pair-side' },
    h('h4', null, title),
    h('dl', null,
      h('dt', null, t('field_nik')),
      h('dd', { class: 'mono', dataset: { field: 'nik' } }, nik,
        side.nik_issue && side.nik_issue !== 'empty' ? h('span', { class: 'fact-note' }, nikIssue(side.nik_issue)) : null),
      h('dt', null, t('field_name')), h('dd', { class: 'mono', dataset: { field: 'name' } }, side.name || '–'),
      h('dt', null, t('field_sex')), h('dd', null, sex),
      h('dt', null, t('field_birth')), h('dd', null, side.birth_date || '–'),
      h('dt', null, t('field_region')), h('dd', null, region)));
}

// Why the pair is doubtful: the band in words, then each comparison grouped
// by what it says (different first: that is what a reviewer checks).
function whyBlock(item) {
  const groups = { differs: [], partly: [], missing: [], agree: [] };
  for (const w of item.why || []) groups[tone(w.level)].push(w);
  const id = nextId('why');
  return h('div', { class: 'why' },
    h('h4', { id }, t(item.band === 'match' ? 'why_title_match' : 'why_title')),
    h('p', { class: 'small' }, t(item.band === 'match' ? 'why_match' : 'why_review')),
    h('ul', { 'aria-labelledby': id, dataset: { testid: 'why' } },
      ['differs', 'partly', 'missing', 'agree'].flatMap((k) => groups[k].map((w) =>
        h('li', { class: `tone-${k}`, dataset: { level: w.level } },
          h('span', { class: 'tone-mark', 'aria-hidden': 'true' }, TONE_MARKS[k]),
          h('span', { class: 'visually-hidden' }, `${t(TONE_KEYS[k])}: `),
          h('strong', null, t(`cmp_${w.comparison}`)), ' — ', w.label)))));
}

function decisionBadge(item) {
  const d = item.decision;
  const label = d === 'accept' ? t('decision_accept') : d === 'reject' ? t('decision_reject') : t('decision_none');
  return h('span', { class: `badge decision-${d || 'none'}`, dataset: { testid: 'decision' } }, label);
}

export function renderReview(root, state, ctx) {
  const lang = getLang();
  const signal = ctx.signal;
  const allowed = Boolean(ctx.status && ctx.status.decisions_allowed);
  const kind = state.kind;
  let applying = false;           // a run of /api/review/apply is in progress
  const decisionButtons = new Set();  // disabled while applying

  ctx.setTitle(t('review_title'));
  const readonlyId = nextId('readonly');

  // ----- head: title, kind switch, filter
  const kindRadios = REVIEW_KINDS.map((k) => h('label', { class: 'seg' },
    h('input', {
      type: 'radio', name: 'review-kind', value: k, checked: k === kind,
      onchange: (e) => ctx.navigate({ kind: e.target.value, filter: state.filter, page: 1 }),
    }),
    h('span', null, t(`kind_${k}`))));
  const filterId = nextId('filter');
  const filterSelect = h('select', {
    id: filterId, dataset: { testid: 'review-filter' },
    onchange: (e) => ctx.navigate({ filter: e.target.value, page: 1 }),
  }, REVIEW_FILTERS.map((f) => h('option', { value: f, selected: f === state.filter },
    t(f === 'linked' ? `filter_linked_${kind}` : `filter_${f}`))));
  const head = h('section', { class: 'card overview review-head' },
    h('p', { class: 'kicker' }, kind === 'link' ? t('review_kicker_link', { p: monthName(state.period) }) : t('review_kicker_duplicate')),
    h('h1', { tabindex: '-1', id: 'page-title' }, t('review_title')),
    h('p', { class: 'review-intro' }, t('review_intro')),
    h('div', { class: 'inline-controls' },
      h('fieldset', { class: 'review-kind' },
        h('legend', { class: 'visually-hidden' }, t('review_kind')),
        h('div', { class: 'segmented' }, kindRadios)),
      h('label', { for: filterId }, t('review_filter')), filterSelect),
    allowed ? null : h('div', { id: readonlyId, class: 'state notice warning', dataset: { testid: 'review-readonly' } },
      h('p', { class: 'state-main' }, withCode(t('review_readonly')))),
    h('p', { class: 'muted small privacy' }, withCode(t('review_privacy'))));

  // ----- apply (links only)
  const applyCard = card(t('apply_title'), { className: 'apply-card' });
  const applyStatus = h('div', { class: 'apply-status', 'aria-live': 'polite', dataset: { testid: 'apply-status' } });
  const applyButton = h('button', {
    type: 'button', class: 'button primary', dataset: { testid: 'apply' },
    disabled: !allowed, 'aria-describedby': allowed ? null : readonlyId,
    title: allowed ? null : t('review_readonly_short'),
    onclick: () => startApply(),
  }, t('apply_button'));
  if (kind === 'link') {
    applyCard.body.append(h('p', { class: 'small' }, withCode(t('apply_text'))), h('div', { class: 'apply-row' }, applyButton), applyStatus);
  } else {
    applyCard.body.append(h('p', { class: 'small' }, t('apply_duplicates')));
  }

  // ----- the list
  const list = card(t('review_list'));
  root.append(head, applyCard.el, list.el);

  function setApplying(on) {
    applying = on;
    applyButton.disabled = !allowed || on;
    setBusy(applyCard.body, on);
    for (const b of decisionButtons) b.refresh();
  }

  function showApplyState(s) {
    if (!s || s.state === 'idle') {
      fill(applyStatus);
      return;
    }
    if (s.state === 'running') {
      fill(applyStatus, h('div', { class: 'state loading', role: 'status' },
        h('span', { class: 'spinner', 'aria-hidden': 'true' }),
        t('apply_running', { done: int(s.done.length), n: int(s.periods.length) })));
      return;
    }
    if (s.state === 'succeeded') {
      fill(applyStatus, h('div', { class: 'state notice info', dataset: { testid: 'apply-done' } },
        h('p', { class: 'state-main' }, t('apply_succeeded', { t: dateTime(s.finished_at), n: int(s.done.length) })),
        h('ul', { class: 'apply-periods' }, s.done.map((d) => h('li', null, t('apply_period', {
          p: monthName(d.period), a: int(d.linked_accepted), m: int(d.linked_probabilistic), r: int(d.review_pairs),
        }))))));
      return;
    }
    fill(applyStatus, errorBox({ code: 'apply_failed', status: 0, message: s.error }, {}));
    applyStatus.querySelector('.state-main').textContent = t('apply_failed');
  }

  async function poll() {
    while (!signal.aborted) {
      let s;
      try {
        s = await getJson('/api/review/apply', { lang }, signal);
      } catch (err) {
        if (signal.aborted || err.name === 'AbortError') return;
        fill(applyStatus, errorBox(err));
        setApplying(false);
        return;
      }
      showApplyState(s);
      if (s.state !== 'running') {
        setApplying(false);
        if (s.state === 'succeeded') {
          // New figures: the status (periods, stale flags, footer) and the list.
          try {
            await ctx.refreshStatus();
          } catch {
            /* the list below shows any error */
          }
          loadList();
        }
        return;
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  async function startApply() {
    if (!allowed || applying) return;
    setApplying(true);
    fill(applyStatus, loading());
    try {
      const s = await postJson('/api/review/apply', { lang }, {}, signal);
      showApplyState(s);
    } catch (err) {
      if (signal.aborted || err.name === 'AbortError') return;
      if (err.code !== 'busy') {
        fill(applyStatus, errorBox(err));
        setApplying(false);
        return;
      }
    }
    poll();
  }

  // One pair: its records, why it is doubtful, and the decision form.
  function pairCard(item, period) {
    const noteId = nextId('note');
    const messageEl = h('p', { class: 'pair-message small', 'aria-live': 'polite', dataset: { testid: 'pair-message' } });
    const badgeSlot = h('span', { class: 'badge-slot' }, decisionBadge(item));
    const decidedLine = h('p', { class: 'muted small decided' });
    const note = h('input', {
      id: noteId, type: 'text', maxlength: '500', value: item.note || '', placeholder: t('note_placeholder'),
      disabled: !allowed, 'aria-describedby': allowed ? null : readonlyId, dataset: { testid: 'note' },
    });
    const showDecided = () => {
      fill(decidedLine, item.decided_at ? `${t('decided_at', { t: dateTime(item.decided_at) })}${item.note ? ` · “${item.note}”` : ''}` : '');
    };
    showDecided();

    const act = async (action) => {
      buttons.forEach((b) => { b.disabled = true; });
      fill(messageEl, t('loading'));
      try {
        const body = { kind, period: kind === 'link' ? period : undefined };
        if (action !== 'undo') body.note = note.value;
        const r = await postJson(`/api/review/${encodeURIComponent(item.id)}/${action}`, { lang }, body, signal);
        item.decision = r.decision;
        item.decided_at = r.decided_at;
        item.note = r.note;
        if (action === 'undo') note.value = '';
        fill(badgeSlot, decisionBadge(item));
        showDecided();
        fill(messageEl, t(`done_${action}`, { id: item.id }), r.needs_apply ? ` ${t('needs_apply')}` : '');
        messageEl.classList.remove('error');
      } catch (err) {
        if (signal.aborted || err.name === 'AbortError') return;
        fill(messageEl, withCode(err.message || t('err_generic')));
        messageEl.classList.add('error');
      } finally {
        buttons.forEach((b) => b.refresh());
      }
    };
    const button = (action, cls) => {
      const b = h('button', {
        type: 'button', class: `button ${cls}`, dataset: { testid: `act-${action}` },
        onclick: () => act(action),
      }, t(`act_${action}`));
      b.refresh = () => {
        const undoable = action !== 'undo' || Boolean(item.decision);
        b.disabled = !allowed || applying || !undoable;
        b.title = !allowed ? t('review_readonly_short') : !undoable ? t('act_undo_none') : t(`act_${action}_hint`);
        if (!allowed) b.setAttribute('aria-describedby', readonlyId);
      };
      b.refresh();
      decisionButtons.add(b);
      return b;
    };
    const buttons = [button('accept', 'primary'), button('reject', 'secondary'), button('undo', 'secondary')];

    const method = item.method === 'probabilistic' || item.method === 'accepted' ? t(`method_${item.method}`) : null;
    const titleId = nextId('pair');
    return h('article', { class: 'pair', 'aria-labelledby': titleId, dataset: { testid: 'pair', id: item.id } },
      h('div', { class: 'pair-head' },
        h('h3', { id: titleId, class: 'mono', 'aria-label': t('pair_label', { id: item.id }) }, item.id),
        h('span', { class: `badge band-${item.band}` }, t(`band_${item.band}`)),
        badgeSlot,
        method ? h('span', { class: 'muted small' }, method) : null,
        h('span', { class: 'pair-score' }, t('probability', { p: pct(item.probability) }), ' · ',
          t('weight', { w: decimal1(item.weight) }))),
      h('div', { class: 'pair-sides' },
        sideFacts(item.left, t('side_registry')),
        sideFacts(item.right, kind === 'link' ? t('side_extract') : t('side_registry2'))),
      whyBlock(item),
      h('div', { class: 'pair-decide' },
        h('div', { class: 'note-field' }, h('label', { for: noteId }, t('note_label')), note),
        h('div', { class: 'pair-buttons', role: 'group', 'aria-label': t('pair_label', { id: item.id }) }, buttons)),
      decidedLine,
      messageEl);
  }

  function loadList() {
    decisionButtons.clear();
    fill(list.body, loading());
    setBusy(list.body, true);
    const params = { kind, filter: state.filter, page: state.page, page_size: PAGE_SIZE, lang };
    if (kind === 'link') params.period = state.period;
    getJson('/api/review', params, signal).then((r) => {
      if (signal.aborted) return;
      setBusy(list.body, false);
      fill(list.body);
      list.body.append(
        h('p', { class: 'total', dataset: { testid: 'review-total' } }, t('review_summary', { pending: int(r.pending), total: int(r.total) })),
        h('p', { class: 'muted small' }, withCode(t(`review_computed_${kind}`, { t: dateTime(r.computed_at) }))));
      if (r.stale) list.body.append(notice(t('review_stale'), { kind: 'warning' }));
      if (!r.items.length) {
        list.body.append(emptyState(state.filter === 'pending' ? t('review_empty_pending') : t('review_empty')));
        return;
      }
      list.body.append(h('div', { class: 'pairs', dataset: { testid: 'pairs' } }, r.items.map((item) => pairCard(item, r.period))));
      if (r.pages > 1) {
        const go = (page) => ({ href: ctx.href({ page }) });
        list.body.append(h('nav', { class: 'pagination', 'aria-label': t('review_pagination') },
          r.page > 1 ? h('a', { class: 'button secondary', rel: 'prev', ...go(r.page - 1) }, '← ', t('prev')) : h('span', { class: 'button secondary disabled', 'aria-disabled': 'true' }, '← ', t('prev')),
          h('span', { class: 'page-of' }, t('page_of', { p: int(r.page), n: int(r.pages) })),
          r.page < r.pages ? h('a', { class: 'button secondary', rel: 'next', ...go(r.page + 1) }, t('next'), ' →') : h('span', { class: 'button secondary disabled', 'aria-disabled': 'true' }, t('next'), ' →')));
      }
    }).catch((err) => {
      if (signal.aborted || err.name === 'AbortError') return;
      setBusy(list.body, false);
      if (err.code === 'no_data') {
        // No linkage or dedupe has run: the server's message names the command.
        fill(list.body, h('div', { class: 'state empty', dataset: { testid: 'review-none' } },
          h('p', { class: 'state-main' }, t('review_none_yet')),
          h('p', { class: 'state-detail' }, withCode(err.message))));
        return;
      }
      fill(list.body, errorBox(err, { onRetry: () => loadList() }));
    });
  }

  loadList();
  // A run started elsewhere (another tab, a colleague) is shown and waited for.
  if (kind === 'link') {
    getJson('/api/review/apply', { lang }, signal).then((s) => {
      if (signal.aborted) return;
      if (s.state === 'running') {
        setApplying(true);
        showApplyState(s);
        poll();
      }
    }).catch(() => { /* the button still works; its own errors are shown */ });
  }
}
