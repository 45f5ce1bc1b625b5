/* The audit log (#/audit?actor=ayse&action=APPROVE&commentId=12&from=2026-12-01): every moderator action,
 * newest first, filtered by moderator, comment, action, article and date; each entry links to its comment
 * (#/comments/12) and article. The filters live in the address, so a filtered log can be linked to. */
import { api, fail, say } from '../api.js';
import { count, el, formatDate, heading } from '../dom.js';
import { field, pager, select } from '../forms.js';

const PAGE_SIZE = 25;

/** The actions the service writes, for the filter (the log may hold others: "Other…" takes any name). */
export const ACTIONS = [
  ['APPROVE', 'Approved'], ['HOLD', 'Held'], ['SPAM', 'Marked as spam'], ['REJECT', 'Rejected'], ['RESTORE', 'Restored'],
  ['EDIT', 'Edited'], ['DELETE', 'Deleted'], ['DISMISS_REPORTS', 'Reports dismissed'], ['HIDE_REPORTED', 'Hidden by reports'],
  ['ERASE_AUTHOR', 'Author erased'], ['EXPORT_AUTHOR', 'Author exported'], ['EXPORT', 'Backup exported'], ['ARTICLE_SETTINGS', 'Article settings'],
  ['RULE_CREATE', 'Rule created'], ['RULE_UPDATE', 'Rule changed'], ['RULE_DELETE', 'Rule deleted'],
  ['IMPORT', 'Import'], ['PURGE', 'Spam purged'], ['WEBHOOK_CREATE', 'Webhook created'], ['WEBHOOK_UPDATE', 'Webhook changed'],
  ['WEBHOOK_DELETE', 'Webhook deleted'], ['SIGN_IN', 'Signed in'], ['SIGN_OUT', 'Signed out'], ['SIGN_IN_FAILED', 'Failed sign-ins'],
  ['PASSWORD_CHANGE', 'Password changed'], ['SIGN_OUT_EVERYWHERE', 'Signed out everywhere'],
  ['MODERATOR_CREATE', 'Moderator account created'], ['MODERATOR_ROLE', 'Moderator role changed'],
  ['MODERATOR_DISABLE', 'Moderator account disabled'], ['MODERATOR_ENABLE', 'Moderator account enabled'],
  ['MODERATOR_DELETE', 'Moderator account deleted']
];
const ACTION_WORDS = Object.fromEntries(ACTIONS);
const FILTERS = ['actor', 'commentId', 'action', 'articleId', 'from', 'to'];

async function render(ctx) {
  const { root, signal, query } = ctx;
  const actor = field('mq-audit-actor', 'Moderator', el('input', { type: 'text', list: 'mq-audit-actors', spellcheck: 'false', autocapitalize: 'none' }));
  const actors = el('datalist', { id: 'mq-audit-actors' });
  const comment = field('mq-audit-comment', 'Comment id', el('input', { type: 'text', inputmode: 'numeric', pattern: '[0-9]*' }));
  const known = ACTIONS.map(([v]) => v);
  const given = query.get('action') || '';
  const action = field('mq-audit-action', 'Action', select([['', 'Any action'], ...ACTIONS,
    ...(given && !known.includes(given) ? [[given, given]] : [])], given));
  const article = field('mq-audit-article', 'Article id', el('input', { type: 'text', spellcheck: 'false' }));
  const from = field('mq-audit-from', 'From (day, UTC)', el('input', { type: 'date' }));
  const to = field('mq-audit-to', 'To (day, UTC, included)', el('input', { type: 'date' }));
  const inputs = { actor, commentId: comment, action, articleId: article, from, to };
  actor.input.value = query.get('actor') || '';
  comment.input.value = query.get('commentId') || '';
  article.input.value = query.get('articleId') || '';
  from.input.value = query.get('from') || '';
  to.input.value = dayBefore(query.get('to')) || '';
  let page = Number.parseInt(query.get('page'), 10) || 0;

  const list = el('ol', { id: 'mq-audit-list', class: 'mq-audit-list' });
  const summary = el('p', { id: 'mq-audit-summary', class: 'mq-muted' });
  const empty = el('p', { class: 'mq-empty', id: 'mq-audit-empty', hidden: true }, 'No entries match.');
  const pages = pager('Pages of the audit log', (p) => load(p));
  const clear = el('button', { type: 'button', id: 'mq-audit-clear' }, 'Clear filters');
  const form = el('form', { id: 'mq-audit-filters', class: 'mq-filters', role: 'search', 'aria-label': 'Filter the audit log' },
    Object.values(inputs).map((f) => f.node), actors,
    el('div', { class: 'mq-actions' }, el('button', { type: 'submit' }, 'Show'), clear));
  root.append(heading('Audit log', 'mq-audit-title'),
    el('p', { class: 'mq-hint' }, 'Every moderator action, newest first. Nothing here can be changed or deleted.'),
    form, summary, list, empty, pages.node);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load(0);
  }, { signal });
  clear.addEventListener('click', () => {
    for (const f of Object.values(inputs)) f.input.value = '';
    load(0);
  }, { signal });

  // Admins may list the moderators, to offer their names; others type them.
  if (ctx.isAdmin) {
    api('moderators', { signal }).then((moderators) => {
      actors.replaceChildren(...moderators.map((m) => el('option', { value: m.username })));
    }, () => {});
  }

  async function load(wanted) {
    const filters = {
      actor: actor.input.value.trim(), commentId: comment.input.value.trim(), action: action.input.value,
      articleId: article.input.value.trim(), from: from.input.value, to: dayAfter(to.input.value)
    };
    const params = new URLSearchParams({ page: String(Math.max(0, wanted)), size: String(PAGE_SIZE) });
    for (const key of FILTERS) if (filters[key]) params.set(key, filters[key]);
    for (const f of Object.values(inputs)) {
      f.error.textContent = '';
      f.input.removeAttribute('aria-invalid');
    }
    try {
      const entries = await api(`audit?${params}`, { signal });
      page = entries.page;
      ctx.setQuery({ ...filters, page: page || null });
      list.replaceChildren(...entries.items.map(entry));
      empty.hidden = entries.items.length > 0;
      const filtered = FILTERS.some((k) => filters[k]);
      summary.textContent = `${count(entries.totalItems, 'entry', 'entries')}${filtered
        ? ` ${entries.totalItems === 1 ? 'matches' : 'match'} the filters` : ''}.`;
      pages.update(entries);
      return entries;
    } catch (e) {
      const errors = e && e.problem && Array.isArray(e.problem.errors) ? e.problem.errors : [];
      for (const { field: name, message } of errors) {
        const f = inputs[name];
        if (f) {
          f.error.textContent = message;
          f.input.setAttribute('aria-invalid', 'true');
        }
      }
      fail(e);
      return null;
    }
  }

  const entries = await load(page);
  if (entries && FILTERS.some((k) => query.get(k))) say(summary.textContent);
}

/** One entry: when, who, what, on which comment and article, and what it kept. */
function entry(e) {
  const what = ACTION_WORDS[e.action] || e.action;
  const status = e.fromStatus || e.toStatus ? ` (${e.fromStatus || '—'} → ${e.toStatus || '—'})` : '';
  const facts = [];
  if (e.commentId != null) {
    facts.push(el('div', null, el('dt', null, 'Comment'), el('dd', null,
      el('a', { href: `#/comments/${e.commentId}`, class: 'mq-audit-comment' }, `#${e.commentId}`))));
  }
  if (e.articleId) {
    facts.push(el('div', null, el('dt', null, 'Article'), el('dd', null,
      el('a', { href: `#/articles/${encodeURIComponent(e.articleId)}` }, e.articleId))));
  }
  if (e.note) facts.push(el('div', null, el('dt', null, 'Note'), el('dd', { class: 'mq-audit-note' }, e.note)));
  if (e.details) facts.push(el('div', null, el('dt', null, 'Details'), el('dd', { class: 'mq-audit-details' }, e.details)));
  return el('li', { class: 'mq-audit-entry mq-card', id: `mq-audit-${e.id}`, 'data-action': e.action },
    el('p', { class: 'mq-audit-head' },
      el('time', { datetime: e.at }, formatDate(e.at)), ' ',
      el('strong', { class: 'mq-audit-actor' }, e.actor), ' ',
      el('span', { class: 'mq-audit-action' }, what), status),
    facts.length ? el('dl', { class: 'mq-meta' }, facts) : null,
    e.previousText != null ? el('details', { class: 'mq-audit-previous' }, el('summary', null, 'Text before the edit'),
      el('p', { class: 'mq-text' }, e.previousText)) : null);
}

/** yyyy-mm-dd of the next day (the API's "to" excludes it, the form's includes it), or ''. */
function dayAfter(day) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day || '')) return '';
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function dayBefore(day) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day || '')) return '';
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export default { route: 'audit', title: 'Audit log', nav: true, role: 'moderator', render };
