/* One moderation rule (#/rules/new, #/rules/12): a form that fits the rule's type. TERMS gets a term list
 * editor (search, add, remove) with exceptions, masked spellings and inflections; PATTERN shows the service's
 * RE2 errors next to the pattern; LINKS, SHOUTING, AUTHORS and FLOOD their settings; DUPLICATES and
 * FIRST_COMMENT only on/off. Moderators see the rule; admins change it. */
import { api, fail, say } from '../api.js';
import { count, el, formatDate, heading } from '../dom.js';
import { checkbox, confirmAction, field, lines, select, showErrors } from '../forms.js';

export const RULE_TYPES = ['TERMS', 'PATTERN', 'LINKS', 'SHOUTING', 'AUTHORS', 'FLOOD', 'DUPLICATES', 'FIRST_COMMENT'];

const TYPE_HINTS = {
  TERMS: 'Words and phrases, matched as whole words whatever the case, accents, look-alike letters or separators.',
  PATTERN: 'A regular expression in RE2 syntax (linear time: no back-references or look-arounds).',
  LINKS: 'Counts links and checks their domains (subdomains included).',
  SHOUTING: 'Mostly upper case, long runs of one character, or text that is only a link.',
  AUTHORS: 'Blocked authors by e-mail, name or address (CIDR ranges allowed).',
  FLOOD: 'More than one comment per interval from one address or e-mail is refused (429).',
  DUPLICATES: 'The same text from the same author on the same article is refused (409).',
  FIRST_COMMENT: 'Holds comments of authors who have no moderator-approved comment yet.'
};

/** Settings each type sends, besides type, action, enabled and description. */
const SETTINGS = {
  TERMS: ['terms', 'fields', 'exceptions', 'masked', 'inflections'],
  PATTERN: ['pattern', 'fields'],
  LINKS: ['maxLinks', 'blockedDomains', 'allowedDomains'],
  SHOUTING: ['minLength', 'maxUpperCaseRatio', 'maxRepeatedChars', 'holdLinksOnly'],
  AUTHORS: ['emails', 'names', 'ips'],
  FLOOD: ['intervalSeconds'],
  DUPLICATES: [],
  FIRST_COMMENT: []
};

const FIELDS = [['NAME', 'Name'], ['TEXT', 'Text'], ['EMAIL', 'E-mail'], ['WEBSITE', 'Website'], ['IP', 'IP address']];

/** A stored rule (GET answer) as the request that saves it unchanged. */
export function requestOf(rule) {
  const request = { type: rule.type, action: rule.action, enabled: rule.enabled, description: rule.description || null };
  for (const key of SETTINGS[rule.type] || []) {
    if (rule[key] !== undefined) request[key] = rule[key];
  }
  return request;
}

/** A rule's settings in a few words, for the list. */
export function summary(rule) {
  const some = (items, n = 3) => (items.length > n ? `${items.slice(0, n).join(', ')}, …` : items.join(', '));
  switch (rule.type) {
    case 'TERMS': {
      const terms = rule.terms || [];
      const options = [rule.masked ? 'masked' : null, rule.inflections === false ? 'no inflections' : null,
        (rule.exceptions || []).length ? count(rule.exceptions.length, 'exception') : null].filter(Boolean);
      return `${count(terms.length, 'term')}: ${some(terms)}${options.length ? ` (${options.join(', ')})` : ''}`;
    }
    case 'PATTERN': return rule.pattern || '';
    case 'LINKS': return `at most ${rule.maxLinks ?? 2} links${(rule.blockedDomains || []).length ? `; blocked: ${some(rule.blockedDomains)}` : ''}`;
    case 'SHOUTING': return [rule.maxUpperCaseRatio != null ? `upper case over ${Math.round(rule.maxUpperCaseRatio * 100)}%` : null,
      rule.maxRepeatedChars != null ? `${rule.maxRepeatedChars}+ repeated characters` : null,
      rule.holdLinksOnly ? 'link-only text' : null].filter(Boolean).join('; ');
    case 'AUTHORS': return some([...(rule.emails || []), ...(rule.names || []), ...(rule.ips || [])]);
    case 'FLOOD': return `one comment per ${rule.intervalSeconds} s`;
    default: return '';
  }
}

/** The term list editor: {node, values(), input (for errors), error}. */
function termEditor(initial, readOnly, signal) {
  let terms = [...initial];
  const LIMIT = 200;
  const search = el('input', { type: 'search', id: 'mq-terms-search', spellcheck: 'false', 'aria-controls': 'mq-terms-list' });
  const add = el('textarea', { id: 'mq-terms-add', rows: '2', spellcheck: 'false', 'aria-describedby': 'mq-terms-add-hint' });
  const addButton = el('button', { type: 'button', id: 'mq-terms-add-button' }, 'Add');
  const list = el('ul', { id: 'mq-terms-list', class: 'mq-terms', 'aria-label': 'Terms' });
  const shown = el('p', { id: 'mq-terms-count', class: 'mq-muted' });
  const error = el('p', { id: 'mq-terms-error', class: 'mq-field-error' });

  function draw() {
    const wanted = search.value.trim().toLowerCase();
    const matching = wanted ? terms.filter((t) => t.toLowerCase().includes(wanted)) : terms;
    list.replaceChildren(...matching.slice(0, LIMIT).map((term) => {
      const remove = readOnly ? null : el('button', { type: 'button', class: 'mq-term-remove', 'aria-label': `Remove ${term}` }, 'Remove');
      if (remove) remove.addEventListener('click', () => {
        const at = terms.indexOf(term);
        if (at >= 0) terms.splice(at, 1);
        draw();
        say(`Removed ${term}; ${count(terms.length, 'term')} left (save to keep).`);
        search.focus();
      });
      return el('li', { class: 'mq-term' }, el('span', { class: 'mq-term-text' }, term), remove);
    }));
    shown.textContent = wanted
      ? `${count(matching.length, 'term')} of ${terms.length} match${matching.length > LIMIT ? `; the first ${LIMIT} are shown` : ''}.`
      : `${count(terms.length, 'term')}${terms.length > LIMIT ? `; the first ${LIMIT} are shown: search to find others` : ''}.`;
  }

  function addTerms() {
    const fresh = lines(add.value.replace(/,/g, '\n')).filter((t) => !terms.includes(t));
    if (!fresh.length) {
      say('No new terms to add.');
      return;
    }
    terms = [...terms, ...fresh];
    add.value = '';
    draw();
    say(`Added ${fresh.join(', ')}; ${count(terms.length, 'term')} (save to keep).`);
    add.focus();
  }
  search.addEventListener('input', draw, { signal });
  addButton.addEventListener('click', addTerms, { signal });
  add.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      addTerms();
    }
  }, { signal });
  draw();
  const node = el('fieldset', { class: 'mq-fieldset mq-term-editor', 'aria-describedby': 'mq-terms-error' },
    el('legend', null, 'Terms'),
    readOnly ? null : el('div', { class: 'mq-field' }, el('label', { for: 'mq-terms-add' }, 'Add terms'), add,
      el('small', { id: 'mq-terms-add-hint', class: 'mq-hint' },
        'One or more, separated by commas or lines: "word", "two words", "prefix*". Enter adds them.'),
      el('div', { class: 'mq-actions' }, addButton)),
    el('div', { class: 'mq-field' }, el('label', { for: 'mq-terms-search' }, 'Search the terms'), search),
    shown, list, error);
  return { node, values: () => [...terms], input: add, error };
}

const textList = (id, label, values, hint) =>
  field(id, label, el('textarea', { rows: '3', spellcheck: 'false' }, (values || []).join('\n')), hint || 'One per line.');
const number = (id, label, value, attrs, hint) =>
  field(id, label, el('input', { type: 'number', value: value ?? '', ...attrs }), hint);
const numberOrNull = (input) => (input.value.trim() === '' ? null : Number(input.value));

async function render(ctx) {
  const { root, signal, isAdmin } = ctx;
  const creating = ctx.params.id === 'new';
  if (creating && !isAdmin) {
    root.append(heading('New rule', 'mq-rule-title'), el('p', null, 'Only admins change rules.'));
    return;
  }
  let rule = creating ? { type: RULE_TYPES.includes(ctx.query.get('type')) ? ctx.query.get('type') : 'TERMS', action: 'HOLD', enabled: true }
    : await api(`rules/${encodeURIComponent(ctx.params.id)}`, { signal });
  const readOnly = !isAdmin;

  root.append(el('p', { class: 'mq-breadcrumb' }, el('a', { href: '#/rules' }, 'Rules')),
    heading(creating ? 'New rule' : `Rule ${rule.id}: ${rule.type}`, 'mq-rule-title'));
  if (!creating) {
    root.append(el('p', { class: 'mq-muted', id: 'mq-rule-changed' },
      `Created ${formatDate(rule.createdAt)} by ${rule.createdBy}; last changed ${formatDate(rule.updatedAt)} by ${rule.updatedBy}. `,
      el('a', { href: `#/audit?action=RULE_CREATE,RULE_UPDATE,RULE_DELETE` }, 'Rule changes in the audit log')));
  }

  const form = el('form', { id: 'mq-rule-form', class: 'mq-form mq-panel', novalidate: true, 'aria-labelledby': 'mq-rule-title' });
  root.append(form);
  const type = field('mq-rule-type', 'Type', select(RULE_TYPES.map((t) => [t, t]), rule.type));
  type.input.disabled = !creating;
  const typeHint = el('p', { class: 'mq-hint', id: 'mq-rule-type-hint' });
  const action = field('mq-rule-action', 'Action', select([['HOLD', 'Hold for a moderator'], ['SPAM', 'Mark as spam']], rule.action || 'HOLD'));
  const enabled = checkbox('mq-rule-enabled', 'Enabled', rule.enabled !== false);
  const description = field('mq-rule-description', 'Description', el('input', { type: 'text', maxlength: '1000', value: rule.description || '' }));
  const settings = el('div', { id: 'mq-rule-settings' });
  const submit = el('button', { type: 'submit', class: 'mq-primary', id: 'mq-rule-save' }, creating ? 'Create rule' : 'Save rule');
  const remove = creating || readOnly ? null : el('button', { type: 'button', class: 'mq-danger', id: 'mq-rule-delete' }, 'Delete rule');
  form.append(type.node, typeHint, action.node, enabled.node, description.node, settings,
    readOnly ? el('p', { class: 'mq-hint' }, 'Only admins change rules.') : el('div', { class: 'mq-actions' }, submit, remove));

  let inputs = {};
  function drawSettings() {
    const t = type.input.value;
    typeHint.textContent = TYPE_HINTS[t];
    action.node.hidden = t === 'FLOOD' || t === 'DUPLICATES';
    const r = t === rule.type ? rule : {};
    inputs = {};
    const parts = [];
    const fieldsBox = () => {
      const chosen = r.fields || [];
      const boxes = FIELDS.map(([v, label]) => checkbox(`mq-rule-field-${v.toLowerCase()}`, label, chosen.includes(v)));
      inputs.fields = { values: () => boxes.filter((b) => b.input.checked).map((b, i) => b.input.dataset.value), boxes };
      boxes.forEach((b, i) => { b.input.dataset.value = FIELDS[i][0]; });
      inputs.fields.error = el('p', { id: 'mq-rule-fields-error', class: 'mq-field-error' });
      inputs.fields.input = boxes[0].input;
      return el('fieldset', { class: 'mq-fieldset mq-inline' }, el('legend', null, 'Fields to check (none: name, text, e-mail and website)'),
        boxes.map((b) => b.node), inputs.fields.error);
    };
    switch (t) {
      case 'TERMS': {
        const editor = termEditor(r.terms || [], readOnly, signal);
        inputs.terms = editor;
        inputs.exceptions = textList('mq-rule-exceptions', 'Exceptions', r.exceptions,
          'Phrases inside which a term does not count ("Dick Van Dyke", "Cockburn"), one per line.');
        inputs.masked = checkbox('mq-rule-masked', 'Also catch masked spellings (f**k, sh*t)', r.masked === true);
        inputs.inflections = checkbox('mq-rule-inflections', 'Also catch inflections, compounds and phonetic spellings',
          r.inflections !== false, 'Plural, -ed, -ing…, run-together words and hashtags ("#fuckoffmedia"), "phuk".');
        parts.push(editor.node, inputs.exceptions.node, inputs.masked.node, inputs.inflections.node, fieldsBox());
        break;
      }
      case 'PATTERN':
        inputs.pattern = field('mq-rule-pattern', 'Pattern', el('input', { type: 'text', spellcheck: 'false', value: r.pattern || '', class: 'mq-code' }),
          'RE2 syntax, e.g. (?i)whats\\s*app\\s*\\+?\\d{6,}');
        parts.push(inputs.pattern.node, fieldsBox());
        break;
      case 'LINKS':
        inputs.maxLinks = number('mq-rule-max-links', 'Most links allowed', r.maxLinks ?? 2, { min: '0' });
        inputs.blockedDomains = textList('mq-rule-blocked', 'Blocked domains (always spam)', r.blockedDomains);
        inputs.allowedDomains = textList('mq-rule-allowed', 'Allowed domains (not counted)', r.allowedDomains);
        parts.push(inputs.maxLinks.node, inputs.blockedDomains.node, inputs.allowedDomains.node);
        break;
      case 'SHOUTING':
        inputs.minLength = number('mq-rule-min-length', 'Only texts of at least (characters)', r.minLength, { min: '0' });
        inputs.maxUpperCaseRatio = number('mq-rule-upper', 'Most upper case allowed (0 to 1)', r.maxUpperCaseRatio, { min: '0', max: '1', step: '0.05' });
        inputs.maxRepeatedChars = number('mq-rule-repeated', 'Longest run of one character allowed', r.maxRepeatedChars, { min: '1' });
        inputs.holdLinksOnly = checkbox('mq-rule-links-only', 'Hold text that is only a link', r.holdLinksOnly === true);
        parts.push(inputs.minLength.node, inputs.maxUpperCaseRatio.node, inputs.maxRepeatedChars.node, inputs.holdLinksOnly.node);
        break;
      case 'AUTHORS':
        inputs.emails = textList('mq-rule-emails', 'E-mail addresses', r.emails);
        inputs.names = textList('mq-rule-names', 'Names', r.names);
        inputs.ips = textList('mq-rule-ips', 'IP addresses and ranges', r.ips, 'One per line: 203.0.113.7, 203.0.113.0/24, 2001:db8::/32.');
        parts.push(inputs.emails.node, inputs.names.node, inputs.ips.node);
        break;
      case 'FLOOD':
        inputs.intervalSeconds = number('mq-rule-interval', 'Seconds between two comments of one author', r.intervalSeconds ?? 15, { min: '1', max: '86400' });
        parts.push(inputs.intervalSeconds.node);
        break;
      default:
        parts.push(el('p', { class: 'mq-hint' }, 'This rule has no settings: enable or disable it.'));
    }
    settings.replaceChildren(...parts);
    if (readOnly) settings.querySelectorAll('input, textarea, select').forEach((i) => { i.disabled = true; });
  }
  drawSettings();
  if (readOnly) form.querySelectorAll('input, textarea, select').forEach((i) => { i.disabled = true; });
  type.input.addEventListener('change', drawSettings, { signal });

  function request() {
    const t = type.input.value;
    const body = { type: t, action: action.input.value, enabled: enabled.input.checked,
      description: description.input.value.trim() || null };
    const i = inputs;
    switch (t) {
      case 'TERMS':
        Object.assign(body, { terms: i.terms.values(), exceptions: lines(i.exceptions.input.value),
          masked: i.masked.input.checked, inflections: i.inflections.input.checked });
        break;
      case 'PATTERN': body.pattern = i.pattern.input.value; break;
      case 'LINKS': Object.assign(body, { maxLinks: numberOrNull(i.maxLinks.input), blockedDomains: lines(i.blockedDomains.input.value),
        allowedDomains: lines(i.allowedDomains.input.value) }); break;
      case 'SHOUTING': Object.assign(body, { minLength: numberOrNull(i.minLength.input), maxUpperCaseRatio: numberOrNull(i.maxUpperCaseRatio.input),
        maxRepeatedChars: numberOrNull(i.maxRepeatedChars.input), holdLinksOnly: i.holdLinksOnly.input.checked }); break;
      case 'AUTHORS': Object.assign(body, { emails: lines(i.emails.input.value), names: lines(i.names.input.value), ips: lines(i.ips.input.value) }); break;
      case 'FLOOD': body.intervalSeconds = numberOrNull(i.intervalSeconds.input); break;
      default:
    }
    if (i.fields) {
      const chosen = i.fields.values();
      body.fields = chosen.length ? chosen : null;
    }
    return body;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (readOnly) return;
    const errorFields = { ...inputs, description, type, action };
    showErrors(errorFields);
    submit.disabled = true;
    try {
      const saved = await api(creating ? 'rules' : `rules/${rule.id}`, { method: creating ? 'POST' : 'PUT', body: request(), signal });
      say(`Rule ${saved.id} (${saved.type}) was ${creating ? 'created' : 'saved'}; it applies to the next comment.`, 'success');
      if (creating) {
        ctx.navigate(`#/rules/${saved.id}`);
      } else {
        rule = saved;
        root.querySelector('#mq-rule-changed').firstChild.textContent =
          `Created ${formatDate(rule.createdAt)} by ${rule.createdBy}; last changed ${formatDate(rule.updatedAt)} by ${rule.updatedBy}. `;
      }
    } catch (e) {
      const first = showErrors(errorFields, e);
      fail(e);
      if (first) first.input.focus();
    } finally {
      submit.disabled = false;
    }
  }, { signal });

  if (remove) {
    remove.addEventListener('click', async () => {
      if (!await confirmAction(`Delete rule ${rule.id} (${rule.type}${rule.description ? `: ${rule.description}` : ''})? This cannot be undone.`,
        `Delete rule ${rule.id}`, signal)) return;
      try {
        await api(`rules/${rule.id}`, { method: 'DELETE', signal });
        say(`Rule ${rule.id} was deleted.`, 'success');
        ctx.navigate('#/rules');
      } catch (e) {
        fail(e);
      }
    }, { signal });
  }
}

export default { route: 'rules/:id', title: 'Rule', nav: false, role: 'moderator', render };
