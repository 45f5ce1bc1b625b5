/* The queue (#/queue): counts per status and per article, the comments of a status with their filters
 * (article, words, reported by readers), why each was held with the matches highlighted, decisions one by one
 * (with If-Match: a comment someone else changed meanwhile is reloaded, not overwritten) or in bulk.
 * The filter lives in the address (#/queue?status=SPAM&articleId=…&q=…&reported=true).
 * Live: the server's events (GET /api/moderation/events) never move the list under the moderator's cursor;
 * new comments that fit the filter are counted in an "N new" button that shows them, a comment decided
 * elsewhere is marked so on its card, and the counts follow.
 * Keyboard triage: j/k next/previous comment, a approve, s spam, r reject, x select, ? the list of keys. */
import { api, fail, say, MSG, API_ROOT } from '../api.js';
import { el, formatDate, count, markedField, reasonItem, heading } from '../dom.js';

const PAGE_SIZE = 20;
const ARTICLES_SHOWN = 10;
export const STATUSES = Object.freeze([['PENDING', 'Pending'], ['APPROVED', 'Approved'], ['SPAM', 'Spam'], ['REJECTED', 'Rejected']]);
/** [action, button label, status it leads to, what the live region says] */
export const ACTIONS = Object.freeze([['approve', 'Approve', 'APPROVED', 'Approved'], ['spam', 'Spam', 'SPAM', 'Marked as spam'],
  ['reject', 'Reject', 'REJECTED', 'Rejected']]);

/** [key, what it does] */
const KEYS = Object.freeze([['j', 'Next comment'], ['k', 'Previous comment'], ['a', 'Approve'], ['s', 'Spam'],
  ['r', 'Reject'], ['x', 'Select or unselect'], ['?', 'Show these keys']]);
const TRIAGE = Object.freeze({ a: 'approve', s: 'spam', r: 'reject' });

/** Whether a key press is typing (into a text field, a list box, an editable element) rather than a command. */
function typing(target) {
  if (!(target instanceof Element)) return false;
  if (target.closest('textarea, select, [contenteditable=""], [contenteditable="true"], dialog')) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
}

function filterFrom(query) {
  const status = query.get('status');
  return {
    status: STATUSES.some(([s]) => s === status) ? status : 'PENDING',
    articleId: (query.get('articleId') || '').trim(),
    q: (query.get('q') || '').trim(),
    reported: query.get('reported') === 'true'
  };
}

function render(ctx) {
  const { root, signal } = ctx;
  let filter = filterFrom(ctx.query);
  let page = 0;
  let shown = new Map(); // id -> {comment, checkbox, node}
  let busy = false;

  const title = heading('Comments', 'mq-queue-title');
  const stats = el('ul', { id: 'mq-stats', class: 'mq-stats-list' });
  const articles = el('ul', { id: 'mq-articles', class: 'mq-articles-list' });
  const statusSelect = el('select', { id: 'mq-filter-status', name: 'status' },
    STATUSES.map(([value, label]) => el('option', { value, selected: value === filter.status }, label)));
  const articleInput = el('input', { id: 'mq-filter-article', name: 'articleId', maxlength: '200', placeholder: 'All articles', spellcheck: 'false' });
  const qInput = el('input', { id: 'mq-filter-q', name: 'q', type: 'search' });
  const reportedBox = el('input', { type: 'checkbox', id: 'mq-filter-reported', name: 'reported', value: 'true' });
  articleInput.value = filter.articleId;
  qInput.value = filter.q;
  reportedBox.checked = filter.reported;
  const filters = el('form', { id: 'mq-filters', class: 'mq-filters', role: 'search', 'aria-label': 'Filter the queue' },
    el('div', { class: 'mq-field' }, el('label', { for: 'mq-filter-status' }, 'Status'), statusSelect),
    el('div', { class: 'mq-field' }, el('label', { for: 'mq-filter-article' }, 'Article id'), articleInput),
    el('div', { class: 'mq-field' }, el('label', { for: 'mq-filter-q' }, 'Words in name or text'), qInput),
    el('div', { class: 'mq-field mq-field-check' },
      el('label', { class: 'mq-check' }, reportedBox, ' Reported by readers (most reported first)')),
    el('div', { class: 'mq-actions' }, el('button', { type: 'submit' }, 'Show')));
  const selectAll = el('input', { type: 'checkbox', id: 'mq-select-all' });
  const keysButton = el('button', { type: 'button', id: 'mq-keys-open', class: 'mq-link-like', 'aria-keyshortcuts': 'Shift+?' },
    'Keyboard shortcuts');
  const keysDialog = el('dialog', { id: 'mq-keys', class: 'mq-dialog', 'aria-labelledby': 'mq-keys-title' },
    el('h2', { id: 'mq-keys-title' }, 'Keyboard shortcuts'),
    el('p', { class: 'mq-hint' }, 'In the list of comments, when you are not typing in a field:'),
    el('dl', { class: 'mq-keys-list' }, KEYS.map(([key, what]) => [el('dt', null, el('kbd', null, key)), el('dd', null, what)])),
    el('form', { method: 'dialog', class: 'mq-actions' }, el('button', { type: 'submit', class: 'mq-primary' }, 'Close')));
  const selectedCount = el('span', { id: 'mq-selected-count', class: 'mq-muted' }, '0 selected');
  const bulk = ACTIONS.map(([action, label]) =>
    el('button', { type: 'button', class: 'mq-bulk-action', 'data-action': action, disabled: true }, `${label} selected`));
  const summary = el('p', { id: 'mq-summary', class: 'mq-muted' });
  const fresh = new Set(); // ids of new comments that fit the filter, not shown yet
  let stale = false; // events may have been lost, and the list has grown since it was shown
  let total = 0; // comments in the list when it was shown
  const ownDecisions = new Set();
  const newButton = el('button', { type: 'button', id: 'mq-new', class: 'mq-new', hidden: true });
  const liveState = el('span', { id: 'mq-live', class: 'mq-live' }, 'Connecting to live updates…');
  const list = el('ol', { id: 'mq-list', class: 'mq-list' });
  const empty = el('p', { id: 'mq-empty', class: 'mq-empty', hidden: true }, 'No comments match.');
  const prev = el('button', { type: 'button', id: 'mq-prev', disabled: true }, 'Previous page');
  const next = el('button', { type: 'button', id: 'mq-next', disabled: true }, 'Next page');
  const pageLabel = el('span', { id: 'mq-page' });

  root.append(
    el('section', { class: 'mq-stats', 'aria-labelledby': 'mq-stats-title' },
      el('h2', { id: 'mq-stats-title' }, 'All comments'), stats,
      el('details', { class: 'mq-articles' }, el('summary', null, 'Pending per article'), articles)),
    el('section', { class: 'mq-queue', 'aria-labelledby': 'mq-queue-title' },
      title, filters,
      el('div', { class: 'mq-bulk', role: 'group', 'aria-label': 'Selected comments' },
        el('label', { class: 'mq-check' }, selectAll, ' Select all on this page'), selectedCount, bulk, keysButton),
      el('div', { class: 'mq-live-bar' }, el('div', { 'aria-live': 'polite', class: 'mq-new-region' }, newButton), liveState),
      summary, list, empty,
      el('nav', { class: 'mq-pager', 'aria-label': 'Pages' }, prev, pageLabel, next)),
    keysDialog);

  // --- counts ------------------------------------------------------------------------------

  function renderStats(data) {
    const total = (data && data.total) || {};
    const reports = (data && data.reports) || {};
    const open = Object.values(reports.open || {}).reduce((a, b) => a + b, 0);
    stats.replaceChildren(...STATUSES.map(([status, label]) =>
      el('li', { class: `mq-stat mq-stat-${status.toLowerCase()}`, 'data-status': status },
        el('span', { class: 'mq-stat-count' }, String(total[status] ?? 0)), ' ',
        el('span', { class: 'mq-stat-label' }, label))),
    el('li', { class: 'mq-stat mq-stat-reports', 'data-status': 'REPORTS' },
      el('span', { class: 'mq-stat-count' }, String(open)), ' ',
      el('span', { class: 'mq-stat-label' }, `open reports (${reports.hiddenComments ?? 0} comments hidden by them)`)));
    const withPending = ((data && data.articles) || []).filter((a) => a.counts && a.counts.PENDING > 0).slice(0, ARTICLES_SHOWN);
    articles.replaceChildren(...(withPending.length ? withPending.map((a) => {
      const show = el('button', { type: 'button', class: 'mq-link-like', 'data-article': a.articleId }, a.articleId);
      show.addEventListener('click', () => {
        articleInput.value = a.articleId;
        statusSelect.value = 'PENDING';
        filters.requestSubmit();
      }, { signal });
      return el('li', { class: 'mq-article' }, show, ' ', el('span', { class: 'mq-muted' }, `${a.counts.PENDING} pending`));
    }) : [el('li', { class: 'mq-muted' }, 'No article has pending comments.')]));
  }

  async function loadStats() {
    renderStats(await api('stats', { signal }));
  }

  // --- the list ----------------------------------------------------------------------------

  function renderReports(c) {
    const r = c.reports;
    if (!r || !r.count) return null;
    const reasons = Object.entries(r.reasons || {}).map(([reason, n]) => `${reason} ${n}`).join(', ');
    const dismiss = el('button', { type: 'button', class: 'mq-dismiss', 'aria-describedby': `mq-comment-${c.id}-title` }, 'Dismiss reports');
    dismiss.addEventListener('click', () => dismissReports(c), { signal });
    return el('section', { class: 'mq-reports', 'aria-label': 'Reports from readers' },
      el('p', { class: 'mq-reports-summary' }, el('strong', null, `Reported by ${count(r.count, 'reader')}`), `: ${reasons}`),
      el('ul', { class: 'mq-report-list' }, (r.reports || []).map((x) => el('li', { class: 'mq-report' },
        el('span', { class: 'mq-reason-type' }, x.reason), ' ',
        x.note ? el('q', { class: 'mq-report-note', dir: 'auto' }, x.note) : el('span', { class: 'mq-muted' }, 'no note'), ' ',
        el('span', { class: 'mq-muted' }, `${[x.email, x.ipAddress].filter(Boolean).join(', ')}, ${formatDate(x.createdAt)}`)))),
      dismiss);
  }

  async function dismissReports(c) {
    if (busy) return;
    busy = true;
    try {
      const result = await api(`comments/${encodeURIComponent(c.id)}/reports/dismiss`, { method: 'POST', body: {}, signal });
      await refresh();
      say(`Dismissed ${count(result.dismissed, 'report')} on the comment by ${c.name}.`, 'success');
      title.focus();
    } catch (e) {
      fail(e);
    } finally {
      busy = false;
    }
  }

  function renderComment(c) {
    const headingId = `mq-comment-${c.id}-title`;
    const checkbox = el('input', { type: 'checkbox', class: 'mq-select', value: c.id, 'aria-label': `Select the comment by ${c.name}` });
    checkbox.addEventListener('change', updateSelection, { signal });
    const buttons = ACTIONS.map(([action, label, target]) => {
      const button = el('button', {
        type: 'button', class: `mq-decide mq-decide-${action}`, 'data-action': action,
        'aria-describedby': headingId, disabled: c.status === target
      }, label);
      button.addEventListener('click', () => decide(c, action), { signal });
      return button;
    });
    const meta = [
      ['Email', c.email ? el('span', { class: 'mq-email' }, markedField(c, 'email')) : el('span', { class: 'mq-muted' }, 'none')],
      ['IP', el('span', { class: 'mq-ip' }, markedField(c, 'ip'))],
      ['Article', el('span', { class: 'mq-article' }, c.articleId)],
      ['Date', el('time', { datetime: c.createdAt }, formatDate(c.createdAt))]
    ];
    if (c.website) meta.splice(1, 0, ['Website', el('span', { class: 'mq-website' }, markedField(c, 'website'))]);
    if (c.parentId != null) meta.push(['Reply to', el('a', { href: `#/comments/${c.parentId}` }, `comment ${c.parentId}`)]);
    if (c.moderatedBy) meta.push(['Decided by', `${c.moderatedBy} ${formatDate(c.moderatedAt)}`]);
    const reasons = c.reasons && c.reasons.length
      ? el('ul', { class: 'mq-reasons', 'aria-label': 'Why it was held' }, c.reasons.map((r) => reasonItem(c, r)))
      : el('p', { class: 'mq-reasons mq-muted' }, 'No rule fired.');
    const node = el('li', { class: 'mq-item', id: `mq-comment-${c.id}`, 'data-id': c.id, 'data-version': c.version },
      el('article', { class: 'mq-card', tabindex: '-1', 'aria-labelledby': headingId },
        el('header', { class: 'mq-card-head' },
          el('span', { class: 'mq-check' }, checkbox),
          el('h3', { class: 'mq-name', id: headingId, dir: 'auto' }, markedField(c, 'name')),
          el('span', { class: `mq-badge mq-badge-${String(c.status).toLowerCase()}` }, c.status)),
        el('dl', { class: 'mq-meta' }, meta.map(([term, value]) => [el('dt', null, term), el('dd', null, value)])),
        el('p', { class: 'mq-text', dir: 'auto' }, markedField(c, 'text')),
        reasons,
        renderReports(c),
        el('div', { class: 'mq-decisions', role: 'group', 'aria-label': 'Decision' }, buttons,
          el('a', { class: 'mq-details', href: `#/comments/${c.id}`, 'aria-describedby': headingId }, 'Details and history'))));
    shown.set(c.id, { comment: c, checkbox, node });
    return node;
  }

  function selectedIds() {
    return Array.from(shown.values()).filter((s) => s.checkbox.checked).map((s) => s.comment.id);
  }

  function updateSelection() {
    const n = selectedIds().length;
    selectedCount.textContent = `${n} selected`;
    bulk.forEach((b) => { b.disabled = n === 0 || busy; });
    selectAll.checked = n > 0 && n === shown.size;
    selectAll.indeterminate = n > 0 && n < shown.size;
  }

  selectAll.addEventListener('change', () => {
    shown.forEach((s) => { s.checkbox.checked = selectAll.checked; });
    updateSelection();
  }, { signal });

  function queryParams(pageNumber, size) {
    const params = new URLSearchParams({ status: filter.status, page: String(pageNumber), size: String(size) });
    if (filter.articleId) params.set('articleId', filter.articleId);
    if (filter.q) params.set('q', filter.q);
    if (filter.reported) {
      params.set('reported', 'true');
      params.set('sort', 'reports');
    }
    return params;
  }

  async function loadQueue() {
    list.setAttribute('aria-busy', 'true');
    try {
      const data = await api(`comments?${queryParams(page, PAGE_SIZE)}`, { signal });
      const pages = Math.max(1, Math.ceil(data.totalItems / PAGE_SIZE));
      if (page > 0 && page >= pages) { // the last page emptied: go back one
        page = pages - 1;
        return loadQueue();
      }
      total = data.totalItems;
      shown = new Map();
      fresh.clear();
      stale = false;
      updateNew();
      list.replaceChildren(...data.items.map(renderComment));
      empty.hidden = data.items.length > 0;
      const label = STATUSES.find(([s]) => s === filter.status)[1].toLowerCase();
      summary.textContent = `${data.totalItems} ${label}${filter.reported ? ' reported' : ''} comment${data.totalItems === 1 ? '' : 's'}`
        + (filter.articleId ? ` on ${filter.articleId}` : '') + (filter.q ? ` matching “${filter.q}”` : '') + '.';
      pageLabel.textContent = `Page ${page + 1} of ${pages}`;
      prev.disabled = page === 0;
      next.disabled = page + 1 >= pages;
      updateSelection();
    } finally {
      list.removeAttribute('aria-busy');
    }
  }

  async function refresh() {
    await Promise.all([loadQueue(), loadStats()]);
  }

  filters.addEventListener('submit', async (event) => {
    event.preventDefault();
    filter = {
      status: statusSelect.value, articleId: articleInput.value.trim(), q: qInput.value.trim(), reported: reportedBox.checked
    };
    ctx.setQuery(filter.status === 'PENDING' ? { ...filter, status: null } : filter);
    page = 0;
    try {
      await loadQueue();
      say(summary.textContent);
    } catch (e) {
      fail(e);
    }
  }, { signal });

  for (const [button, delta] of [[prev, -1], [next, 1]]) {
    button.addEventListener('click', async () => {
      page = Math.max(0, page + delta);
      try {
        await loadQueue();
        say(`${pageLabel.textContent}.`);
        title.focus();
      } catch (e) {
        fail(e);
      }
    }, { signal });
  }

  /** After a comment left the list: focus the next one, or the heading. */
  function focusAfter(index) {
    const items = list.querySelectorAll('.mq-card');
    const card = items[Math.min(index, items.length - 1)];
    (card || title).focus();
  }

  async function decide(c, action) {
    if (busy) return;
    const [, , , done] = ACTIONS.find(([a]) => a === action);
    const index = Array.from(list.children).indexOf(shown.get(c.id) && shown.get(c.id).node);
    busy = true;
    ownDecisions.add(c.id);
    setDecisionsDisabled(true);
    try {
      await api(`comments/${encodeURIComponent(c.id)}/${action}`, { method: 'POST', body: {}, ifMatch: c.version, signal });
      await refresh();
      say(`${done}: comment by ${c.name}.`, 'success');
      focusAfter(index);
    } catch (e) {
      if (e.status === 412) {
        await refresh().catch(fail);
        say(MSG.stale, 'error');
        focusAfter(index);
      } else {
        fail(e);
      }
    } finally {
      busy = false;
      setDecisionsDisabled(false);
    }
  }

  function setDecisionsDisabled(disabled) {
    list.querySelectorAll('.mq-decide').forEach((b) => {
      const s = shown.get(Number(b.closest('.mq-item').dataset.id));
      const target = ACTIONS.find(([a]) => a === b.dataset.action)[2];
      b.disabled = disabled || !s || s.comment.status === target;
    });
    updateSelection();
  }

  bulk.forEach((button) => button.addEventListener('click', async () => {
    const ids = selectedIds();
    if (!ids.length || busy) return;
    const action = button.dataset.action;
    const [, , , done] = ACTIONS.find(([a]) => a === action);
    busy = true;
    ids.forEach((id) => ownDecisions.add(id));
    setDecisionsDisabled(true);
    try {
      const result = await api('comments/bulk', { method: 'POST', body: { ids, action }, signal });
      const changed = (result && result.changed || []).length;
      const unchanged = (result && result.unchanged || []).length;
      await refresh();
      say(`${done}: ${count(changed, 'comment')}.` + (unchanged ? ` ${unchanged} already had that status.` : ''), 'success');
      title.focus();
    } catch (e) {
      fail(e);
    } finally {
      busy = false;
      setDecisionsDisabled(false);
    }
  }, { signal }));

  // --- keyboard triage ---------------------------------------------------------------------

  keysButton.addEventListener('click', () => keysDialog.showModal(), { signal });

  /** The comment whose card holds the focus, or null. */
  function currentCard() {
    const active = document.activeElement;
    return active instanceof Element && list.contains(active) ? active.closest('.mq-card') : null;
  }

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    if (event.key === '?') {
      event.preventDefault();
      keysDialog.showModal();
      return;
    }
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    const cards = Array.from(list.querySelectorAll('.mq-card'));
    const card = currentCard();
    const at = cards.indexOf(card);
    if (key === 'j' || key === 'k') {
      if (!cards.length) return;
      event.preventDefault();
      const to = at < 0 ? 0 : Math.max(0, Math.min(cards.length - 1, at + (key === 'j' ? 1 : -1)));
      cards[to].focus();
      cards[to].scrollIntoView({ block: 'nearest' });
      return;
    }
    if (!card || !(key in TRIAGE || key === 'x')) return;
    const s = shown.get(Number(card.closest('.mq-item').dataset.id));
    if (!s) return;
    event.preventDefault();
    if (key === 'x') {
      s.checkbox.checked = !s.checkbox.checked;
      updateSelection();
      say(`${s.checkbox.checked ? 'Selected' : 'Unselected'}: comment by ${s.comment.name}. ${selectedCount.textContent}.`);
      return;
    }
    const action = TRIAGE[key];
    const target = ACTIONS.find(([a]) => a === action)[2];
    if (s.comment.status === target) {
      say(`The comment by ${s.comment.name} is ${target.toLowerCase()} already.`);
      return;
    }
    decide(s.comment, action);
  }, { signal });

  // --- live updates ------------------------------------------------------------------------

  function updateNew() {
    const n = fresh.size;
    newButton.hidden = n === 0 && !stale;
    newButton.textContent = n > 0 ? `${count(n, 'new comment')}: show` : 'The queue changed: show it';
  }

  newButton.addEventListener('click', async () => {
    page = 0;
    try {
      await loadQueue();
      say(summary.textContent);
      title.focus();
    } catch (e) {
      fail(e);
    }
  }, { signal });

  /** After events may have been lost: is there more in this list than when it was shown? */
  async function checkTotal() {
    try {
      const data = await api(`comments?${queryParams(0, 1)}`, { signal });
      if (data.totalItems > total) {
        stale = true;
        updateNew();
      }
    } catch (e) {
      fail(e);
    }
  }

  /** Whether a held or reported comment would be in this list, but for the words (events do not carry the text). */
  function fits(event) {
    if (filter.articleId && filter.articleId !== event.articleId) return false;
    if (event.type === 'reported' && filter.reported) return !event.status || event.status === filter.status;
    return event.status === filter.status && !filter.reported;
  }

  // With words in the filter, the service says which new comments match: the ids that fit otherwise wait here,
  // then one request (the list's filter, newest or most reported first) keeps those it answers.
  const candidates = new Set();
  let candidatesTimer = null;
  function checkCandidatesSoon() {
    if (candidatesTimer) return;
    candidatesTimer = setTimeout(async () => {
      candidatesTimer = null;
      const ids = [...candidates];
      candidates.clear();
      const params = queryParams(0, 100);
      if (!filter.reported) params.set('sort', 'newest');
      try {
        const data = await api(`comments?${params}`, { signal });
        const matching = new Set(data.items.map((c) => c.id));
        for (const id of ids) if (matching.has(id) && !shown.has(id)) fresh.add(id);
        updateNew();
      } catch (e) {
        fail(e);
      }
    }, 250);
  }
  signal.addEventListener('abort', () => clearTimeout(candidatesTimer));

  let statsTimer = null;
  function refreshStatsSoon() {
    if (statsTimer) return;
    statsTimer = setTimeout(() => {
      statsTimer = null;
      if (!signal.aborted) loadStats().catch(fail);
    }, 1000);
  }
  signal.addEventListener('abort', () => clearTimeout(statsTimer));

  function onEvent(event) {
    if (event.type === 'held' || event.type === 'reported') {
      if (fits(event) && !shown.has(event.commentId)) {
        if (filter.q) {
          candidates.add(event.commentId);
          checkCandidatesSoon();
        } else {
          fresh.add(event.commentId);
        }
      }
    } else if (event.type === 'decided') {
      fresh.delete(event.commentId);
      candidates.delete(event.commentId);
      const s = shown.get(event.commentId);
      if (s && !ownDecisions.has(event.commentId) && event.status !== s.comment.status) {
        markChanged(s, event.status);
      }
    } else if (event.type === 'resync') {
      checkTotal();
    }
    updateNew();
    refreshStatsSoon();
  }

  /** A comment someone else decided: said on its card, its buttons kept (If-Match will tell if it matters). */
  function markChanged(s, status) {
    const text = status ? `Changed by another moderator: now ${status}.` : 'Deleted by another moderator.';
    let note = s.node.querySelector('.mq-changed');
    if (!note) {
      note = el('p', { class: 'mq-changed' });
      s.node.querySelector('.mq-card-head').after(note);
    }
    note.textContent = text;
  }

  function listen() {
    const source = new EventSource(new URL('events', API_ROOT));
    let opened = 0;
    signal.addEventListener('abort', () => source.close());
    source.addEventListener('ready', () => {
      liveState.textContent = 'Live updates on';
      liveState.classList.remove('mq-live-off');
      if (opened++ > 0) onEvent({ type: 'resync' }); // reconnected: something may have been missed
    });
    for (const type of ['held', 'reported', 'decided', 'resync']) {
      source.addEventListener(type, (e) => {
        try {
          onEvent(JSON.parse(e.data));
        } catch (err) {
          // an event this page does not understand changes nothing
        }
      });
    }
    source.addEventListener('error', () => {
      liveState.textContent = 'Live updates paused: reconnecting…';
      liveState.classList.add('mq-live-off');
      if (source.readyState === EventSource.CLOSED && !signal.aborted) {
        // Refused (the session ended?): ask, so that a 401 goes back to the sign-in form; else try again later.
        api('session', { signal }).then(() => setTimeout(() => { if (!signal.aborted) listen(); }, 5000), fail);
      }
    });
  }

  listen();
  return refresh();
}

export default { route: 'queue', title: 'Queue', nav: true, role: 'moderator', render };
