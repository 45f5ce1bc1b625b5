/* The widget's report dialog, a module comments.js loads on the first click on Report: a reason, an optional
 * note, the answer in words. Text only, like the comments: nothing from the service is parsed as HTML. */

import { post, fieldErrors, problemText } from './post.js';

// The dialog's English words; i18n/<language>.json translates them along with the widget's.
export const EN = {
  reason: 'Please choose why you report this comment.',
  reportFailed: 'Your report could not be sent. Please try again.',
  reported: 'Thank you. A moderator will look at this comment.',
  reportTitle: 'Report this comment',
  about: 'The comment by {name}. Only the moderators see your report.', why: 'Why should a moderator look at it?',
  SPAM: 'Spam or advertising', ABUSE: 'Abuse, threats or hate', OFF_TOPIC: 'Off topic',
  PERSONAL_INFO: 'Personal information about someone', OTHER: 'Something else',
  note: 'Note for the moderators (optional)', send: 'Send report', sending: 'Sending…', cancel: 'Cancel', close: 'Close'
};
const REASONS = ['SPAM', 'ABUSE', 'OFF_TOPIC', 'PERSONAL_INFO', 'OTHER'];
let uid = 0;

/** One widget's dialog, appended to its root, in the widget's language (t), sent with it (lang). */
export function reportDialog({ root, api, lang, t, el, say, showError }) {
  const id = `cw-report${++uid}`;
  const title = el('h3', { id: `${id}-title`, class: 'cw-form-title' }, t('reportTitle'));
  const about = el('p', { id: `${id}-about`, class: 'cw-hint' });
  const reasonError = el('span', { class: 'cw-error', id: `${id}-reason-error`, hidden: true });
  const reasons = el('fieldset', { class: 'cw-reasons' }, el('legend', null, t('why')),
    REASONS.map((value) => el('label', { class: 'cw-reason' }, el('input', { type: 'radio', name: 'reason', value }), ' ', t(value))),
    reasonError);
  const note = el('textarea', { id: `${id}-note`, name: 'note', rows: 3, maxlength: 500 });
  const noteError = el('span', { class: 'cw-error', id: `${id}-note-error`, hidden: true });
  const status = el('p', { class: 'cw-status', role: 'status', 'aria-live': 'polite' });
  const send = el('button', { type: 'submit', class: 'cw-submit' }, t('send'));
  const close = el('button', { type: 'button', class: 'cw-cancel' }, t('cancel'));
  const form = el('form', { method: 'dialog', class: 'cw-form cw-report-form', novalidate: true }, title, about, reasons,
    el('div', { class: 'cw-field' }, el('label', { for: note.id }, t('note')), note, noteError),
    status, el('div', { class: 'cw-actions' }, send, ' ', close));
  const dialog = el('dialog', { class: 'cw-dialog', 'aria-labelledby': title.id, 'aria-describedby': about.id }, form);
  root.append(dialog);
  let current = null;
  let opener = null;
  let sending = false;
  const radios = () => Array.from(reasons.querySelectorAll('input'));
  const clear = () => { showError(reasons, reasonError); showError(note, noteError); };
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => { if (opener && opener.isConnected) opener.focus(); });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (sending || !current) return;
    const chosen = radios().find((r) => r.checked);
    clear();
    if (!chosen) {
      showError(reasons, reasonError, t('reason'));
      say(status, t('fix', { n: 1 }), 'error');
      radios()[0].focus();
      return;
    }
    sending = true;
    send.disabled = true;
    say(status, t('sending'));
    try {
      const { res, data } = await post(`${api}/${encodeURIComponent(current.id)}/reports?lang=${lang}`,
        { reason: chosen.value, note: note.value.trim() || null });
      const errors = fieldErrors(data);
      if (res.ok) {
        say(status, (data && data.message) || t('reported'), 'success');
        send.hidden = true;
        close.textContent = t('close');
        close.focus();
      } else if (errors.length) {
        const other = [];
        for (const e of errors) {
          if (e.field === 'reason') showError(reasons, reasonError, e.message);
          else if (e.field === 'note') showError(note, noteError, e.message);
          else other.push(e.message);
        }
        say(status, other.join(' ') || t('fix', { n: 1 }), 'error');
      } else {
        const text = problemText(data, res, t);
        say(status, text === t('failed') ? t('reportFailed') : text, 'error');
      }
    } catch (e) {
      say(status, t('network'), 'error');
    } finally {
      sending = false;
      send.disabled = false;
    }
  });
  return {
    open(c, button) {
      current = c;
      opener = button;
      about.textContent = t('about', { name: c.name });
      radios().forEach((r) => { r.checked = false; });
      note.value = '';
      clear();
      say(status, '');
      send.hidden = false;
      close.textContent = t('cancel');
      dialog.showModal();
      radios()[0].focus();
    }
  };
}
