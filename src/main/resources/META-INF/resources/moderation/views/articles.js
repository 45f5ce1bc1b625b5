/* Articles (#/articles, #/articles/budget-2026): each with its comments by status, whether it takes comments
 * now, when it closes, and premoderation; open or close now from the list, and every setting in the article's
 * form (close at a date, close N days after publication, premoderate). */
import { api, fail, say } from '../api.js';
import { el, formatDate, heading } from '../dom.js';
import { checkbox, field, instantOf, labelCells, localValueOf, pager, showErrors } from '../forms.js';

const PAGE_SIZE = 20;
const COLUMNS = ['Article', 'Approved', 'Pending', 'Spam', 'Rejected', 'Comments', 'Premoderated', 'Actions'];

/** The article's state in words: "Open", "Open until 5 Dec 2026, 18:00", "Closed", "Closed since …". */
export function stateText(a) {
  if (!a.acceptingComments) {
    if (!a.commentsOpen) return 'Closed';
    return a.closingAt ? `Closed since ${formatDate(a.closingAt)}` : 'Closed';
  }
  return a.closingAt ? `Open until ${formatDate(a.closingAt)}` : 'Open';
}

/** Opens now: comments on, and the closings already passed removed (else the article would stay closed). */
export function openNowSettings(a) {
  const clear = [];
  const now = Date.now();
  if (a.closesAt && Date.parse(a.closesAt) <= now) clear.push('closesAt');
  if (a.closeAfterDays != null && a.closingAt && Date.parse(a.closingAt) <= now) clear.push('closeAfterDays');
  return { commentsOpen: true, clear };
}

const articlePath = (id) => `articles/${encodeURIComponent(id)}`;

function render(ctx) {
  const { root, signal } = ctx;
  const search = field('mq-articles-q', 'Article id contains', el('input', { type: 'search', spellcheck: 'false', value: ctx.query.get('q') || '' }));
  const body = el('tbody', { id: 'mq-articles-body' });
  const empty = el('p', { class: 'mq-empty', hidden: true, id: 'mq-articles-empty' }, 'No articles match.');
  const pages = pager('Pages of articles', (p) => load(p));
  let page = Number.parseInt(ctx.query.get('page'), 10) || 0;
  const form = el('form', { class: 'mq-filters', role: 'search', 'aria-label': 'Find articles', id: 'mq-articles-search' },
    search.node, el('div', { class: 'mq-actions' }, el('button', { type: 'submit' }, 'Find')));
  root.append(heading('Articles', 'mq-articles-title'),
    el('p', { class: 'mq-hint' }, 'Articles appear with their first comment or setting; newest first.'),
    form,
    el('div', { class: 'mq-table-wrap' }, el('table', { class: 'mq-table', id: 'mq-articles' },
      el('caption', { class: 'mq-visually-hidden' }, 'Articles and their comments'),
      el('thead', null, el('tr', null, COLUMNS.map((h) => el('th', { scope: 'col' }, h)))),
      body)),
    empty, pages.node);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load(0);
  }, { signal });

  async function load(wanted) {
    const q = search.input.value.trim();
    const query = new URLSearchParams({ page: String(Math.max(0, wanted)), size: String(PAGE_SIZE) });
    if (q) query.set('q', q);
    try {
      const list = await api(`articles?${query}`, { signal });
      page = list.page;
      ctx.setQuery({ q, page: page || null });
      body.replaceChildren(...list.items.map(row));
      empty.hidden = list.items.length > 0;
      pages.update(list);
    } catch (e) {
      fail(e);
    }
  }

  function row(a) {
    const c = a.comments || {};
    const toggle = el('button', { type: 'button', class: 'mq-article-toggle',
      'aria-label': `${a.acceptingComments ? 'Close' : 'Open'} comments on ${a.id} now` },
    a.acceptingComments ? 'Close now' : 'Open now');
    toggle.addEventListener('click', async () => {
      toggle.disabled = true;
      try {
        const saved = await api(articlePath(a.id), { method: 'PUT', body: a.acceptingComments ? { commentsOpen: false } : openNowSettings(a), signal });
        say(`Comments on ${saved.id} are ${saved.acceptingComments ? 'open' : 'closed'}.`, 'success');
        const fresh = row(saved);
        document.getElementById(rowId(a.id)).replaceWith(fresh);
        fresh.querySelector('.mq-article-toggle').focus();
      } catch (e) {
        toggle.disabled = false;
        fail(e);
      }
    }, { signal });
    const pending = c.pending ? el('a', { href: `#/queue?articleId=${encodeURIComponent(a.id)}` }, String(c.pending)) : '0';
    return labelCells(el('tr', { id: rowId(a.id) },
      el('th', { scope: 'row', class: 'mq-article-id' }, el('a', { href: `#/${articlePath(a.id)}` }, a.id)),
      el('td', { class: 'mq-num' }, String(c.approved || 0)), el('td', { class: 'mq-num' }, pending),
      el('td', { class: 'mq-num' }, String(c.spam || 0)), el('td', { class: 'mq-num' }, String(c.rejected || 0)),
      el('td', { class: `mq-article-state ${a.acceptingComments ? 'mq-open' : 'mq-closed'}` }, stateText(a)),
      el('td', null, a.premoderate ? 'Yes' : 'No'),
      el('td', { class: 'mq-row-actions' }, toggle, el('a', { href: `#/${articlePath(a.id)}`, 'aria-label': `Settings of ${a.id}` }, 'Settings'))), COLUMNS);
  }
  return load(page);
}

const rowId = (articleId) => `mq-article-${articleId}`;

async function renderOne(ctx) {
  const { root, signal } = ctx;
  const id = ctx.params.id;
  let article;
  try {
    article = await api(articlePath(id), { signal });
  } catch (e) {
    if (e.status !== 404) throw e;
    article = null; // no comments and no settings yet: the form creates its record
  }
  root.append(el('p', { class: 'mq-breadcrumb' }, el('a', { href: '#/articles' }, 'Articles')),
    heading(`Article ${id}`, 'mq-article-title'));
  const facts = el('dl', { class: 'mq-facts', id: 'mq-article-facts' });
  root.append(facts);
  const drawFacts = (a) => {
    const c = (a && a.comments) || {};
    facts.replaceChildren(
      el('dt', null, 'Comments'), el('dd', { id: 'mq-article-state' }, a ? stateText(a) : 'Open (no record yet)'),
      el('dt', null, 'Stored comments'), el('dd', null,
        `${c.approved || 0} approved, `, el('a', { href: `#/queue?articleId=${encodeURIComponent(id)}` }, `${c.pending || 0} pending`),
        `, ${c.spam || 0} spam, ${c.rejected || 0} rejected`),
      el('dt', null, 'Last change'), el('dd', null, a ? formatDate(a.updatedAt) : '—', ' ',
        el('a', { href: `#/audit?articleId=${encodeURIComponent(id)}` }, 'history')));
  };
  drawFacts(article);

  const a = article || {};
  const open = checkbox('mq-article-open', 'Comments open', a.commentsOpen !== false,
    'Unticked: closed now, whatever the dates below.');
  const closesAt = field('mq-article-closes-at', 'Close at', el('input', { type: 'datetime-local', value: localValueOf(a.closesAt) }),
    'In your time zone. Empty: no closing date.');
  const closeAfterDays = field('mq-article-close-after', 'Close after (days)',
    el('input', { type: 'number', min: '1', max: '3650', value: a.closeAfterDays ?? '' }),
    'Days after publication (or the first comment). Empty: never.');
  const publishedAt = field('mq-article-published', 'Published at', el('input', { type: 'datetime-local', value: localValueOf(a.publishedAt) }),
    'Where "close after" counts from.');
  const premoderate = checkbox('mq-article-premoderate', 'Premoderate: hold every comment for a moderator', a.premoderate === true);
  const submit = el('button', { type: 'submit', class: 'mq-primary', id: 'mq-article-save' }, 'Save settings');
  const form = el('form', { id: 'mq-article-form', class: 'mq-form mq-panel', novalidate: true, 'aria-labelledby': 'mq-article-form-title' },
    el('h3', { id: 'mq-article-form-title' }, 'Comment settings'),
    open.node, closesAt.node, closeAfterDays.node, publishedAt.node, premoderate.node, el('div', { class: 'mq-actions' }, submit));
  root.append(form);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const errorFields = { closesAt, closeAfterDays, publishedAt };
    showErrors(errorFields);
    const settings = { commentsOpen: open.input.checked, premoderate: premoderate.input.checked, clear: [] };
    const put = (name, value) => {
      if (value == null || value === '') settings.clear.push(name);
      else settings[name] = value;
    };
    put('closesAt', instantOf(closesAt.input.value));
    put('closeAfterDays', closeAfterDays.input.value.trim() === '' ? null : Number(closeAfterDays.input.value));
    put('publishedAt', instantOf(publishedAt.input.value));
    submit.disabled = true;
    try {
      const saved = await api(articlePath(id), { method: 'PUT', body: settings, signal });
      drawFacts(saved);
      say(`Saved. Comments on ${saved.id}: ${stateText(saved)}${saved.premoderate ? ', premoderated' : ''}.`, 'success');
    } catch (e) {
      const first = showErrors(errorFields, e);
      fail(e);
      if (first) first.input.focus();
    } finally {
      submit.disabled = false;
    }
  }, { signal });
}

export default { route: 'articles', title: 'Articles', nav: true, role: 'moderator', render };
export const article = { route: 'articles/:id', title: 'Article', nav: false, role: 'moderator', render: renderOne };
