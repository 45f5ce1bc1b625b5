/* DOM helpers the console's views share. Whatever came from the service (names, texts, notes, user names) goes
 * into the page as text only: el() appends strings as text nodes, highlighted() builds <mark> elements
 * around text nodes; nothing here parses HTML. The views give readers' words (names, texts, notes)
 * dir="auto": Arabic or Hebrew reads right to left in this left-to-right console. el and formatDate are
 * the widget's (widget/comments.js, loaded before the console), one home for both. */

const shared = window.CommentsWidget;

/** el('p', {class: 'x', 'aria-label': 'y'}, 'text', child, [more]): attributes with null/false are left out. */
export const el = shared.el;

/** An ISO instant as a medium date and short time in the page's language. */
export const formatDate = shared.formatDate;

/** "1 comment", "2 comments". */
export function count(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

/** The [start, end) ranges (UTF-16 offsets) of the reasons that really lie in this field's value, merged. */
export function reasonRanges(reasons, field, value) {
  if (typeof value !== 'string') return [];
  const ranges = (reasons || [])
    .filter((r) => r && r.field === field && Number.isInteger(r.start) && Number.isInteger(r.end)
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

/** The value as text nodes with each [start, end) range in a <mark>. */
export function highlighted(value, ranges) {
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

/** A comment's fields by the names moderation reasons use. */
export const FIELD_VALUE = Object.freeze({
  name: (c) => c.name, text: (c) => c.text, email: (c) => c.email, website: (c) => c.website, ip: (c) => c.ipAddress
});

/** One field of a comment (or of a dry-run's input), with the reasons' matches highlighted. */
export function markedField(comment, field, reasons = comment.reasons) {
  const value = FIELD_VALUE[field] ? FIELD_VALUE[field](comment) : null;
  return value == null ? '' : highlighted(String(value), reasonRanges(reasons, field, String(value)));
}

/** A moderation reason in words, with the matched text in a short excerpt of its field. */
export function reasonItem(comment, r) {
  const parts = [el('span', { class: 'mq-reason-type' }, r.type || r.ruleType || 'RULE')];
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
      el('q', { class: 'mq-excerpt', dir: 'auto' }, from > 0 ? '…' : null, excerpt, to < value.length ? '…' : null)));
  } else if (r.field) {
    parts.push(' ', el('span', { class: 'mq-reason-where' }, `(${r.field})`));
  }
  return el('li', { class: 'mq-reason' }, parts);
}

/** A view's heading: the h2 focus moves to when the view opens (tabindex -1, so not in the tab order). */
export function heading(text, id) {
  return el('h2', { id, class: 'mq-view-title', tabindex: '-1' }, text);
}
