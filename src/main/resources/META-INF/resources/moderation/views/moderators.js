/* Moderator accounts (#/moderators, admins only): list, create, enable or disable, change role, reset a
 * password, sign out everywhere, delete. A moderator's own account is #/account (account.js). */
import { api, fail, say } from '../api.js';
import { el, formatDate, heading } from '../dom.js';
import { confirmAction, field, labelCells, select, showErrors } from '../forms.js';

const ROLES = [['moderator', 'Moderator'], ['admin', 'Admin']];
const COLUMNS = ['User name', 'Role', 'State', 'Last sign-in', 'Created', 'Actions'];

async function render(ctx) {
  const { root, signal } = ctx;
  const body = el('tbody', { id: 'mq-moderators-body' });
  root.append(heading('Moderators', 'mq-moderators-title'),
    el('p', { class: 'mq-hint' }, 'Disabling an account or setting a new password ends its sessions on every instance. '
      + 'The last enabled admin cannot be disabled, demoted or deleted.'),
    el('div', { class: 'mq-table-wrap' }, el('table', { class: 'mq-table', id: 'mq-moderators' },
      el('caption', { class: 'mq-visually-hidden' }, 'Moderator accounts'),
      el('thead', null, el('tr', null, COLUMNS.map((h) => el('th', { scope: 'col' }, h)))),
      body)),
    createForm());

  async function load() {
    const moderators = await api('moderators', { signal });
    body.replaceChildren(...moderators.map(row));
  }

  /** PATCH the account; answers the account, or null when it failed (said in the live region). */
  async function change(m, fields, done) {
    try {
      const saved = await api(`moderators/${encodeURIComponent(m.username)}`, { method: 'PATCH', body: fields, signal });
      say(done(saved), 'success');
      return saved;
    } catch (e) {
      fail(e);
      return null;
    }
  }

  function redraw(saved, focusClass) {
    const fresh = row(saved);
    document.getElementById(rowId(saved.username)).replaceWith(fresh);
    const target = focusClass && fresh.querySelector(focusClass);
    if (target) target.focus();
  }

  function row(m) {
    const self = m.username === ctx.session.username;
    const role = select(ROLES, m.role);
    role.classList.add('mq-moderator-role');
    role.setAttribute('aria-label', `Role of ${m.username}`);
    role.addEventListener('change', async () => {
      const saved = await change(m, { role: role.value }, (s) => `${s.username} is now ${s.role === 'admin' ? 'an admin' : 'a moderator'}.`);
      if (saved) redraw(saved, '.mq-moderator-role');
      else role.value = m.role;
    }, { signal });

    const toggle = el('button', { type: 'button', class: 'mq-moderator-toggle', 'aria-label': `${m.enabled ? 'Disable' : 'Enable'} ${m.username}` },
      m.enabled ? 'Disable' : 'Enable');
    toggle.addEventListener('click', async () => {
      if (m.enabled && !await confirmAction(`Disable ${m.username}? Their sessions end at once and they cannot sign in until enabled again.`,
        `Disable ${m.username}`, signal)) return;
      const saved = await change(m, { enabled: !m.enabled }, (s) => `${s.username} is ${s.enabled ? 'enabled' : 'disabled'}.`);
      if (saved) redraw(saved, '.mq-moderator-toggle');
    }, { signal });

    const reset = el('button', { type: 'button', class: 'mq-moderator-reset', 'aria-label': `Set a new password for ${m.username}`,
      'aria-expanded': 'false', 'aria-controls': `mq-reset-${m.username}` }, 'New password');
    const resetForm = passwordForm(m, () => reset.focus());
    reset.addEventListener('click', () => {
      resetForm.hidden = !resetForm.hidden;
      reset.setAttribute('aria-expanded', String(!resetForm.hidden));
      if (!resetForm.hidden) resetForm.querySelector('input').focus();
    }, { signal });

    const out = el('button', { type: 'button', class: 'mq-moderator-signout', 'aria-label': `Sign ${m.username} out everywhere` }, 'Sign out everywhere');
    out.addEventListener('click', async () => {
      try {
        await api(`moderators/${encodeURIComponent(m.username)}/sessions`, { method: 'DELETE', signal });
        say(`${m.username} was signed out everywhere.`, 'success');
      } catch (e) {
        fail(e);
      }
    }, { signal });

    const remove = self ? null : el('button', { type: 'button', class: 'mq-moderator-delete mq-danger', 'aria-label': `Delete ${m.username}` }, 'Delete');
    if (remove) remove.addEventListener('click', async () => {
      if (!await confirmAction(`Delete the account ${m.username}? Their audit entries stay; this cannot be undone.`,
        `Delete ${m.username}`, signal)) return;
      try {
        await api(`moderators/${encodeURIComponent(m.username)}`, { method: 'DELETE', signal });
        say(`${m.username} was deleted.`, 'success');
        document.getElementById(rowId(m.username)).remove();
        root.querySelector('#mq-moderators-title').focus();
      } catch (e) {
        fail(e);
      }
    }, { signal });

    return labelCells(el('tr', { id: rowId(m.username), class: m.enabled ? null : 'mq-disabled' },
      el('th', { scope: 'row', class: 'mq-moderator-name' }, m.username, self ? el('span', { class: 'mq-muted' }, ' (you)') : null),
      el('td', null, role),
      el('td', { class: 'mq-moderator-state' }, m.enabled ? 'Enabled' : 'Disabled'),
      el('td', null, m.lastLoginAt ? formatDate(m.lastLoginAt) : 'never'),
      el('td', null, formatDate(m.createdAt)),
      el('td', { class: 'mq-row-actions' }, toggle, reset, out, remove, resetForm)), COLUMNS);
  }

  function passwordForm(m, back) {
    const id = `mq-reset-${m.username}`;
    const password = field(`${id}-password`, `New password for ${m.username}`,
      el('input', { type: 'password', autocomplete: 'new-password', minlength: '12' }),
      'At least 12 characters; tell it to them another way. Their sessions end.');
    const form = el('form', { id, class: 'mq-inline-form', hidden: true, novalidate: true },
      password.node, el('div', { class: 'mq-actions' }, el('button', { type: 'submit', class: 'mq-primary' }, 'Set password')));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      showErrors({ password });
      try {
        await api(`moderators/${encodeURIComponent(m.username)}`, { method: 'PATCH', body: { password: password.input.value }, signal });
        password.input.value = '';
        form.hidden = true;
        say(`${m.username} has a new password; their sessions have ended.`, 'success');
        back();
      } catch (e) {
        showErrors({ password }, e);
        fail(e);
        password.input.focus();
      }
    }, { signal });
    return form;
  }

  function createForm() {
    const username = field('mq-new-username', 'User name', el('input', { type: 'text', autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false', required: true }),
      '3 to 100 characters: letters, digits, ".", "_", "@" and "-".');
    const password = field('mq-new-password', 'Password', el('input', { type: 'password', autocomplete: 'new-password', minlength: '12', required: true }),
      'At least 12 characters; the most common passwords are refused.');
    const role = field('mq-new-role', 'Role', select(ROLES, 'moderator'));
    const submit = el('button', { type: 'submit', class: 'mq-primary' }, 'Create account');
    const form = el('form', { id: 'mq-new-moderator', class: 'mq-form mq-panel', novalidate: true, 'aria-labelledby': 'mq-new-moderator-title' },
      el('h3', { id: 'mq-new-moderator-title' }, 'New moderator'), username.node, password.node, role.node,
      el('div', { class: 'mq-actions' }, submit));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const fields = { username, password, role };
      showErrors(fields);
      submit.disabled = true;
      try {
        const created = await api('moderators', { method: 'POST', signal,
          body: { username: username.input.value.trim(), password: password.input.value, role: role.input.value } });
        form.reset();
        body.append(row(created));
        say(`${created.username} can now sign in as ${created.role === 'admin' ? 'an admin' : 'a moderator'}.`, 'success');
      } catch (e) {
        const first = showErrors(fields, e);
        fail(e);
        if (first) first.input.focus();
      } finally {
        submit.disabled = false;
      }
    }, { signal });
    return form;
  }

  return load();
}

const rowId = (username) => `mq-moderator-${username}`;

export default { route: 'moderators', title: 'Moderators', nav: true, role: 'admin', render };
