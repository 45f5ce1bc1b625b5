/* Comment widget: <div data-comments data-article-id="..." [data-api-base] [data-page-size] [data-lang]>.
 * Enhances the plain <form> inside it (the no-JavaScript fallback) or builds one. No dependencies.
 * Speaks the page's language (data-lang, else the nearest lang attribute, <html lang>): English is built
 * in (EN), other languages load i18n/<language>.json beside this script, right to left where RTL says.
 * User data is only ever inserted as text (Element.append, textContent), never as HTML.
 * Also the home of the page helpers the moderation page shares: window.CommentsWidget.{el, formatDate}, and of
 * proofOfWork(base), the challenge solver (bench/pow-solve.sh times it). */
(() => {
  'use strict';

  // The widget's own words in English; i18n/<language>.json translates these keys ({name} etc. are
  // filled in; an object is a plural, by Intl.PluralRules). The seed's messages exactly, as the service has them.
  const EN = {
    name: 'Please enter your name here',
    text: 'Please enter your comment!',
    email: 'You have entered an incorrect email address!',
    website: 'Please enter a valid website address starting with http:// or https://',
    tooLong: '{label} is too long: at most {max} characters are allowed (it has {n}).',
    nameLabel: 'Your name', emailLabel: 'Your email address', websiteLabel: 'Your website address', textLabel: 'Your comment',
    published: 'Thank you! Your comment has been published.',
    pending: 'Your comment is awaiting moderation.',
    posting: 'Posting…',
    network: 'The comment service could not be reached. Please try again.',
    failed: 'Your comment could not be posted. Please try again.',
    loadFailed: 'The comments could not be loaded.',
    empty: 'No comments yet.',
    wait: 'Please wait {n} seconds.',
    fix: { one: 'Please correct the marked field.', other: 'Please correct the {n} marked fields.' },
    reason: 'Please choose why you report this comment.',
    reportFailed: 'Your report could not be sent. Please try again.',
    reported: 'Thank you. A moderator will look at this comment.',
    powFailed: 'Your browser could not complete the anti-spam check. Please reload the page and try again.',
    honeypot: 'Leave this field empty',
    nameField: 'Name', emailField: 'Email', websiteField: 'Website', textField: 'Comment', emailHint: 'Never published.',
    leave: 'Leave a comment', post: 'Post comment', comments: 'Comments', more: 'Load more comments',
    reply: 'Reply', replyTo: 'Reply to {name}', replying: 'Replying to {name}', cancelReply: 'Cancel reply',
    report: 'Report', reportBy: 'Report the comment by {name}', reportTitle: 'Report this comment',
    about: 'The comment by {name}. Only the moderators see your report.', why: 'Why should a moderator look at it?',
    SPAM: 'Spam or advertising', ABUSE: 'Abuse, threats or hate', OFF_TOPIC: 'Off topic',
    PERSONAL_INFO: 'Personal information about someone', OTHER: 'Something else',
    note: 'Note for the moderators (optional)', send: 'Send report', sending: 'Sending…', cancel: 'Cancel', close: 'Close'
  };
  const RTL = ['ar', 'fa', 'he', 'ur'];
  const REASONS = ['SPAM', 'ABUSE', 'OFF_TOPIC', 'PERSONAL_INFO', 'OTHER'];
  // In form order (the first invalid field gets the focus): name, element, attributes, hint.
  // Length limits come from the service (GET /api/limits), which checks them again in any case.
  const FIELDS = [
    ['name', 'input', { required: true, autocomplete: 'name' }],
    ['email', 'input', { type: 'email', autocomplete: 'email' }, 'emailHint'],
    ['website', 'input', { type: 'url', autocomplete: 'url', placeholder: 'https://' }],
    ['text', 'textarea', { required: true, rows: 6 }]
  ];
  const WEB_URL = /^https?:\/\/[\p{L}\p{N}](?:[\p{L}\p{N}.-]*[\p{L}\p{N}])?(?::\d{1,5})?(?:[/?#]\S*)?$/iu;
  const BLANK = /^[\s\p{Zs}\p{Cf}]*$/u;
  const MAX_DEPTH = 4;
  const script = document.currentScript;
  const defaultBase = script && script.src ? new URL('..', script.src).href : location.origin;
  const widgetBase = script && script.src ? new URL('.', script.src).href : `${location.origin}/widget/`;
  let uid = 0;

  /** The translation of a language: null for English, and where none can be had (English is used then). */
  const translations = new Map();
  function translation(lang) {
    if (lang === 'en' || !/^[a-z]{2,3}$/.test(lang)) return Promise.resolve(null);
    if (!translations.has(lang)) {
      translations.set(lang, fetch(`${widgetBase}i18n/${lang}.json`).then((r) => (r.ok ? r.json() : null)).catch(() => null));
    }
    return translations.get(lang);
  }

  /** A translator for lang: t(key, {name, n, ...}); strings of the translation, else English. */
  function translator(lang, strings) {
    const plural = new Intl.PluralRules(lang);
    return (key, vars = {}) => {
      let text = (strings && strings[key]) || EN[key];
      if (typeof text === 'object') text = text[plural.select(vars.n)] || text.other;
      return text.replace(/\{(\w+)\}/g, (m, v) => (v in vars ? String(vars[v]) : m));
    };
  }

  /** The text of key around the {name} in it, as nodes: the name stays an element (emphasis, its own direction). */
  function around(t, key, node) {
    const [before, after] = t(key, { name: '\u0000' }).split('\u0000');
    return [before, node, after];
  }

  /** Strings among the children become text nodes (Element.append). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value == null || value === false) continue;
      if (key === 'class') node.className = value;
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    node.append(...children.flat(Infinity).filter((c) => c != null));
    return node;
  }

  /** The service's length limits in code points, fetched once per service ({} if they cannot be had). */
  const limitsByBase = new Map();
  function limits(base) {
    if (!limitsByBase.has(base)) {
      limitsByBase.set(base, fetch(`${base}/api/limits`).then((r) => (r.ok ? r.json() : {})).catch(() => ({})));
    }
    return limitsByBase.get(base);
  }

  /** ALTCHA proof of work: the n (0..max) whose SHA-256 hex of salt + n is the challenge; -1 if none.
   * Runs in a Web Worker (its source is this function) or, where none can start, as async code here. */
  async function solve({ challenge, salt, max }) {
    const want = challenge.match(/../g).map((h) => parseInt(h, 16));
    const enc = new TextEncoder();
    for (let n = 0; n <= max; n += 256) {
      const batch = [];
      for (let k = n; k <= Math.min(n + 255, max); k++) batch.push(crypto.subtle.digest('SHA-256', enc.encode(salt + k)));
      const hashes = await Promise.all(batch);
      for (let j = 0; j < hashes.length; j++) {
        const h = new Uint8Array(hashes[j]);
        let i = 0;
        while (i < 32 && h[i] === want[i]) i++;
        if (i === 32) return n + j;
      }
    }
    return -1;
  }

  /** A challenge from the service, solved off the page's thread: resolves to the ALTCHA payload (base64 JSON). */
  async function proofOfWork(base) {
    const res = await fetch(`${base}/api/challenge`, { cache: 'no-store' });
    if (!res.ok) throw new Error(res.status);
    const c = await res.json();
    const started = Date.now();
    const task = { challenge: c.challenge, salt: c.salt, max: c.maxnumber };
    let number;
    try {
      const url = URL.createObjectURL(new Blob([`onmessage=async(e)=>postMessage(await (${solve})(e.data))`], { type: 'text/javascript' }));
      const worker = new Worker(url);
      number = await new Promise((resolve, reject) => {
        worker.onmessage = (e) => resolve(e.data);
        worker.onerror = (e) => { e.preventDefault(); reject(new Error('worker')); };
        worker.postMessage(task);
      }).finally(() => { worker.terminate(); URL.revokeObjectURL(url); });
    } catch (e) {
      number = await solve(task); // no worker (e.g. a page's CSP forbids blob: workers): async, in slices
    }
    if (number < 0) throw new Error('unsolved');
    const expires = Number(new URLSearchParams(c.salt.split('?')[1] || '').get('expires')) * 1000 || Infinity;
    return { expires, payload: btoa(JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number, salt: c.salt, signature: c.signature, took: Date.now() - started })) };
  }

  function validEmail(v) {
    const at = v.lastIndexOf('@');
    if (/\s/u.test(v) || at < 1 || !(v.indexOf('.', at) > at + 1) || v.endsWith('.')) return false;
    const local = v.slice(0, at);
    const domain = v.slice(at + 1);
    return /^[^\s@"(),:;<>[\]\\]+$/u.test(local) && !/^\.|\.\.|\.$/.test(local)
      && /^[\p{L}\p{N}.-]+$/u.test(domain) && !/\.\.|^[.-]|-\.|\.-|-$/.test(domain);
  }

  /** The server's checks (SubmissionValidator), with its messages in the reader's language: [{field, message}]. */
  function validate(values, max, t) {
    const errors = [];
    for (const [field] of FIELDS) {
      const maxlength = max[field];
      const v = field === 'text' ? values.text : values[field].trim();
      const n = [...v].length;
      let message = null;
      if (field === 'name' || field === 'text') {
        if (BLANK.test(v)) message = t(field);
      } else if (v && !(field === 'email' ? validEmail(v) : WEB_URL.test(v))) {
        message = t(field);
      }
      if (!message && maxlength && n > maxlength) {
        message = t('tooLong', { label: t(`${field}Label`), max: maxlength, n });
      }
      if (message) errors.push({ field, message });
    }
    return errors;
  }

  function safeUrl(value) {
    try {
      return value && /^https?:$/.test(new URL(value).protocol);
    } catch (e) {
      return false;
    }
  }

  /** A date and time in lang (default: the page's language), by Intl.DateTimeFormat. */
  function formatDate(iso, lang) {
    if (!iso) return '';
    const date = new Date(iso);
    try {
      return new Intl.DateTimeFormat(lang || document.documentElement.lang || [], { dateStyle: 'medium', timeStyle: 'short' }).format(date);
    } catch (e) {
      return date.toLocaleString();
    }
  }

  /** A problem details answer in words (detail, else title), never raw JSON. */
  function problemText(problem, res, t) {
    let text = problem && typeof problem.detail === 'string' && problem.detail
      || problem && typeof problem.title === 'string' && problem.title || t('failed');
    const retry = res && res.status === 429 && res.headers.get('Retry-After');
    if (retry && /^\d+$/.test(retry)) text += ` ${t('wait', { n: Number(retry) })}`;
    return text;
  }

  function buildForm(action, t) {
    const form = el('form', { class: 'cw-form', method: 'post', action }, el('h3', { class: 'cw-form-title' }, t('leave')));
    const id = `cw${++uid}`;
    for (const [name, tag, attrs, hint] of FIELDS) {
      const hintId = hint && `${id}-${name}-hint`;
      form.append(el('div', { class: 'cw-field' },
        el('label', { for: `${id}-${name}` }, t(`${name}Field`), attrs.required ? el('span', { class: 'cw-required', 'aria-hidden': 'true' }, ' *') : null),
        el(tag, { id: `${id}-${name}`, name, 'aria-describedby': hintId, ...attrs }),
        hint ? el('small', { class: 'cw-hint', id: hintId }, t(hint)) : null));
    }
    form.append(el('div', { class: 'cw-actions' }, el('button', { type: 'submit', class: 'cw-submit' }, t('post'))));
    return form;
  }

  /** The page's language tag for the widget: data-lang, else the nearest lang attribute (<html lang>). */
  function languageOf(root) {
    const holder = root.closest('[lang]');
    return (root.dataset.lang || (holder && holder.lang) || 'en').trim();
  }

  async function init(root) {
    if (root.dataset.commentsReady) return;
    const articleId = root.dataset.articleId;
    if (!articleId) return console.warn('comments widget: no data-article-id', root);
    root.dataset.commentsReady = 'true';
    root.classList.add('cw');
    const tag = languageOf(root);
    const asked = tag.toLowerCase().split(/[-_]/)[0];
    const strings = await translation(asked);
    // The language of its words, also the one the service answers in: English where no translation loads.
    const lang = strings ? asked : 'en';
    const t = translator(lang, strings);
    const dates = strings || asked === 'en' ? tag : 'en'; // en-GB, tr-TR: the page's own region for dates
    root.lang = lang;
    if (RTL.includes(lang)) root.dir = 'rtl';
    const base = (root.dataset.apiBase || defaultBase).replace(/\/+$/, '');
    const api = `${base}/api/articles/${encodeURIComponent(articleId)}/comments`;
    const size = Math.min(100, Math.max(1, parseInt(root.dataset.pageSize, 10) || 20));
    const seen = new Map(); // id -> {node, depth}
    let page = 0;
    let total = 0;
    let busy = false;

    const count = el('span', { class: 'cw-count' });
    const list = el('ol', { class: 'cw-list' });
    const empty = el('p', { class: 'cw-empty', hidden: true }, t('empty'));
    const more = el('button', { type: 'button', class: 'cw-more', hidden: true }, t('more'));
    const listStatus = el('p', { class: 'cw-status', role: 'status', 'aria-live': 'polite' });
    const form = root.querySelector('form') || root.appendChild(buildForm(api, t));
    form.before(el('section', { class: 'cw-thread', 'aria-label': t('comments') },
      el('h2', { class: 'cw-title' }, `${t('comments')} `, count), listStatus, empty, list, more));

    function updateCount() {
      count.textContent = `(${total})`;
      empty.hidden = total > 0 || seen.size > 0;
    }

    function say(region, text, kind) {
      region.textContent = text || '';
      region.className = `cw-status${kind ? ` cw-status-${kind}` : ''}`;
    }

    function render(c) {
      // Readers write in any script: names and texts take their own direction (dir=auto).
      const author = safeUrl(c.website)
        ? el('a', { href: c.website, rel: 'nofollow ugc noopener', class: 'cw-author', dir: 'auto' }, c.name)
        : el('span', { class: 'cw-author', dir: 'auto' }, c.name);
      const reply = el('button', { type: 'button', class: 'cw-reply', 'aria-label': t('replyTo', { name: c.name }) }, t('reply'));
      reply.addEventListener('click', () => startReply(c));
      const report = el('button', { type: 'button', class: 'cw-report', 'aria-haspopup': 'dialog', 'aria-label': t('reportBy', { name: c.name }) }, t('report'));
      report.addEventListener('click', () => (reporter || (reporter = reportDialog())).open(c, report));
      return el('li', { class: 'cw-comment', id: `comment-${c.id}` },
        el('article', { class: 'cw-body', tabindex: '-1' },
          el('header', { class: 'cw-meta' }, author, ' ',
            el('time', { datetime: c.createdAt }, formatDate(c.createdAt, dates))),
          el('p', { class: 'cw-text', dir: 'auto' }, c.text),
          el('div', { class: 'cw-comment-actions' }, reply, ' ', report)));
    }

    /** The report dialog (one per widget, built on first use): a reason, an optional note, the answer in words. */
    let reporter = null;
    function reportDialog() {
      const id = `cw${++uid}-report`;
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
      function markError(target, error, message) {
        error.textContent = message || '';
        error.hidden = !message;
        if (message) target.setAttribute('aria-describedby', error.id); else target.removeAttribute('aria-describedby');
        if (message) target.setAttribute('aria-invalid', 'true'); else target.removeAttribute('aria-invalid');
      }
      close.addEventListener('click', () => dialog.close());
      dialog.addEventListener('close', () => { if (opener && opener.isConnected) opener.focus(); });
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        if (sending || !current) return;
        const chosen = radios().find((r) => r.checked);
        markError(reasons, reasonError);
        markError(note, noteError);
        if (!chosen) {
          markError(reasons, reasonError, t('reason'));
          say(status, t('fix', { n: 1 }), 'error');
          radios()[0].focus();
          return;
        }
        sending = true;
        send.disabled = true;
        say(status, t('sending'));
        try {
          const res = await fetch(`${api}/${encodeURIComponent(current.id)}/reports?lang=${lang}`, {
            method: 'POST', body: JSON.stringify({ reason: chosen.value, note: note.value.trim() || null }),
            headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' }
          });
          const data = await res.json().catch(() => null);
          if (res.ok) {
            say(status, (data && data.message) || t('reported'), 'success');
            send.hidden = true;
            close.textContent = t('close');
            close.focus();
          } else if (data && Array.isArray(data.errors) && data.errors.length) {
            const other = [];
            for (const e of data.errors) {
              if (e.field === 'reason') markError(reasons, reasonError, e.message);
              else if (e.field === 'note') markError(note, noteError, e.message);
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
          markError(reasons, reasonError);
          markError(note, noteError);
          say(status, '');
          send.hidden = false;
          close.textContent = t('cancel');
          dialog.showModal();
          radios()[0].focus();
        }
      };
    }

    /** Adds a comment under its parent (nesting MAX_DEPTH levels at most); null if already shown. */
    function add(c) {
      if (seen.has(c.id)) return null;
      const node = render(c);
      const parent = c.parentId != null ? seen.get(c.parentId) : null;
      const depth = parent ? Math.min(parent.depth + 1, MAX_DEPTH) : 0;
      const into = !parent ? list : depth > parent.depth
        ? parent.node.querySelector(':scope > .cw-replies') || parent.node.appendChild(el('ol', { class: 'cw-replies' }))
        : parent.node.parentElement;
      into.append(node);
      seen.set(c.id, { node, depth });
      return node;
    }

    async function load() {
      more.disabled = true;
      list.setAttribute('aria-busy', 'true');
      try {
        const res = await fetch(`${api}?page=${page}&size=${size}`);
        if (!res.ok) throw new Error(res.status);
        const data = await res.json();
        const added = data.items.map(add).filter(Boolean);
        total = data.totalItems;
        page += 1;
        more.hidden = page * size >= total;
        updateCount();
        say(listStatus, '');
        return added;
      } catch (e) {
        say(listStatus, t('loadFailed'), 'error');
        return [];
      } finally {
        more.disabled = false;
        list.removeAttribute('aria-busy');
      }
    }

    more.addEventListener('click', async () => {
      const added = await load();
      if (added.length) added[0].firstChild.focus();
    });

    form.noValidate = true;
    form.classList.add('cw-form');
    const fields = {};
    for (const [name] of FIELDS) {
      const input = form.elements.namedItem(name);
      if (!input) continue;
      if (!input.id) input.id = `cw${++uid}-${name}`;
      if ((name === 'email' || name === 'website') && !input.dir) input.dir = 'ltr'; // addresses read left to right
      const error = el('span', { class: 'cw-error', id: `${input.id}-error`, hidden: true });
      input.after(error);
      fields[name] = { input, error, describedBy: input.getAttribute('aria-describedby') || '' };
      input.addEventListener('input', () => {
        if (input.getAttribute('aria-invalid') !== 'true') return;
        mark(name, (validate(values(), max, t).find((e) => e.field === name) || {}).message);
      });
    }
    let max = {};
    limits(base).then((l) => {
      max = l;
      for (const [name, f] of Object.entries(fields)) {
        if (Number.isInteger(l[name]) && l[name] > 0) f.input.maxLength = l[name];
      }
    });
    // Bot checks: a signed form token (the time trap), the honeypot field, and the proof of work where the
    // service asks for it, solved in the background while the reader types.
    let bot = {};
    let honeypot = null;
    let pow = null;
    const startPow = () => { pow = proofOfWork(base); pow.catch(() => {}); };
    fetch(`${base}/api/articles/${encodeURIComponent(articleId)}/form-token`, { cache: 'no-store' })
      .then((r) => (r.ok ? r.json() : {})).catch(() => ({})).then((t) => {
        bot = t;
        if (t.honeypotField) {
          honeypot = form.elements.namedItem(t.honeypotField);
          if (!honeypot) {
            const id = `cw${++uid}-hp`;
            honeypot = el('input', { id, name: t.honeypotField, type: 'text', tabindex: '-1', autocomplete: 'off' });
            form.append(el('div', { class: 'cw-hp', 'aria-hidden': 'true' }, el('label', { for: id }, t('honeypot')), honeypot));
          }
        }
        if (t.proofOfWork) startPow();
      });
    /** The solved challenge, solving a new one if there is none or it is about to expire. */
    async function solution() {
      if (!pow) startPow();
      const solved = await pow;
      if (solved.expires - Date.now() > 30000) return solved.payload;
      startPow();
      return (await pow).payload;
    }

    let parentInput = form.elements.namedItem('parentId');
    if (!parentInput) form.append(parentInput = el('input', { type: 'hidden', name: 'parentId' }));
    const submit = form.querySelector('[type=submit]');
    const cancel = el('button', { type: 'button', class: 'cw-cancel' }, t('cancelReply'));
    const replyingTo = el('strong', { dir: 'auto' });
    const replying = el('p', { class: 'cw-replying', hidden: true }, around(t, 'replying', replyingTo), ' ', cancel);
    const formStatus = el('p', { class: 'cw-status', role: 'status', 'aria-live': 'polite' });
    (form.querySelector('.cw-field') || form.firstElementChild || form).before(replying);
    form.append(formStatus);

    const values = () => Object.fromEntries(FIELDS.map(([n]) => [n, fields[n] ? fields[n].input.value : '']));

    /** Shows (or with no message clears) a field's error, next to it and in its description. */
    function mark(name, message) {
      const { input, error, describedBy } = fields[name];
      error.textContent = message || '';
      error.hidden = !message;
      const ids = (message ? `${describedBy} ${error.id}` : describedBy).trim();
      for (const [attr, value] of [['aria-invalid', message && 'true'], ['aria-describedby', ids]]) {
        if (value) input.setAttribute(attr, value); else input.removeAttribute(attr);
      }
    }

    /** Shows field errors next to their fields and focuses the first; the rest become a message. */
    function showErrors(errors, detail) {
      const other = [];
      for (const e of errors) {
        if (fields[e.field]) mark(e.field, e.message);
        else other.push(e.message);
      }
      const n = errors.length - other.length;
      const summary = n ? t('fix', { n }) : '';
      say(formStatus, [summary, ...other].filter(Boolean).join(' ') || detail || t('failed'), 'error');
      const first = FIELDS.find(([name]) => fields[name] && fields[name].input.getAttribute('aria-invalid'));
      if (first) fields[first[0]].input.focus();
    }

    const focusText = () => (fields.text || fields.name).input.focus();
    function startReply(c) {
      parentInput.value = String(c.id);
      replyingTo.textContent = c.name;
      replying.hidden = false;
      focusText();
    }
    function stopReply() {
      parentInput.value = '';
      replying.hidden = true;
    }
    cancel.addEventListener('click', () => { stopReply(); focusText(); });

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (busy) return;
      for (const name of Object.keys(fields)) mark(name);
      const v = values();
      const errors = validate(v, max, t);
      if (errors.length) {
        showErrors(errors);
        return;
      }
      const body = {
        name: v.name.trim(), text: v.text, email: v.email.trim() || null, website: v.website.trim() || null,
        parentId: parentInput.value ? Number(parentInput.value) : null, lang
      };
      if (bot.formToken) body.formToken = bot.formToken;
      if (honeypot && honeypot.value) body[honeypot.name] = honeypot.value;
      busy = true;
      if (submit) submit.disabled = true;
      form.setAttribute('aria-busy', 'true');
      say(formStatus, t('posting'));
      try {
        let res;
        let data;
        // At most twice: a client the service came to suspect (adaptive proof of work) solves and retries once.
        for (let attempt = 0; attempt < 2; attempt++) {
          if (bot.proofOfWork) {
            try {
              body.altcha = await solution();
            } catch (e) {
              say(formStatus, t('powFailed'), 'error');
              return;
            }
          }
          try {
            res = await fetch(api, {
              method: 'POST', body: JSON.stringify(body),
              headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' }
            });
          } catch (e) {
            say(formStatus, t('network'), 'error');
            return;
          }
          data = await res.json().catch(() => null);
          if (bot.proofOfWork || body.altcha) pow = null; // spent (or refused): the next post solves a new one
          const powError = res.status === 400 && data && Array.isArray(data.errors)
            && data.errors.find((e) => e.field === 'altcha');
          if (!powError || attempt > 0 || data.errors.length > 1) break;
          bot.proofOfWork = true;
        }
        if (bot.proofOfWork && !pow) startPow();
        if (res.ok && data && data.id != null) {
          if (fields.text) fields.text.input.value = '';
          stopReply();
          if (data.status === 'APPROVED') {
            const node = add(data);
            if (node) {
              total += 1;
              updateCount();
              node.scrollIntoView({ block: 'nearest' });
            }
            say(formStatus, data.message || t('published'), 'success');
          } else {
            say(formStatus, t('pending'), 'success');
          }
        } else if (data && Array.isArray(data.errors) && data.errors.length) {
          showErrors(data.errors, data.detail);
        } else {
          say(formStatus, problemText(data, res, t), 'error');
        }
      } finally {
        busy = false;
        if (submit) submit.disabled = false;
        form.removeAttribute('aria-busy');
      }
    });

    // Back from a plain form post (sent before this script ran): say how it went.
    const query = new URLSearchParams(location.search);
    const status = query.get('commentStatus');
    if (status) say(formStatus, t(status === 'APPROVED' ? 'published' : 'pending'), 'success');

    updateCount();
    load().then(() => {
      const target = location.hash && location.hash.startsWith('#comment-') && document.getElementById(location.hash.slice(1));
      if (target) target.scrollIntoView();
    });
  }

  window.CommentsWidget = Object.freeze({ el, formatDate, proofOfWork });

  const start = () => document.querySelectorAll('[data-comments]').forEach(init);

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
