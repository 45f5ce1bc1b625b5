/* Comment widget: <div data-comments data-article-id="..." [data-api-base] [data-page-size] [data-lang]>.
 * Enhances the plain <form> inside it (the no-JavaScript fallback) or builds one. No dependencies, no build.
 * Modules beside it load when needed: i18n/<language>.json (English is built in), post.js (checking and
 * posting, once the reader is in the form), report.js (the report dialog), pow.js (the proof of work).
 * User data is only ever inserted as text, never as HTML. The moderation page shares CommentsWidget.el and
 * formatDate. */
(() => {
  'use strict';

  // English words (report.js has the dialog's), the seed's messages as the service has them; an object is a
  // plural (Intl.PluralRules), {name} etc. are filled in. i18n/<language>.json translates the same keys.
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
    powFailed: 'Your browser could not complete the anti-spam check. Please reload the page and try again.',
    honeypot: 'Leave this field empty',
    nameField: 'Name', emailField: 'Email', websiteField: 'Website', textField: 'Comment', emailHint: 'Never published.',
    leave: 'Leave a comment', post: 'Post comment', comments: 'Comments', more: 'Load more comments',
    reply: 'Reply', replyTo: 'Reply to {name}', replying: 'Replying to {name}', cancelReply: 'Cancel reply',
    report: 'Report', reportBy: 'Report the comment by {name}'
  };
  const RTL = ['ar', 'fa', 'he', 'ur'];
  // In form order (the first invalid one gets the focus): name, element, attributes, hint.
  const FIELDS = [
    ['name', 'input', { required: true, autocomplete: 'name' }],
    ['email', 'input', { type: 'email', autocomplete: 'email' }, 'emailHint'],
    ['website', 'input', { type: 'url', autocomplete: 'url', placeholder: 'https://' }],
    ['text', 'textarea', { required: true, rows: 6 }]
  ];
  const MAX_DEPTH = 4;
  const script = document.currentScript;
  const defaultBase = script && script.src ? new URL('..', script.src).href : location.origin;
  const widgetBase = script && script.src ? new URL('.', script.src).href : `${location.origin}/widget/`;
  const status = { role: 'status', 'aria-live': 'polite' };
  let uid = 0;

  /** The JSON at url, fetched once (fallback if it cannot be had). */
  const fetched = new Map();
  function once(url, fallback) {
    if (!fetched.has(url)) fetched.set(url, fetch(url).then((r) => (r.ok ? r.json() : fallback)).catch(() => fallback));
    return fetched.get(url);
  }

  const load = (name) => import(`${widgetBase}${name}.js`);
  const proofOfWork = (base) => load('pow').then((m) => m.proofOfWork(base));

  /** t(key, {name, n, ...}): the words of strings (a translation, or null), else English. */
  function translator(lang, strings, english = EN) {
    const plural = new Intl.PluralRules(lang);
    return (key, vars = {}) => {
      let text = (strings && strings[key]) || english[key];
      if (typeof text === 'object') text = text[plural.select(vars.n)] || text.other;
      return text.replace(/\{(\w+)\}/g, (m, v) => (v in vars ? String(vars[v]) : m));
    };
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

  function say(region, text, kind) {
    region.textContent = text || '';
    region.className = `cw-status${kind ? ` cw-status-${kind}` : ''}`;
  }

  /** Shows (with no message: clears) a field's error, next to it and in its aria-describedby. */
  function showError(target, error, message, describedBy = '') {
    error.textContent = message || '';
    error.hidden = !message;
    const ids = (message ? `${describedBy} ${error.id}` : describedBy).trim();
    for (const [attr, value] of [['aria-invalid', message && 'true'], ['aria-describedby', ids]]) {
      if (value) target.setAttribute(attr, value); else target.removeAttribute(attr);
    }
  }

  function safeUrl(value) {
    try {
      return value && /^https?:$/.test(new URL(value).protocol);
    } catch (e) {
      return false;
    }
  }

  /** A date and time in lang (default: the page's). */
  function formatDate(iso, lang) {
    if (!iso) return '';
    const date = new Date(iso);
    try {
      return new Intl.DateTimeFormat(lang || document.documentElement.lang || [], { dateStyle: 'medium', timeStyle: 'short' }).format(date);
    } catch (e) {
      return date.toLocaleString();
    }
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

  async function init(root) {
    if (root.dataset.commentsReady) return;
    const articleId = root.dataset.articleId;
    if (!articleId) return console.warn('comments widget: no data-article-id', root);
    root.dataset.commentsReady = 'true';
    root.classList.add('cw');
    // data-lang, else the nearest lang attribute: its primary language for words, English without a translation.
    const holder = root.closest('[lang]');
    const tag = (root.dataset.lang || (holder && holder.lang) || 'en').trim();
    const asked = tag.toLowerCase().split(/[-_]/)[0];
    const strings = asked !== 'en' && /^[a-z]{2,3}$/.test(asked) ? await once(`${widgetBase}i18n/${asked}.json`, null) : null;
    const lang = strings ? asked : 'en'; // also the service's
    const t = translator(lang, strings);
    const dates = strings || asked === 'en' ? tag : 'en'; // with the page's region (en-GB, tr-TR)
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
    const listStatus = el('p', { class: 'cw-status', ...status });
    const form = root.querySelector('form') || root.appendChild(buildForm(api, t));
    form.before(el('section', { class: 'cw-thread', 'aria-label': t('comments') },
      el('h2', { class: 'cw-title' }, `${t('comments')} `, count), listStatus, empty, list, more));

    function updateCount() {
      count.textContent = `(${total})`;
      empty.hidden = total > 0 || seen.size > 0;
    }

    // One report dialog per widget, made on the first click on Report.
    let reporter = null;
    async function openReport(c, button) {
      try {
        reporter = reporter || load('report').then((m) => m.reportDialog({
          root, api, lang, t: translator(lang, strings, { ...EN, ...m.EN }), el, say, showError
        }));
        (await reporter).open(c, button);
      } catch (e) {
        reporter = null;
        say(listStatus, t('network'), 'error');
      }
    }

    function render(c) {
      // Names and texts, in any script, take their own direction (dir=auto).
      const author = safeUrl(c.website)
        ? el('a', { href: c.website, rel: 'nofollow ugc noopener', class: 'cw-author', dir: 'auto' }, c.name)
        : el('span', { class: 'cw-author', dir: 'auto' }, c.name);
      const reply = el('button', { type: 'button', class: 'cw-reply', 'aria-label': t('replyTo', { name: c.name }) }, t('reply'));
      reply.addEventListener('click', () => startReply(c));
      const report = el('button', { type: 'button', class: 'cw-report', 'aria-haspopup': 'dialog', 'aria-label': t('reportBy', { name: c.name }) }, t('report'));
      report.addEventListener('click', () => openReport(c, report));
      return el('li', { class: 'cw-comment', id: `comment-${c.id}` },
        el('article', { class: 'cw-body', tabindex: '-1' },
          el('header', { class: 'cw-meta' }, author, ' ',
            el('time', { datetime: c.createdAt }, formatDate(c.createdAt, dates))),
          el('p', { class: 'cw-text', dir: 'auto' }, c.text),
          el('div', { class: 'cw-comment-actions' }, reply, ' ', report)));
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

    async function loadPage() {
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
      const added = await loadPage();
      if (added.length) added[0].firstChild.focus();
    });

    form.noValidate = true;
    form.classList.add('cw-form');
    const fields = {};
    const mark = (name, message) => showError(fields[name].input, fields[name].error, message, fields[name].describedBy);
    const values = () => Object.fromEntries(FIELDS.map(([n]) => [n, fields[n] ? fields[n].input.value : '']));
    const writing = () => load('post'); // loaded once the reader is in the form
    form.addEventListener('focusin', () => writing().catch(() => {}), { once: true });
    let max = {};
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
        writing().then((w) => mark(name, (w.validate(values(), max, t).find((e) => e.field === name) || {}).message), () => {});
      });
    }
    // The service's length limits (in code points; it checks them again) as maxlength.
    once(`${base}/api/limits`, {}).then((l) => {
      max = l;
      for (const [name, f] of Object.entries(fields)) {
        if (Number.isInteger(l[name]) && l[name] > 0) f.input.maxLength = l[name];
      }
    });
    // Bot checks: a signed form token (the time trap), the honeypot field, and where the service asks for
    // it the proof of work, solved in the background while the reader types.
    let bot = {};
    let honeypot = null;
    let solver = null;
    const pow = () => (solver = solver || load('pow').then((m) => m.solver(base)).catch((e) => { solver = null; throw e; }));
    fetch(`${base}/api/articles/${encodeURIComponent(articleId)}/form-token`, { cache: 'no-store' })
      .then((r) => (r.ok ? r.json() : {})).catch(() => ({})).then((token) => {
        bot = token;
        if (token.honeypotField) {
          honeypot = form.elements.namedItem(token.honeypotField);
          if (!honeypot) {
            const id = `cw${++uid}-hp`;
            honeypot = el('input', { id, name: token.honeypotField, type: 'text', tabindex: '-1', autocomplete: 'off' });
            form.append(el('div', { class: 'cw-hp', 'aria-hidden': 'true' }, el('label', { for: id }, t('honeypot')), honeypot));
          }
        }
        if (token.proofOfWork) pow().then((s) => s.start(), () => {});
      });

    let parentInput = form.elements.namedItem('parentId');
    if (!parentInput) form.append(parentInput = el('input', { type: 'hidden', name: 'parentId' }));
    const submit = form.querySelector('[type=submit]');
    const cancel = el('button', { type: 'button', class: 'cw-cancel' }, t('cancelReply'));
    const replyingTo = el('strong', { dir: 'auto' }); // the name's own element: emphasis, direction
    const [before, after] = t('replying', { name: '\u0000' }).split('\u0000');
    const replying = el('p', { class: 'cw-replying', hidden: true }, before, replyingTo, after, ' ', cancel);
    const formStatus = el('p', { class: 'cw-status', ...status });
    (form.querySelector('.cw-field') || form.firstElementChild || form).before(replying);
    form.append(formStatus);

    /** Shows field errors next to their fields and focuses the first; the rest become a message. */
    function showErrors(errors, detail) {
      const other = [];
      for (const e of errors) {
        if (fields[e.field]) mark(e.field, e.message);
        else other.push(e.message);
      }
      const n = errors.length - other.length;
      say(formStatus, [n ? t('fix', { n }) : '', ...other].filter(Boolean).join(' ') || detail || t('failed'), 'error');
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
      busy = true;
      try {
        for (const name of Object.keys(fields)) mark(name);
        const v = values();
        const w = await writing();
        const errors = w.validate(v, max, t);
        if (errors.length) return showErrors(errors);
        const body = {
          name: v.name.trim(), text: v.text, email: v.email.trim() || null, website: v.website.trim() || null,
          parentId: parentInput.value ? Number(parentInput.value) : null, lang
        };
        if (bot.formToken) body.formToken = bot.formToken;
        if (honeypot && honeypot.value) body[honeypot.name] = honeypot.value;
        if (submit) submit.disabled = true;
        form.setAttribute('aria-busy', 'true');
        say(formStatus, t('posting'));
        const { res, data } = await w.send(api, body, bot, () => pow().then((s) => s.take()));
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
        } else if (w.fieldErrors(data).length) {
          showErrors(data.errors, data.detail);
        } else {
          say(formStatus, w.problemText(data, res, t), 'error');
        }
      } catch (e) {
        say(formStatus, t(e.message === 'powFailed' ? 'powFailed' : 'network'), 'error');
      } finally {
        busy = false;
        if (submit) submit.disabled = false;
        form.removeAttribute('aria-busy');
      }
    });

    // Back from a plain form post (sent before this script ran): say how it went.
    const back = new URLSearchParams(location.search).get('commentStatus');
    if (back) say(formStatus, t(back === 'APPROVED' ? 'published' : 'pending'), 'success');

    updateCount();
    loadPage().then(() => {
      const target = location.hash && location.hash.startsWith('#comment-') && document.getElementById(location.hash.slice(1));
      if (target) target.scrollIntoView();
    });
  }

  window.CommentsWidget = Object.freeze({ el, formatDate, proofOfWork });

  const start = () => document.querySelectorAll('[data-comments]').forEach(init);

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
