/* The signed-in moderator's own account (#/account): who, which roles, when the session ends; changing the
 * password (PUT /api/moderation/session/password), which ends every other session and answers a new one. */
import { api, fail, fieldErrors, say } from '../api.js';
import { el, formatDate, heading } from '../dom.js';

function field(id, label, input, hint) {
  const error = el('p', { id: `${id}-error`, class: 'mq-field-error' });
  input.id = id;
  input.setAttribute('aria-describedby', [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' '));
  return {
    node: el('div', { class: 'mq-field' }, el('label', { for: id }, label), input,
      hint ? el('small', { id: `${id}-hint`, class: 'mq-hint' }, hint) : null, error),
    input, error
  };
}

function render(ctx) {
  const { root, signal } = ctx;
  const s = ctx.session;
  const expires = el('dd', { id: 'mq-account-expires' }, s.expiresAt ? formatDate(s.expiresAt) : 'not a session');
  root.append(heading('Your account', 'mq-account-title'),
    el('dl', { class: 'mq-facts' },
      el('dt', null, 'User name'), el('dd', { id: 'mq-account-username' }, s.username),
      el('dt', null, 'Roles'), el('dd', { id: 'mq-account-roles' }, (s.roles || []).join(', ')),
      el('dt', null, 'Session ends unless used'), expires));

  const current = field('mq-password-current', 'Current password',
    el('input', { type: 'password', name: 'currentPassword', autocomplete: 'current-password', required: true }));
  const fresh = field('mq-password-new', 'New password',
    el('input', { type: 'password', name: 'newPassword', autocomplete: 'new-password', required: true, minlength: '12' }),
    'At least 12 characters; the most common passwords are refused. Your other sessions end.');
  const submit = el('button', { type: 'submit', class: 'mq-primary' }, 'Change password');
  const form = el('form', { id: 'mq-password', class: 'mq-form', 'aria-labelledby': 'mq-password-title', novalidate: true },
    el('h3', { id: 'mq-password-title' }, 'Change your password'), current.node, fresh.node,
    el('div', { class: 'mq-actions' }, submit));
  root.append(form);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const f of [current, fresh]) {
      f.error.textContent = '';
      f.input.removeAttribute('aria-invalid');
    }
    submit.disabled = true;
    try {
      const session = await api('session/password', {
        method: 'PUT', body: { currentPassword: current.input.value, newPassword: fresh.input.value }, signal
      });
      current.input.value = '';
      fresh.input.value = '';
      if (session) {
        ctx.setSession(session);
        expires.textContent = session.expiresAt ? formatDate(session.expiresAt) : 'not a session';
      }
      say('Your password was changed; your other sessions have ended.', 'success');
    } catch (e) {
      const errors = fieldErrors(e);
      const byField = { currentPassword: current, newPassword: fresh };
      const wrong = Object.keys(errors).filter((k) => byField[k]);
      wrong.forEach((k) => {
        byField[k].error.textContent = errors[k];
        byField[k].input.setAttribute('aria-invalid', 'true');
      });
      if (wrong.length) byField[wrong[0]].input.focus();
      fail(e);
    } finally {
      submit.disabled = false;
    }
  }, { signal });
}

export default { route: 'account', title: 'Account', nav: true, role: 'moderator', render };
