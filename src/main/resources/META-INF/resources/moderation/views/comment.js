/* One comment (#/comments/123): its text with the moderation reasons' matches highlighted, the comment it
 * replies to and its replies, the author (e-mail, address, user agent, their other comments and statuses), the
 * open reports, and its full history from the audit log. Actions: approve, hold, spam (optionally blocking the
 * author), reject, restore, edit the text (the original stays in the history, and any earlier text can be
 * put back from there), delete, erase the author (a confirmation names what goes). Every change is sent with
 * If-Match: a comment changed meanwhile is reloaded, not overwritten. */
import { api, fail, say, fieldErrors, MSG } from '../api.js';
import { el, formatDate, count, markedField, reasonItem, heading } from '../dom.js';

/** [action, label, statuses it applies to, what the live region says] */
const DECISIONS = Object.freeze([
  ['approve', 'Approve', ['PENDING', 'SPAM', 'REJECTED'], 'Approved'],
  ['hold', 'Hold', ['APPROVED'], 'Held'],
  ['spam', 'Spam', ['PENDING', 'APPROVED', 'REJECTED'], 'Marked as spam'],
  ['reject', 'Reject', ['PENDING', 'APPROVED', 'SPAM'], 'Rejected'],
  ['restore', 'Restore', ['SPAM', 'REJECTED'], 'Restored']
]);

const badge = (status) => el('span', { class: `mq-badge mq-badge-${String(status).toLowerCase()}` }, status);
const commentLink = (c) => el('a', { href: `#/comments/${c.id}` }, `Comment ${c.id}`);

function related(c, { showArticle }) {
  return el('li', { class: 'mq-related' },
    el('p', { class: 'mq-related-head' }, commentLink(c), ' ', badge(c.status), ' ', el('strong', { dir: 'auto' }, c.name), ' ',
      el('span', { class: 'mq-muted' }, [showArticle ? `on ${c.articleId}, ` : '', formatDate(c.createdAt)])),
    el('p', { class: 'mq-related-text', dir: 'auto' }, c.text));
}

function section(id, title, ...content) {
  return el('section', { class: 'mq-detail-section', 'aria-labelledby': id }, el('h3', { id }, title), content);
}

async function render(ctx) {
  const { root, signal } = ctx;
  const id = ctx.params.id;
  if (!/^\d{1,18}$/.test(id)) {
    root.append(heading('Not found', 'mq-comment-title'), el('p', null, 'There is no comment at this address.'));
    return;
  }
  const dialog = el('dialog', { id: 'mq-confirm', class: 'mq-dialog', 'aria-labelledby': 'mq-confirm-title' });
  let c;

  async function load() {
    c = await api(`comments/${id}`, { signal });
  }

  /** Runs a change; on 412 reloads and says so; then shows the comment again and puts the focus on focusId. */
  async function change(run, done, focusId) {
    try {
      await run();
      await load();
      show();
      say(done, 'success');
    } catch (e) {
      if (e.status === 412) {
        await load().then(show).catch(fail);
        say(MSG.stale, 'error');
      } else if (e.status === 404) {
        root.replaceChildren(heading('Not found', 'mq-comment-title'), el('p', null, e.message));
        say(e.message, 'error');
        return;
      } else {
        fail(e);
        return;
      }
    }
    const target = focusId && document.getElementById(focusId);
    (target || root.querySelector('.mq-view-title')).focus();
  }

  /** A modal confirmation: resolves true when the moderator confirms. */
  function confirm(title, text, confirmLabel) {
    return new Promise((resolve) => {
      const yes = el('button', { type: 'button', class: 'mq-danger', id: 'mq-confirm-yes' }, confirmLabel);
      const no = el('button', { type: 'button', id: 'mq-confirm-no' }, 'Cancel');
      dialog.replaceChildren(el('h2', { id: 'mq-confirm-title' }, title), el('p', { id: 'mq-confirm-text' }, text),
        el('div', { class: 'mq-actions' }, yes, no));
      const finish = (answer) => {
        dialog.close();
        resolve(answer);
      };
      yes.addEventListener('click', () => finish(true), { once: true });
      no.addEventListener('click', () => finish(false), { once: true });
      dialog.addEventListener('cancel', () => resolve(false), { once: true });
      dialog.showModal();
      no.focus();
    });
  }

  function show() {
    const titleId = 'mq-comment-title';
    const note = el('input', { id: 'mq-detail-note', name: 'note', maxlength: '500', autocomplete: 'off' });
    const block = el('input', { type: 'checkbox', id: 'mq-detail-block' });
    const decisions = DECISIONS.map(([action, label, from, done]) => {
      const button = el('button', { type: 'button', class: `mq-decide mq-decide-${action}`, 'data-action': action,
        disabled: !from.includes(c.status) }, label);
      button.addEventListener('click', () => change(() => api(`comments/${c.id}/${action}`, {
        method: 'POST', ifMatch: c.version, signal,
        body: { note: note.value.trim() || undefined, blockAuthor: action === 'spam' && block.checked ? true : undefined }
      }), `${done}: comment ${c.id} by ${c.name}.`, 'mq-detail-actions-title'), { signal });
      return button;
    });

    const editText = el('textarea', { id: 'mq-edit-text', name: 'text', rows: '6', 'aria-describedby': 'mq-edit-hint mq-edit-error' });
    editText.value = c.text;
    const editNote = el('input', { id: 'mq-edit-note', name: 'note', maxlength: '500', autocomplete: 'off' });
    const editError = el('p', { id: 'mq-edit-error', class: 'mq-field-error' });
    const editForm = el('form', { id: 'mq-edit', class: 'mq-edit', 'aria-labelledby': 'mq-edit-title' },
      el('h4', { id: 'mq-edit-title' }, 'Edit the text'),
      el('div', { class: 'mq-field' }, el('label', { for: 'mq-edit-text' }, 'Text'), editText,
        el('small', { id: 'mq-edit-hint', class: 'mq-hint' }, 'The text before your edit stays in the history below.'), editError),
      el('div', { class: 'mq-field' }, el('label', { for: 'mq-edit-note' }, 'Why (kept in the history)'), editNote),
      el('div', { class: 'mq-actions' }, el('button', { type: 'submit', class: 'mq-primary' }, 'Save text')));
    editForm.addEventListener('submit', (event) => {
      event.preventDefault();
      editError.textContent = '';
      editText.removeAttribute('aria-invalid');
      if (editText.value === c.text) {
        say('The text is unchanged.');
        return;
      }
      change(() => api(`comments/${c.id}`, {
        method: 'PATCH', ifMatch: c.version, signal, body: { text: editText.value, note: editNote.value.trim() || undefined }
      }).catch((e) => {
        const errors = fieldErrors(e);
        if (errors.text) {
          editError.textContent = errors.text;
          editText.setAttribute('aria-invalid', 'true');
        }
        throw e;
      }), `Text saved: comment ${c.id}.`, 'mq-history-title');
    }, { signal });

    const remove = el('button', { type: 'button', class: 'mq-danger', id: 'mq-delete' }, 'Delete comment');
    remove.addEventListener('click', async () => {
      const replies = (c.replies || []).length;
      if (!await confirm('Delete this comment?', `Comment ${c.id} by ${c.name} will be deleted for good`
          + (replies ? `; its ${count(replies, 'reply', 'replies')} stay readable.` : '.'), 'Delete')) {
        remove.focus();
        return;
      }
      try {
        await api(`comments/${c.id}`, { method: 'DELETE', ifMatch: c.version, signal });
        say(`Deleted: comment ${c.id} by ${c.name}.`, 'success');
        ctx.navigate('#/queue');
      } catch (e) {
        if (e.status === 412) {
          await load().then(show).catch(fail);
          say(MSG.stale, 'error');
        } else {
          fail(e);
        }
      }
    }, { signal });

    const author = c.author;
    const erase = c.email ? el('button', { type: 'button', class: 'mq-danger', id: 'mq-erase' }, 'Erase this author') : null;
    if (erase) {
      erase.addEventListener('click', async () => {
        const total = author && author.by === 'email' ? Object.values(author.counts || {}).reduce((a, b) => a + b, 0) : 1;
        const text = `Everything stored about ${c.email} will be erased for good: ${count(total, 'comment')} by this `
          + 'e-mail address (replies by others stay), the texts the audit log kept of them, and the reports they made.';
        if (!await confirm(`Erase ${c.email}?`, text, 'Erase')) {
          erase.focus();
          return;
        }
        try {
          const result = await api(`authors/${encodeURIComponent(c.email)}`, { method: 'DELETE', signal });
          say(`Erased ${c.email}: ${count(result.erasedComments, 'comment')}.`, 'success');
          ctx.navigate('#/queue');
        } catch (e) {
          fail(e);
        }
      }, { signal });
    }

    const facts = [
      ['Status', badge(c.status)],
      ['Article', el('a', { href: `#/queue?articleId=${encodeURIComponent(c.articleId)}&status=${c.status}` }, c.articleId)],
      ['Written', el('time', { datetime: c.createdAt }, formatDate(c.createdAt))],
      c.moderatedBy ? ['Decided by', `${c.moderatedBy}, ${formatDate(c.moderatedAt)}`] : null,
      ['Version', String(c.version)]
    ].filter(Boolean);
    const authorFacts = [
      ['Name', el('span', { class: 'mq-detail-name', dir: 'auto' }, markedField(c, 'name'))],
      ['E-mail', c.email ? el('span', { class: 'mq-detail-email' }, markedField(c, 'email')) : el('span', { class: 'mq-muted' }, 'none')],
      c.website ? ['Website', el('span', null, markedField(c, 'website'))] : null,
      ['Address', el('span', { class: 'mq-detail-ip' }, markedField(c, 'ip'))],
      ['User agent', el('span', { class: 'mq-detail-agent' }, c.userAgent || '—')]
    ].filter(Boolean);
    const dl = (rows) => el('dl', { class: 'mq-facts' }, rows.map(([term, value]) => [el('dt', null, term), el('dd', null, value)]));

    const history = (c.history || []).map((h) => {
      const restore = h.previousText != null && h.previousText !== c.text
        ? el('button', { type: 'button', class: 'mq-restore-text', 'data-entry': h.id }, 'Put this text back') : null;
      if (restore) {
        restore.addEventListener('click', () => change(() => api(`comments/${c.id}`, {
          method: 'PATCH', ifMatch: c.version, signal, body: { text: h.previousText, note: `Text of ${formatDate(h.at)} put back` }
        }), `Earlier text put back: comment ${c.id}.`, 'mq-history-title'), { signal });
      }
      return el('li', { class: 'mq-history-entry', 'data-action': h.action },
        el('p', { class: 'mq-history-head' }, el('strong', { class: 'mq-history-action' }, h.action), ' ',
          el('span', null, h.fromStatus && h.toStatus && h.fromStatus !== h.toStatus ? `${h.fromStatus} → ${h.toStatus}` : ''), ' ',
          el('span', { class: 'mq-muted' }, `by ${h.actor}, `, el('time', { datetime: h.at }, formatDate(h.at)))),
        h.note ? el('p', { class: 'mq-history-note' }, 'Note: ', el('q', { dir: 'auto' }, h.note)) : null,
        h.details ? el('p', { class: 'mq-history-details mq-muted' }, h.details) : null,
        h.previousText != null ? el('div', { class: 'mq-history-previous' },
          el('p', { class: 'mq-muted' }, 'Text before:'), el('blockquote', { class: 'mq-previous-text', dir: 'auto' }, h.previousText), restore) : null);
    });

    const reports = c.reports && c.reports.count
      ? section('mq-detail-reports-title', `Reported by ${count(c.reports.count, 'reader')}`,
        el('ul', null, (c.reports.reports || []).map((x) => el('li', null, el('span', { class: 'mq-reason-type' }, x.reason), ' ',
          x.note ? el('q', { dir: 'auto' }, x.note) : el('span', { class: 'mq-muted' }, 'no note'), ' ',
          el('span', { class: 'mq-muted' }, `${[x.email, x.ipAddress].filter(Boolean).join(', ')}, ${formatDate(x.createdAt)}`)))))
      : null;

    root.replaceChildren(...[ // (replaceChildren would show a null as the text "null")
      el('p', { class: 'mq-back' }, el('a', { href: '#/queue' }, '← Back to the queue')),
      heading(`Comment ${c.id} by ${c.name}`, titleId),
      dl(facts),
      section('mq-detail-text-title', 'Text',
        el('p', { class: 'mq-text', id: 'mq-detail-text', dir: 'auto' }, markedField(c, 'text')),
        c.reasons && c.reasons.length
          ? el('ul', { class: 'mq-reasons', 'aria-label': 'Why it was held' }, c.reasons.map((r) => reasonItem(c, r)))
          : el('p', { class: 'mq-reasons mq-muted' }, 'No rule fired.')),
      c.parent ? section('mq-detail-parent-title', 'In reply to', el('ul', { class: 'mq-related-list' },
        related({ ...c.parent, articleId: c.articleId }, { showArticle: false }))) : null,
      section('mq-detail-replies-title', (c.replies || []).length ? `Replies (${c.replies.length})` : 'Replies',
        (c.replies || []).length ? el('ul', { class: 'mq-related-list' }, c.replies.map((r) => related(r, { showArticle: false })))
          : el('p', { class: 'mq-muted' }, 'No replies.')),
      reports,
      section('mq-detail-actions-title', 'Decide',
        el('div', { class: 'mq-field' }, el('label', { for: 'mq-detail-note' }, 'Note (kept in the history)'), note),
        el('div', { class: 'mq-decisions', role: 'group', 'aria-label': 'Decision' }, decisions),
        el('label', { class: 'mq-check' }, block, ' With Spam, also block this author (e-mail and address)'),
        editForm,
        el('div', { class: 'mq-actions mq-danger-zone' }, remove, erase)),
      section('mq-detail-author-title', 'Author', dl(authorFacts),
        author ? [
          el('p', { id: 'mq-author-counts' }, `All comments by this ${author.by === 'email' ? 'e-mail address' : 'address'}: `,
            Object.entries(author.counts || {}).filter(([, n]) => n > 0).map(([status, n]) => `${n} ${status.toLowerCase()}`)
              .join(', ') || 'none', '.'),
          (author.comments || []).length
            ? el('ul', { class: 'mq-related-list', id: 'mq-author-comments', 'aria-label': 'The author\u2019s other comments' },
              author.comments.map((r) => related(r, { showArticle: true })))
            : el('p', { class: 'mq-muted' }, 'No other comments.')
        ] : null),
      section('mq-history-title', 'History',
        history.length ? el('ol', { class: 'mq-history', id: 'mq-history' }, history) : el('p', { class: 'mq-muted', id: 'mq-history' }, 'No moderator has acted on it yet.')),
      dialog].filter(Boolean));
    document.title = `Comment ${c.id} – Moderation`;
  }

  try {
    await load();
  } catch (e) {
    if (e.status === 404) {
      root.append(heading('Not found', 'mq-comment-title'), el('p', null, e.message));
      return;
    }
    throw e;
  }
  show();
}

export default { route: 'comments/:id', title: 'Comment', nav: false, role: 'moderator', render };
