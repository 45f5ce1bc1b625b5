/* Imports and exports (#/imports, admins only): upload a WordPress WXR, a Disqus export or a backup, then
 * follow the import (#/imports?id=7, so a reload or a shared link keeps following it) with a progress bar of
 * the file read, its counts and its errors; download a backup (GET /api/moderation/export).
 *
 * The file goes as the request's body (POST /api/moderation/imports/{kind}), streamed by the browser: a form
 * upload is held to the service's general body limit (4 MB by default), the body to comments.imports.max-body
 * (16 GB), and real exports are larger than the first. While the file is sent, the bar shows the share sent
 * (XMLHttpRequest's upload progress); the service answers 202 once the file is stored, the import then runs in
 * the background and GET /api/moderation/imports/{id} tells how far it is, which the bar shows next. */
import { API_ROOT, api, fail, say, upload } from '../api.js';
import { count, el, formatDate, heading } from '../dom.js';
import { checkbox, field, instantOf, select } from '../forms.js';

/** How often an import's state is asked for while it runs. */
const POLL_MS = 500;

export const KINDS = Object.freeze({
  wordpress: {
    label: 'WordPress (WXR, Tools → Export)', accept: '.xml,.wxr,application/xml,text/xml', contentType: 'application/xml',
    articleIds: [['slug', 'The post’s slug (its id where it has none)'], ['link', 'The post’s link'], ['guid', 'The post’s guid'],
      ['post_id', 'The post’s id']]
  },
  disqus: {
    label: 'Disqus (XML export, unzipped)', accept: '.xml,application/xml,text/xml', contentType: 'application/xml',
    articleIds: [['identifier', 'The thread’s identifier (its link where it has none)'], ['link', 'The thread’s link']]
  },
  backup: {
    label: 'Backup of this service (NDJSON)', accept: '.ndjson,.jsonl,application/x-ndjson', contentType: 'application/x-ndjson',
    articleIds: null
  }
});

const STATES = Object.freeze({
  RECEIVED: 'Receiving the file', RUNNING: 'Importing', SUCCEEDED: 'Finished', FAILED: 'Failed: nothing of it was kept'
});

async function render(ctx) {
  const { root, signal, query } = ctx;
  const watch = el('section', { id: 'mq-import-job', class: 'mq-panel', 'aria-labelledby': 'mq-import-job-title', hidden: true });
  root.append(heading('Imports and exports', 'mq-imports-title'),
    el('p', { class: 'mq-hint' }, 'Bring comments in from WordPress or Disqus, or restore a backup. Imports are idempotent: '
      + 'a file imported twice, or a later export that overlaps an earlier one, adds nothing twice. A file that turns out '
      + 'malformed leaves no comment behind. One import runs at a time.'),
    uploadForm(ctx, watch, (job) => follow(job, true)), watch, exportForm());

  let following = 0;
  /** Shows the job and asks for it again until it has ended (or another is followed); announces the end when
   * it was started here. */
  async function follow(job, announce) {
    const mine = ++following;
    ctx.setQuery({ id: job.id });
    const view = jobView(watch);
    view.show(job);
    while (!signal.aborted && (job.state === 'RECEIVED' || job.state === 'RUNNING')) {
      await sleep(POLL_MS, signal);
      if (signal.aborted || mine !== following) return;
      try {
        job = await api(`imports/${job.id}`, { signal });
      } catch (e) {
        fail(e);
        return;
      }
      view.show(job);
    }
    if (announce && !signal.aborted) say(outcome(job), job.state === 'SUCCEEDED' ? 'success' : 'error');
  }

  const id = query.get('id');
  if (id && /^\d+$/.test(id)) {
    try {
      const job = await api(`imports/${id}`, { signal });
      follow(job, job.state === 'RECEIVED' || job.state === 'RUNNING');
    } catch (e) {
      fail(e);
    }
  }
}

function uploadForm(ctx, watch, started) {
  const { signal } = ctx;
  const kind = field('mq-import-kind', 'What the file is', select(Object.entries(KINDS).map(([k, v]) => [k, v.label]), 'wordpress'));
  const file = field('mq-import-upload', 'File', el('input', { type: 'file', required: true }),
    'Sent as it is; the service stores it, then imports it in the background.');
  const articleId = field('mq-import-article-id', 'Article ids from', el('select'),
    'The article id each comment is stored under: match what your pages put in data-article-id.');
  const moderate = checkbox('mq-import-moderate', 'Run the moderation rules on approved comments', false,
    'Off: comments keep the status they had. Flood and duplicate checks never run on imports.');
  const submit = el('button', { type: 'submit', class: 'mq-primary', id: 'mq-import-start' }, 'Import');
  const form = el('form', { id: 'mq-import-form', class: 'mq-form mq-panel', novalidate: true, 'aria-labelledby': 'mq-import-form-title' },
    el('h3', { id: 'mq-import-form-title' }, 'Import a file'), kind.node, file.node, articleId.node, moderate.node,
    el('div', { class: 'mq-actions' }, submit));

  function choose() {
    const chosen = KINDS[kind.input.value];
    file.input.setAttribute('accept', chosen.accept);
    articleId.node.hidden = !chosen.articleIds;
    moderate.node.hidden = !chosen.articleIds;
    articleId.input.replaceChildren(...(chosen.articleIds || []).map(([v, label], i) => el('option', { value: v, selected: i === 0 }, label)));
  }
  choose();
  kind.input.addEventListener('change', choose, { signal });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const f of [file, articleId]) {
      f.error.textContent = '';
      f.input.removeAttribute('aria-invalid');
    }
    const chosen = file.input.files && file.input.files[0];
    if (!chosen) {
      file.error.textContent = 'Choose the file to import.';
      file.input.setAttribute('aria-invalid', 'true');
      file.input.focus();
      return;
    }
    const which = kind.input.value;
    const params = new URLSearchParams();
    if (KINDS[which].articleIds) {
      params.set('articleId', articleId.input.value);
      if (moderate.input.checked) params.set('moderate', 'true');
    }
    submit.disabled = true;
    say(`Sending ${chosen.name}…`);
    const sending = sendingView(watch, chosen);
    try {
      const job = await upload(`imports/${which}${params.size ? `?${params}` : ''}`, chosen, {
        contentType: KINDS[which].contentType, signal, onProgress: sending.show
      });
      say(`${chosen.name} received: import ${job.id} started.`);
      started(job);
    } catch (e) {
      const errors = e && e.problem && Array.isArray(e.problem.errors) ? e.problem.errors : [];
      for (const { field: name, message } of errors) {
        const f = name === 'articleId' ? articleId : file;
        f.error.textContent = message;
        f.input.setAttribute('aria-invalid', 'true');
      }
      sending.failed(e);
      fail(e);
    } finally {
      submit.disabled = false;
    }
  }, { signal });
  return form;
}

/** The panel while the file is sent: the bar of the file sent (the service stores it before it answers). */
function sendingView(panel, file) {
  const bar = el('progress', { id: 'mq-import-progress', max: '100', value: '0' });
  const percent = el('span', { id: 'mq-import-percent', class: 'mq-import-percent' }, formatPercent(0));
  const state = el('p', { id: 'mq-import-state', class: 'mq-import-state' }, `Sending ${bytes(file.size)}.`);
  panel.replaceChildren(el('h3', { id: 'mq-import-job-title' }, `Sending ${file.name}`),
    el('div', { class: 'mq-import-bar' }, el('label', { id: 'mq-import-progress-label', for: 'mq-import-progress' }, 'Share of the file sent'),
      bar, percent), state);
  panel.dataset.state = 'SENDING';
  panel.hidden = false;
  return {
    show(sent, total) {
      const value = total ? Math.min(100, (100 * sent) / total) : 0;
      bar.value = value;
      percent.textContent = formatPercent(value);
      state.textContent = `Sending: ${bytes(sent)} of ${bytes(total)}.`;
    },
    failed(e) {
      panel.dataset.state = 'FAILED';
      state.textContent = `Not sent: ${(e && e.message) || 'the request failed'}`;
    }
  };
}

/** The job's panel: title, bar, state, counts and errors; show(job) draws it again. */
function jobView(panel) {
  const title = el('h3', { id: 'mq-import-job-title' });
  const bar = el('progress', { id: 'mq-import-progress', max: '100' });
  const label = el('label', { id: 'mq-import-progress-label', for: 'mq-import-progress' }, 'Share of the file read');
  const percent = el('span', { id: 'mq-import-percent', class: 'mq-import-percent' });
  const state = el('p', { id: 'mq-import-state', class: 'mq-import-state' });
  const message = el('p', { id: 'mq-import-message', class: 'mq-error', hidden: true });
  const counts = el('dl', { id: 'mq-import-counts', class: 'mq-facts' });
  const errorsTitle = el('h4', { id: 'mq-import-errors-title', hidden: true });
  const errors = el('ol', { id: 'mq-import-errors', class: 'mq-import-errors', 'aria-labelledby': 'mq-import-errors-title', hidden: true });
  panel.replaceChildren(title, el('div', { class: 'mq-import-bar' }, label, bar, percent), state, message, counts, errorsTitle, errors);
  panel.hidden = false;
  return {
    show(job) {
      const meta = KINDS[job.kind];
      title.textContent = `Import ${job.id}: ${meta ? meta.label.replace(/ \(.*$/, '') : job.kind}${job.options ? ` (${job.options})` : ''}`;
      const value = job.state === 'SUCCEEDED' ? 100 : Math.max(0, Math.min(100, Number(job.progress) || 0));
      bar.value = value;
      bar.setAttribute('aria-valuetext', `${formatPercent(value)} of the file read`);
      percent.textContent = formatPercent(value);
      state.textContent = `${STATES[job.state] || job.state}. Started ${formatDate(job.createdAt)} by ${job.actor}`
        + `${job.finishedAt ? `, ended ${formatDate(job.finishedAt)}` : ''}; ${job.state === 'FAILED'
          ? `the file was ${bytes(job.bytesTotal)}` : `${bytes(job.bytesRead)} of ${bytes(job.bytesTotal)} read`}.`;
      panel.dataset.state = job.state;
      message.hidden = !job.message;
      message.textContent = job.message || '';
      counts.replaceChildren(...countFacts(job.counts || {}, job.state));
      const list = job.errors || [];
      errorsTitle.hidden = errors.hidden = list.length === 0;
      errorsTitle.textContent = `Entries not imported${job.counts && job.counts.errors > list.length ? ` (the first ${list.length} of ${job.counts.errors})` : ''}`;
      errors.replaceChildren(...list.map((e) => el('li', { class: 'mq-import-error' },
        el('span', { class: 'mq-import-error-line' }, e.line > 0 ? `Line ${e.line}` : 'Line unknown'), ': ', e.message)));
    }
  };
}

function countFacts(c, state) {
  const comments = Object.entries(c.comments || {});
  const total = comments.reduce((sum, [, n]) => sum + n, 0);
  const kept = state === 'FAILED' ? ' (read, not kept)' : '';
  const facts = [
    ['Articles', String(c.articles || 0), 'articles'],
    [`Comments${kept}`, total ? `${total}: ${comments.map(([s, n]) => `${n} ${s.toLowerCase()}`).join(', ')}` : '0', 'comments'],
    ['Already imported before', String(c.alreadyImported || 0), 'already'],
    ['Skipped', Object.entries(c.skipped || {}).map(([k, n]) => `${n} ${k}`).join(', ') || '0', 'skipped'],
    ['Replies without their parent (kept at the top)', String(c.orphans || 0), 'orphans'],
    ['Entries not imported', String(c.errors || 0), 'errors']
  ];
  if (c.reports) facts.push(['Readers’ reports', String(c.reports), 'reports']);
  return facts.flatMap(([term, value, key]) => [el('dt', null, term), el('dd', { 'data-count': key }, value)]);
}

/** The end of an import in words, for the live region. */
export function outcome(job) {
  if (job.state !== 'SUCCEEDED') return `Import ${job.id} failed: ${job.message || 'no reason given'}`;
  const c = job.counts || {};
  const total = Object.values(c.comments || {}).reduce((sum, n) => sum + n, 0);
  const skipped = Object.values(c.skipped || {}).reduce((sum, n) => sum + n, 0);
  return `Import ${job.id} finished: ${count(total, 'comment')} imported on ${count(c.articles || 0, 'article')}`
    + `${c.alreadyImported ? `, ${c.alreadyImported} already there` : ''}${skipped ? `, ${skipped} skipped` : ''}`
    + `${c.errors ? `, ${count(c.errors, 'entry', 'entries')} not imported` : ''}.`;
}

function exportForm() {
  const articleId = field('mq-export-article', 'Only this article', el('input', { type: 'text', spellcheck: 'false' }), 'Optional.');
  const status = field('mq-export-status', 'Only comments that are', select([['', 'Any status'], ['APPROVED', 'Approved'],
    ['PENDING', 'Pending'], ['SPAM', 'Spam'], ['REJECTED', 'Rejected']], ''));
  const from = field('mq-export-from', 'Written from', el('input', { type: 'datetime-local' }), 'Optional; your time zone.');
  const to = field('mq-export-to', 'Written before', el('input', { type: 'datetime-local' }), 'Optional; your time zone.');
  const link = el('a', { id: 'mq-export-link', class: 'mq-button mq-primary', download: 'comments-backup.ndjson' }, 'Download the backup');
  const update = () => {
    const params = new URLSearchParams();
    if (articleId.input.value.trim()) params.set('articleId', articleId.input.value.trim());
    if (status.input.value) params.set('status', status.input.value);
    if (instantOf(from.input.value)) params.set('from', instantOf(from.input.value));
    if (instantOf(to.input.value)) params.set('to', instantOf(to.input.value));
    link.href = `${API_ROOT}export${params.size ? `?${params}` : ''}`;
  };
  update();
  const form = el('form', { id: 'mq-export', class: 'mq-form mq-panel', 'aria-labelledby': 'mq-export-title' },
    el('h3', { id: 'mq-export-title' }, 'Export a backup'),
    el('p', { class: 'mq-hint' }, 'Every comment with its moderation data, one JSON object a line (NDJSON). '
      + 'Restore it above as a “Backup of this service”. The export is written in the audit log.'),
    articleId.node, status.node, from.node, to.node, el('div', { class: 'mq-actions' }, link));
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    link.click();
  });
  return form;
}

function formatPercent(value) {
  return `${new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(value)} %`;
}

function bytes(n) {
  const value = Number(n) || 0;
  if (value < 1024) return count(value, 'byte');
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = value / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(v)} ${units[i]}`;
}

function sleep(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

export default { route: 'imports', title: 'Imports', nav: true, role: 'admin', render };
