/* Moderation queue page: sign in, counts, the queue with its filters, decisions one by one or in bulk.
 * Plain JavaScript, no dependencies. Signs in through the session API: the service sets an HttpOnly
 * cookie, and this script keeps no password once signed in (nor anything in storage); a reload keeps the
 * session. Every request sends X-Requested-With, which the service requires of cookie-signed changes.
 * Comment data is only ever inserted as text (append, textContent), never as HTML. */
(() => {
  'use strict';

  const API = new URL('../api/moderation/', location.href).href;
  const PAGE_SIZE = 20;
  const STATUSES = [['PENDING', 'Pending'], ['APPROVED', 'Approved'], ['SPAM', 'Spam'], ['REJECTED', 'Rejected']];
  const ACTIONS = [['approve', 'Approve', 'APPROVED', 'Approved'], ['spam', 'Spam', 'SPAM', 'Marked as spam'],
    ['reject', 'Reject', 'REJECTED', 'Rejected']];
  const MSG = {
    wrongCredentials: 'Wrong user name or password',
    throttled: (seconds) => `Too many failed sign-ins. Please try again in ${seconds} second${seconds === 1 ? '' : 's'}.`,
    signedOut: 'Your session ended. Please sign in again.',
    stale: 'Someone else changed this comment; reloaded.',
    network: 'The comment service could not be reached. Please try again.',
    failed: 'The request failed.',
    loading: 'Loading…'
  };

  const $ = (id) => document.getElementById(id);
  const ui = {
    status: $('mq-status'), signin: $('mq-signin'), signinError: $('mq-signin-error'), user: $('mq-signin-user'),
    password: $('mq-signin-password'), workspace: $('mq-workspace'), who: $('mq-user'), username: $('mq-username'),
    signout: $('mq-signout'), stats: $('mq-stats'), filters: $('mq-filters'), list: $('mq-list'), empty: $('mq-empty'),
    summary: $('mq-summary'), prev: $('mq-prev'), next: $('mq-next'), page: $('mq-page'), heading: $('mq-queue-title'),
    selectAll: $('mq-select-all'), selectedCount: $('mq-selected-count'),
    bulk: Array.from(document.querySelectorAll('.mq-bulk-action'))
  };

  let signedIn = false;
  let filter = { status: 'PENDING', articleId: '', q: '', reported: false };
  let page = 0;
  let totalItems = 0;
  let shown = new Map(); // id -> {comment, checkbox, node}
  let busy = false;

  const { el, formatDate } = window.CommentsWidget; // widget/comments.js, loaded first

  function say(text, kind) {
    // Clear first so that the same message twice is announced twice.
    ui.status.textContent = '';
    ui.status.className = `mq-status${kind ? ` mq-status-${kind}` : ''}`;
    if (text) setTimeout(() => { ui.status.textContent = text; }, 30);
  }

  /** A failed answer: its status and the problem's detail in words (never raw JSON). */
  class ApiError extends Error {
    constructor(status, message, retryAfter) {
      super(message);
      this.status = status;
      this.retryAfter = retryAfter;
    }
  }

  async function call(path, { method = 'GET', body, ifMatch } = {}) {
    const headers = {
      Accept: 'application/json, application/problem+json',
      'X-Requested-With': 'XMLHttpRequest'
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (ifMatch != null) headers['If-Match'] = `"${ifMatch}"`;
    let res;
    try {
      res = await fetch(new URL(path, API), {
        method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin', cache: 'no-store'
      });
    } catch (e) {
      throw new ApiError(0, MSG.network);
    }
    const data = res.status === 204 ? null : await res.json().catch(() => null);
    if (res.ok) return data;
    if (res.status === 401) throw new ApiError(401, MSG.wrongCredentials);
    if (res.status === 429) {
      const seconds = Math.max(1, parseInt(res.headers.get('Retry-After'), 10) || 60);
      throw new ApiError(429, MSG.throttled(seconds), seconds);
    }
    const text = data && typeof data.detail === 'string' && data.detail
      || data && typeof data.title === 'string' && data.title || `${MSG.failed} (HTTP ${res.status})`;
    throw new ApiError(res.status, text);
  }

  /** Any failure while signed in: a 401 means the session ended. */
  function fail(e) {
    if (e.status === 401) {
      showSignedOut();
      ui.signinError.textContent = MSG.signedOut;
      return;
    }
    say(e.message || MSG.failed, 'error');
  }

  // --- sign-in -------------------------------------------------------------------------------

  function showSignIn() {
    ui.workspace.hidden = true;
    ui.who.hidden = true;
    ui.signin.hidden = false;
  }

  /** Back to the sign-in form, with nothing of the last moderator's work left on the page. */
  function showSignedOut() {
    signedIn = false;
    shown = new Map();
    ui.list.replaceChildren();
    ui.stats.replaceChildren();
    ui.password.value = '';
    ui.signinError.textContent = '';
    showSignIn();
    ui.user.focus();
  }

  /** Shows the workspace of the signed-in moderator {username, roles, expiresAt}. */
  async function enter(session) {
    signedIn = true;
    ui.password.value = '';
    ui.username.textContent = session.username;
    ui.who.hidden = false;
    ui.signin.hidden = true;
    ui.workspace.hidden = false;
    await refresh();
  }

  ui.signin.addEventListener('submit', async (event) => {
    event.preventDefault();
    const username = ui.user.value.trim();
    const password = ui.password.value;
    ui.signinError.textContent = '';
    if (!username || !password) {
      ui.signinError.textContent = 'Please enter your user name and password.';
      (username ? ui.password : ui.user).focus();
      return;
    }
    const button = ui.signin.querySelector('[type=submit]');
    button.disabled = true;
    try {
      const session = await call('session', { method: 'POST', body: { username, password } });
      ui.password.value = '';
      await enter(session);
      ui.heading.focus();
    } catch (e) {
      if (signedIn) { // signed in, but the queue could not be loaded
        fail(e);
        return;
      }
      ui.signinError.textContent = e.message;
      ui.password.select();
      ui.password.focus();
    } finally {
      button.disabled = false;
    }
  });

  ui.signout.addEventListener('click', async () => {
    try {
      await call('session', { method: 'DELETE' });
    } catch (e) {
      say(e.message || MSG.failed, 'error');
      return;
    }
    showSignedOut();
    say('Signed out.');
  });

  // --- counts --------------------------------------------------------------------------------

  function renderStats(stats) {
    const total = (stats && stats.total) || {};
    const reports = (stats && stats.reports) || {};
    const open = Object.values(reports.open || {}).reduce((a, b) => a + b, 0);
    ui.stats.replaceChildren(...STATUSES.map(([status, label]) =>
      el('li', { class: `mq-stat mq-stat-${status.toLowerCase()}`, 'data-status': status },
        el('span', { class: 'mq-stat-count' }, String(total[status] ?? 0)), ' ',
        el('span', { class: 'mq-stat-label' }, label))),
    el('li', { class: 'mq-stat mq-stat-reports', 'data-status': 'REPORTS' },
      el('span', { class: 'mq-stat-count' }, String(open)), ' ',
      el('span', { class: 'mq-stat-label' }, `open reports (${reports.hiddenComments ?? 0} comments hidden by them)`)));
  }

  async function loadStats() {
    renderStats(await call('stats'));
  }

  // --- the queue -----------------------------------------------------------------------------

  const FIELD_VALUE = { name: (c) => c.name, text: (c) => c.text, email: (c) => c.email, website: (c) => c.website, ip: (c) => c.ipAddress };

  /** The reasons' [start, end) ranges that really lie in this value (UTF-16 offsets), merged. */
  function rangesFor(comment, field) {
    const value = FIELD_VALUE[field] ? FIELD_VALUE[field](comment) : null;
    if (typeof value !== 'string') return [];
    const ranges = (comment.reasons || [])
      .filter((r) => r.field === field && Number.isInteger(r.start) && Number.isInteger(r.end)
        && r.start >= 0 && r.start < r.end && r.end <= value.length)
      .map((r) => [r.start, r.end])
      .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const merged = [];
    for (const [s, e] of ranges) {
      const last = merged[merged.length - 1];
      if (last && s <= last[1]) last[1] = Math.max(last[1], e);
      else merged.push([s, e]);
    }
    return merged;
  }

  /** The value as text nodes with each range in a <mark>: never HTML. */
  function highlighted(value, ranges) {
    const nodes = [];
    let at = 0;
    for (const [s, e] of ranges) {
      if (s > at) nodes.push(document.createTextNode(value.slice(at, s)));
      const mark = document.createElement('mark');
      mark.textContent = value.slice(s, e);
      nodes.push(mark);
      at = e;
    }
    if (at < value.length) nodes.push(document.createTextNode(value.slice(at)));
    return nodes;
  }

  /** One field, with the matches of the reasons highlighted. */
  function fieldValue(comment, field) {
    const value = FIELD_VALUE[field](comment);
    return value == null ? '' : highlighted(String(value), rangesFor(comment, field));
  }

  /** A reason in words, with the matched text in a short excerpt of its field. */
  function renderReason(comment, r) {
    const parts = [el('span', { class: 'mq-reason-type' }, r.type || 'RULE')];
    if (r.ruleId != null) parts.push(' ', el('span', { class: 'mq-reason-rule' }, `rule #${r.ruleId}`));
    if (r.action) parts.push(' ', el('span', { class: `mq-reason-action mq-action-${String(r.action).toLowerCase()}` }, r.action));
    if (r.detail) parts.push(' ', el('span', { class: 'mq-reason-detail' }, r.detail));
    const value = r.field && FIELD_VALUE[r.field] ? FIELD_VALUE[r.field](comment) : null;
    if (typeof value === 'string' && Number.isInteger(r.start) && Number.isInteger(r.end)
        && r.start >= 0 && r.start < r.end && r.end <= value.length) {
      const from = Math.max(0, r.start - 30);
      const to = Math.min(value.length, r.end + 30);
      const excerpt = highlighted(value.slice(from, to), [[r.start - from, r.end - from]]);
      parts.push(' ', el('span', { class: 'mq-reason-where' }, `in ${r.field}: `,
        el('q', { class: 'mq-excerpt' }, from > 0 ? '…' : null, excerpt, to < value.length ? '…' : null)));
    } else if (r.field) {
      parts.push(' ', el('span', { class: 'mq-reason-where' }, `(${r.field})`));
    }
    return el('li', { class: 'mq-reason' }, parts);
  }

  /** Readers' open reports: how many, per reason, and each note with its reporter (moderators only). */
  function renderReports(c) {
    const r = c.reports;
    if (!r || !r.count) return null;
    const reasons = Object.entries(r.reasons || {}).map(([reason, n]) => `${reason} ${n}`).join(', ');
    const dismiss = el('button', { type: 'button', class: 'mq-dismiss', 'aria-describedby': `mq-comment-${c.id}-title` }, 'Dismiss reports');
    dismiss.addEventListener('click', () => dismissReports(c));
    return el('section', { class: 'mq-reports', 'aria-label': 'Reports from readers' },
      el('p', { class: 'mq-reports-summary' }, el('strong', null, `Reported by ${r.count} reader${r.count === 1 ? '' : 's'}`), `: ${reasons}`),
      el('ul', { class: 'mq-report-list' }, (r.reports || []).map((x) => el('li', { class: 'mq-report' },
        el('span', { class: 'mq-reason-type' }, x.reason), ' ',
        x.note ? el('q', { class: 'mq-report-note' }, x.note) : el('span', { class: 'mq-muted' }, 'no note'), ' ',
        el('span', { class: 'mq-muted' }, `${[x.email, x.ipAddress].filter(Boolean).join(', ')}, ${formatDate(x.createdAt)}`)))),
      dismiss);
  }

  async function dismissReports(c) {
    if (busy) return;
    busy = true;
    try {
      const result = await call(`comments/${encodeURIComponent(c.id)}/reports/dismiss`, { method: 'POST', body: {} });
      await refresh();
      say(`Dismissed ${result.dismissed} report${result.dismissed === 1 ? '' : 's'} on the comment by ${c.name}.`, 'success');
      ui.heading.focus();
    } catch (e) {
      fail(e);
    } finally {
      busy = false;
    }
  }

  function renderComment(c) {
    const headingId = `mq-comment-${c.id}-title`;
    const checkbox = el('input', { type: 'checkbox', class: 'mq-select', value: c.id, 'aria-label': `Select the comment by ${c.name}` });
    checkbox.addEventListener('change', updateSelection);
    const buttons = ACTIONS.map(([action, label, target]) => {
      const button = el('button', {
        type: 'button', class: `mq-decide mq-decide-${action}`, 'data-action': action,
        'aria-describedby': headingId, disabled: c.status === target
      }, label);
      button.addEventListener('click', () => decide(c, action));
      return button;
    });
    const meta = [
      ['Email', c.email ? el('span', { class: 'mq-email' }, fieldValue(c, 'email')) : el('span', { class: 'mq-muted' }, 'none')],
      ['IP', el('span', { class: 'mq-ip' }, fieldValue(c, 'ip'))],
      ['Article', el('span', { class: 'mq-article' }, c.articleId)],
      ['Date', el('time', { datetime: c.createdAt }, formatDate(c.createdAt))]
    ];
    if (c.website) meta.splice(1, 0, ['Website', el('span', { class: 'mq-website' }, fieldValue(c, 'website'))]);
    if (c.parentId != null) meta.push(['Reply to', `comment ${c.parentId}`]);
    if (c.moderatedBy) meta.push(['Decided by', `${c.moderatedBy} ${formatDate(c.moderatedAt)}`]);
    const reasons = c.reasons && c.reasons.length
      ? el('ul', { class: 'mq-reasons', 'aria-label': 'Why it was held' }, c.reasons.map((r) => renderReason(c, r)))
      : el('p', { class: 'mq-reasons mq-muted' }, 'No rule fired.');
    const node = el('li', { class: 'mq-item', id: `mq-comment-${c.id}`, 'data-id': c.id, 'data-version': c.version },
      el('article', { class: 'mq-card', tabindex: '-1', 'aria-label': `Comment by ${c.name}` },
        el('header', { class: 'mq-card-head' },
          el('span', { class: 'mq-check' }, checkbox),
          el('h3', { class: 'mq-name', id: headingId }, fieldValue(c, 'name')),
          el('span', { class: `mq-badge mq-badge-${String(c.status).toLowerCase()}` }, c.status)),
        el('dl', { class: 'mq-meta' }, meta.map(([term, value]) => [el('dt', null, term), el('dd', null, value)])),
        el('p', { class: 'mq-text' }, fieldValue(c, 'text')),
        reasons,
        renderReports(c),
        el('div', { class: 'mq-decisions', role: 'group', 'aria-label': 'Decision' }, buttons)));
    shown.set(c.id, { comment: c, checkbox, node });
    return node;
  }

  function selectedIds() {
    return Array.from(shown.values()).filter((s) => s.checkbox.checked).map((s) => s.comment.id);
  }

  function updateSelection() {
    const n = selectedIds().length;
    ui.selectedCount.textContent = `${n} selected`;
    ui.bulk.forEach((b) => { b.disabled = n === 0 || busy; });
    ui.selectAll.checked = n > 0 && n === shown.size;
    ui.selectAll.indeterminate = n > 0 && n < shown.size;
  }

  ui.selectAll.addEventListener('change', () => {
    shown.forEach((s) => { s.checkbox.checked = ui.selectAll.checked; });
    updateSelection();
  });

  async function loadQueue() {
    const params = new URLSearchParams({ status: filter.status, page: String(page), size: String(PAGE_SIZE) });
    if (filter.articleId) params.set('articleId', filter.articleId);
    if (filter.q) params.set('q', filter.q);
    if (filter.reported) {
      params.set('reported', 'true');
      params.set('sort', 'reports');
    }
    ui.list.setAttribute('aria-busy', 'true');
    try {
      const data = await call(`comments?${params}`);
      totalItems = data.totalItems;
      const pages = Math.max(1, Math.ceil(totalItems / PAGE_SIZE));
      if (page > 0 && page >= pages) { // the last page emptied: go back one
        page = pages - 1;
        return loadQueue();
      }
      shown = new Map();
      ui.list.replaceChildren(...data.items.map(renderComment));
      ui.empty.hidden = data.items.length > 0;
      const label = STATUSES.find(([s]) => s === filter.status)[1].toLowerCase();
      ui.summary.textContent = `${totalItems} ${label}${filter.reported ? ' reported' : ''} comment${totalItems === 1 ? '' : 's'}`
        + (filter.articleId ? ` on ${filter.articleId}` : '') + (filter.q ? ` matching “${filter.q}”` : '') + '.';
      ui.page.textContent = `Page ${page + 1} of ${pages}`;
      ui.prev.disabled = page === 0;
      ui.next.disabled = page + 1 >= pages;
      updateSelection();
    } finally {
      ui.list.removeAttribute('aria-busy');
    }
  }

  async function refresh() {
    await Promise.all([loadQueue(), loadStats()]);
  }

  ui.filters.addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = new FormData(ui.filters);
    filter = {
      status: form.get('status'), articleId: String(form.get('articleId') || '').trim(), q: String(form.get('q') || '').trim(),
      reported: form.get('reported') === 'true'
    };
    page = 0;
    try {
      await loadQueue();
      say(ui.summary.textContent);
    } catch (e) {
      fail(e);
    }
  });

  for (const [button, delta] of [[ui.prev, -1], [ui.next, 1]]) {
    button.addEventListener('click', async () => {
      page = Math.max(0, page + delta);
      try {
        await loadQueue();
        say(`${ui.page.textContent}.`);
        ui.heading.focus();
      } catch (e) {
        fail(e);
      }
    });
  }

  /** After a comment left the list: focus the next one, or the heading. */
  function focusAfter(index) {
    const items = ui.list.querySelectorAll('.mq-card');
    const next = items[Math.min(index, items.length - 1)];
    (next || ui.heading).focus();
  }

  async function decide(c, action) {
    if (busy) return;
    const [, , , done] = ACTIONS.find(([a]) => a === action);
    const index = Array.from(ui.list.children).indexOf(shown.get(c.id) && shown.get(c.id).node);
    busy = true;
    setDecisionsDisabled(true);
    try {
      await call(`comments/${encodeURIComponent(c.id)}/${action}`, { method: 'POST', body: {}, ifMatch: c.version });
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
    ui.list.querySelectorAll('.mq-decide').forEach((b) => {
      const s = shown.get(Number(b.closest('.mq-item').dataset.id));
      const target = ACTIONS.find(([a]) => a === b.dataset.action)[2];
      b.disabled = disabled || !s || s.comment.status === target;
    });
    updateSelection();
  }

  ui.bulk.forEach((button) => button.addEventListener('click', async () => {
    const ids = selectedIds();
    if (!ids.length || busy) return;
    const action = button.dataset.action;
    const [, , , done] = ACTIONS.find(([a]) => a === action);
    busy = true;
    setDecisionsDisabled(true);
    try {
      const report = await call('comments/bulk', { method: 'POST', body: { ids, action } });
      const changed = (report && report.changed || []).length;
      const unchanged = (report && report.unchanged || []).length;
      await refresh();
      say(`${done}: ${changed} comment${changed === 1 ? '' : 's'}.`
        + (unchanged ? ` ${unchanged} already had that status.` : ''), 'success');
      ui.heading.focus();
    } catch (e) {
      fail(e);
    } finally {
      busy = false;
      setDecisionsDisabled(false);
    }
  }));

  // A reload keeps the session: ask who is signed in before showing the form.
  call('session').then(enter).catch((e) => {
    if (signedIn) {
      fail(e);
    } else {
      showSignIn();
    }
  });
})();
