/* Moderation rules (#/rules): every rule with its type, action, state, hits and last change; enable, disable
 * and delete (admins); a word-list upload; and the dry-run tester, which shows the decision and every reason
 * highlighted in the would-be comment. The form for one rule is rule.js (#/rules/new, #/rules/12). */
import { api, fail, say } from '../api.js';
import { count, el, formatDate, heading, markedField, reasonItem } from '../dom.js';
import { confirmAction, field, labelCells, pager, select } from '../forms.js';
import { RULE_TYPES, requestOf, summary } from './rule.js';

const PAGE_SIZE = 50;
const COLUMNS = ['Rule', 'Type', 'Settings', 'Action', 'State', 'Hits', 'Last change', 'Actions'];

function render(ctx) {
  const { root, signal, isAdmin } = ctx;
  const list = el('tbody', { id: 'mq-rules-body' });
  const empty = el('p', { class: 'mq-empty', id: 'mq-rules-empty', hidden: true }, 'No rules of this type.');
  const typeFilter = select([['', 'All types'], ...RULE_TYPES.map((t) => [t, t])], ctx.query.get('type') || '');
  typeFilter.id = 'mq-rules-type';
  const pages = pager('Pages of rules', (page) => load(page));
  let page = Number.parseInt(ctx.query.get('page'), 10) || 0;

  root.append(heading('Rules', 'mq-rules-title'),
    el('p', { class: 'mq-hint' }, 'Every comment is checked against the enabled rules; the most severe action wins. '
      + 'Hits count the stored comments each rule gave a reason to, on every instance.'),
    el('div', { class: 'mq-toolbar' },
      el('div', { class: 'mq-field' }, el('label', { for: 'mq-rules-type' }, 'Type'), typeFilter),
      isAdmin ? el('a', { href: '#/rules/new', class: 'mq-button mq-primary', id: 'mq-rules-new' }, 'New rule') : null),
    el('div', { class: 'mq-table-wrap' },
      el('table', { class: 'mq-table', id: 'mq-rules' },
        el('caption', { class: 'mq-visually-hidden' }, 'Moderation rules'),
        el('thead', null, el('tr', null, COLUMNS.map((h) => el('th', { scope: 'col' }, h)))),
        list)),
    empty, pages.node);

  typeFilter.addEventListener('change', () => load(0), { signal });

  async function load(wanted) {
    const type = typeFilter.value;
    const query = new URLSearchParams({ page: String(Math.max(0, wanted)), size: String(PAGE_SIZE) });
    if (type) query.set('type', type);
    try {
      const [rules, hits] = await Promise.all([api(`rules?${query}`, { signal }), api('rules/hits', { signal })]);
      page = rules.page;
      ctx.setQuery({ type, page: page || null });
      const byRule = new Map(hits.map((h) => [h.ruleId, h]));
      list.replaceChildren(...rules.items.map((r) => row(r, byRule.get(r.id))));
      empty.hidden = rules.items.length > 0;
      pages.update(rules);
    } catch (e) {
      fail(e);
    }
  }

  function row(rule, hits) {
    const name = `rule ${rule.id}`;
    const actions = [el('a', { href: `#/rules/${rule.id}`, 'aria-label': `${isAdmin ? 'Edit' : 'Open'} ${name}` },
      isAdmin ? 'Edit' : 'Open')];
    if (isAdmin) {
      const toggle = el('button', { type: 'button', class: 'mq-rule-toggle', 'aria-label': `${rule.enabled ? 'Disable' : 'Enable'} ${name}` },
        rule.enabled ? 'Disable' : 'Enable');
      toggle.addEventListener('click', () => setEnabled(rule, !rule.enabled, toggle), { signal });
      const remove = el('button', { type: 'button', class: 'mq-rule-delete mq-danger', 'aria-label': `Delete ${name}` }, 'Delete');
      remove.addEventListener('click', () => removeRule(rule, remove), { signal });
      actions.push(toggle, remove);
    }
    return labelCells(el('tr', { id: `mq-rule-${rule.id}`, class: rule.enabled ? null : 'mq-disabled' },
      el('th', { scope: 'row' }, `#${rule.id}`, rule.description ? el('span', { class: 'mq-rule-description' }, rule.description) : null),
      el('td', null, rule.type),
      el('td', { class: 'mq-rule-summary' }, summary(rule)),
      el('td', null, el('span', { class: `mq-reason-action mq-action-${String(rule.action).toLowerCase()}` }, rule.action)),
      el('td', { class: 'mq-rule-state' }, rule.enabled ? 'Enabled' : 'Disabled'),
      el('td', { class: 'mq-rule-hits' }, hits ? String(hits.hits) : '0',
        hits && hits.lastHitAt ? el('span', { class: 'mq-muted mq-block' }, `last ${formatDate(hits.lastHitAt)}`) : null),
      el('td', { class: 'mq-rule-changed' }, formatDate(rule.updatedAt), el('span', { class: 'mq-muted mq-block' }, `by ${rule.updatedBy}`)),
      el('td', { class: 'mq-row-actions' }, actions)), COLUMNS);
  }

  async function setEnabled(rule, enabled, button) {
    button.disabled = true;
    try {
      const saved = await api(`rules/${rule.id}`, { method: 'PUT', body: { ...requestOf(rule), enabled }, signal });
      say(`Rule ${saved.id} is ${saved.enabled ? 'enabled' : 'disabled'}.`, 'success');
      await load(page);
      const again = document.querySelector(`#mq-rule-${rule.id} .mq-rule-toggle`);
      if (again) again.focus();
    } catch (e) {
      button.disabled = false;
      fail(e);
    }
  }

  async function removeRule(rule, button) {
    const what = `rule ${rule.id} (${rule.type}${rule.description ? `: ${rule.description}` : ''})`;
    if (!await confirmAction(`Delete ${what}? Comments it already judged keep their reasons; this cannot be undone.`,
      `Delete rule ${rule.id}`, signal)) {
      return;
    }
    button.disabled = true;
    try {
      await api(`rules/${rule.id}`, { method: 'DELETE', signal });
      say(`Rule ${rule.id} was deleted.`, 'success');
      await load(page);
      root.querySelector('#mq-rules-title').focus();
    } catch (e) {
      button.disabled = false;
      fail(e);
    }
  }

  if (isAdmin) root.append(importForm(signal, () => load(0)));
  root.append(tester(ctx));
  return load(page);
}

/** Upload a word list (one term per line) as a new TERMS rule. */
function importForm(signal, reload) {
  const file = field('mq-import-file', 'Word list file',
    el('input', { type: 'file', accept: '.txt,.csv,text/plain', required: true }),
    'Plain text, one term per line; blank lines and lines starting with # are skipped.');
  const action = field('mq-import-action', 'Action', select([['HOLD', 'Hold for a moderator'], ['SPAM', 'Mark as spam']], 'HOLD'));
  const description = field('mq-import-description', 'Description', el('input', { type: 'text', maxlength: '1000' }),
    'Optional; by default the number of terms.');
  const submit = el('button', { type: 'submit', class: 'mq-primary' }, 'Import as a new rule');
  const form = el('form', { id: 'mq-import', class: 'mq-form mq-panel', 'aria-labelledby': 'mq-import-title', novalidate: true },
    el('h3', { id: 'mq-import-title' }, 'Import a word list'), file.node, action.node, description.node,
    el('div', { class: 'mq-actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    file.error.textContent = '';
    const chosen = file.input.files && file.input.files[0];
    if (!chosen) {
      file.error.textContent = 'Choose a file to import.';
      file.input.focus();
      return;
    }
    submit.disabled = true;
    try {
      const text = await chosen.text();
      const query = new URLSearchParams({ action: action.input.value });
      if (description.input.value.trim()) query.set('description', description.input.value.trim());
      const rule = await api(`rules/import?${query}`, { method: 'POST', body: text, contentType: 'text/plain', signal });
      say(`Imported ${count((rule.terms || []).length, 'term')} from ${chosen.name} as rule ${rule.id}.`, 'success');
      form.reset();
      await reload();
    } catch (e) {
      if (e && e.problem && Array.isArray(e.problem.errors) && e.problem.errors[0]) {
        file.error.textContent = e.problem.errors[0].message;
      }
      fail(e);
    } finally {
      submit.disabled = false;
    }
  }, { signal });
  return form;
}

const DECISION_WORDS = { APPROVED: 'Approved: it would be published', PENDING: 'Held for a moderator', SPAM: 'Spam' };

/** The dry run: POST /api/moderation/check with a would-be comment; nothing is stored. */
function tester(ctx) {
  const { signal } = ctx;
  const text = field('mq-check-text', 'Comment', el('textarea', { rows: '5', required: true }));
  const name = field('mq-check-name', 'Name', el('input', { type: 'text', value: 'Reader' }));
  const email = field('mq-check-email', 'E-mail', el('input', { type: 'email', spellcheck: 'false' }));
  const website = field('mq-check-website', 'Website', el('input', { type: 'url', spellcheck: 'false' }));
  const ip = field('mq-check-ip', 'IP address', el('input', { type: 'text', spellcheck: 'false' }));
  const article = field('mq-check-article', 'Article id', el('input', { type: 'text', spellcheck: 'false' }),
    'Optional: premoderated articles hold every comment.');
  const submit = el('button', { type: 'submit', class: 'mq-primary' }, 'Check');
  const result = el('div', { id: 'mq-check-result', class: 'mq-check-result', hidden: true });
  const form = el('form', { id: 'mq-check', class: 'mq-form mq-panel', 'aria-labelledby': 'mq-check-title', novalidate: true },
    el('h3', { id: 'mq-check-title' }, 'Test the rules'),
    el('p', { class: 'mq-hint' }, 'Paste a would-be comment to see what the rules in force would decide, and why. Nothing is stored.'),
    text.node, el('div', { class: 'mq-row' }, name.node, email.node, website.node, ip.node, article.node),
    el('div', { class: 'mq-actions' }, submit), result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const sent = {
      name: name.input.value, text: text.input.value, email: email.input.value.trim() || null,
      website: website.input.value.trim() || null, ip: ip.input.value.trim() || null,
      articleId: article.input.value.trim() || null
    };
    submit.disabled = true;
    try {
      const outcome = await api('check', { method: 'POST', body: sent, signal });
      show(sent, outcome);
      say(`${DECISION_WORDS[outcome.decision] || outcome.decision}; ${count(outcome.reasons.length, 'reason')}.`, 'success');
    } catch (e) {
      fail(e);
    } finally {
      submit.disabled = false;
    }
  }, { signal });

  function show(sent, outcome) {
    const comment = { name: sent.name, text: sent.text, email: sent.email, website: sent.website, ipAddress: sent.ip,
      reasons: outcome.reasons };
    const fields = ['text', 'name', 'email', 'website', 'ip']
      .filter((f) => outcome.reasons.some((r) => r.field === f) || f === 'text');
    result.replaceChildren(
      el('p', { class: 'mq-check-decision' }, 'Decision: ',
        el('strong', { id: 'mq-check-decision', class: `mq-badge mq-badge-${outcome.decision.toLowerCase()}` }, outcome.decision),
        ' ', DECISION_WORDS[outcome.decision] || ''),
      el('dl', { class: 'mq-check-fields' }, fields.map((f) => [
        el('dt', null, f),
        el('dd', { class: `mq-text mq-check-${f}`, dir: 'auto' }, markedField(comment, f))])),
      outcome.reasons.length
        ? el('ul', { class: 'mq-reasons', id: 'mq-check-reasons', 'aria-label': 'Reasons' }, outcome.reasons.map((r) => reasonItem(comment, r)))
        : el('p', { class: 'mq-reasons', id: 'mq-check-reasons' }, 'No rule fired.'));
    result.hidden = false;
  }
  return form;
}

export default { route: 'rules', title: 'Rules', nav: true, role: 'moderator', render };
