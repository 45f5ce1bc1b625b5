/* Form pieces the console's management views share (rules, articles, audit, moderators): labelled fields
 * with their error line, one-per-line lists, a confirmation dialog and a pager. Everything from the service
 * is set as text (el() makes text nodes); nothing here parses HTML. */
import { fieldErrors } from './api.js';
import { el } from './dom.js';

/**
 * A labelled control: {node, input, error}. The input gets the id, and aria-describedby points at the hint
 * and at the error line that showErrors() fills.
 */
export function field(id, label, input, hint) {
  const error = el('p', { id: `${id}-error`, class: 'mq-field-error' });
  input.id = id;
  input.setAttribute('aria-describedby', [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' '));
  return {
    node: el('div', { class: 'mq-field' }, el('label', { for: id }, label), input,
      hint ? el('small', { id: `${id}-hint`, class: 'mq-hint' }, hint) : null, error),
    input, error
  };
}

/** A checkbox with its label after it: {node, input}. */
export function checkbox(id, label, checked, hint) {
  const input = el('input', { type: 'checkbox', id, checked: !!checked });
  if (hint) input.setAttribute('aria-describedby', `${id}-hint`);
  return {
    node: el('div', { class: 'mq-field mq-field-check' }, el('label', { class: 'mq-check', for: id }, input, ' ', label),
      hint ? el('small', { id: `${id}-hint`, class: 'mq-hint' }, hint) : null),
    input
  };
}

/** A select of [value, label] pairs. */
export function select(options, value) {
  return el('select', null, options.map(([v, label]) => el('option', { value: v, selected: v === value }, label)));
}

/** The non-blank lines of a textarea's value, trimmed. */
export function lines(value) {
  return String(value || '').split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
}

/** Clears the fields' error lines, then shows the problem's field errors next to their fields; answers the
 * first field that has one (focus it), or null. fields: {name: {input, error}}. */
export function showErrors(fields, problemError) {
  for (const f of Object.values(fields)) {
    if (f.error) f.error.textContent = '';
    if (f.input) f.input.removeAttribute('aria-invalid');
  }
  const errors = problemError ? fieldErrors(problemError) : {};
  let first = null;
  for (const [name, message] of Object.entries(errors)) {
    const f = fields[name];
    if (!f || !f.error) continue;
    f.error.textContent = message;
    f.input.setAttribute('aria-invalid', 'true');
    if (!first) first = f;
  }
  return first;
}

/**
 * Asks before something that cannot be undone, in a modal <dialog> (focus stays inside it, Escape cancels).
 * Resolves true when the moderator confirms. confirmLabel names the action ("Delete rule 12").
 */
export function confirmAction(question, confirmLabel, signal) {
  return new Promise((resolve) => {
    const yes = el('button', { type: 'button', class: 'mq-primary mq-danger', id: 'mq-confirm-yes' }, confirmLabel);
    const no = el('button', { type: 'button', id: 'mq-confirm-no' }, 'Cancel');
    const text = el('p', { id: 'mq-confirm-text' }, question);
    const dialog = el('dialog', { class: 'mq-dialog', 'aria-labelledby': 'mq-confirm-text' }, text,
      el('div', { class: 'mq-actions' }, yes, no));
    const opener = document.activeElement;
    let answer = false;
    const close = (value) => {
      answer = value;
      if (dialog.open) dialog.close();
    };
    yes.addEventListener('click', () => close(true));
    no.addEventListener('click', () => close(false));
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (opener && opener.isConnected) opener.focus();
      resolve(answer);
    });
    if (signal) signal.addEventListener('abort', () => close(false));
    document.body.append(dialog);
    dialog.showModal();
    no.focus();
  });
}

/** Names each cell of a table row by its column (data-label), for the one-column layout of phone widths. */
export function labelCells(row, headers) {
  [...row.children].forEach((cell, i) => {
    if (i > 0 && headers[i]) cell.setAttribute('data-label', headers[i]);
  });
  return row;
}

/** A pager for a PagedList: {node, update(list)}; onPage(page) is called with the page to show. */
export function pager(label, onPage) {
  const prev = el('button', { type: 'button', class: 'mq-pager-prev' }, 'Previous page');
  const next = el('button', { type: 'button', class: 'mq-pager-next' }, 'Next page');
  const where = el('span', { class: 'mq-pager-where' });
  let page = 0;
  prev.addEventListener('click', () => onPage(page - 1));
  next.addEventListener('click', () => onPage(page + 1));
  return {
    node: el('nav', { class: 'mq-pager', 'aria-label': label }, prev, where, next),
    update(list) {
      page = list.page;
      const pages = Math.max(1, Math.ceil(list.totalItems / list.size));
      where.textContent = `Page ${list.page + 1} of ${pages} (${list.totalItems} in all)`;
      prev.disabled = list.page <= 0;
      next.disabled = list.page + 1 >= pages;
    }
  };
}

/** A datetime-local input's value as an ISO instant (the browser's time zone), or null. */
export function instantOf(localValue) {
  if (!localValue) return null;
  const date = new Date(localValue);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** An ISO instant as a datetime-local input's value in the browser's time zone ('' for none). */
export function localValueOf(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
