/* What posting needs, a module comments.js loads once the reader is in the form (and report.js imports):
 * the service's own checks (SubmissionValidator) with its messages in the reader's language, sending, and
 * the answers in words. The service checks again in any case. */

const WEB_URL = /^https?:\/\/[\p{L}\p{N}](?:[\p{L}\p{N}.-]*[\p{L}\p{N}])?(?::\d{1,5})?(?:[/?#]\S*)?$/iu;
const BLANK = /^[\s\p{Zs}\p{Cf}]*$/u;

function validEmail(v) {
  const at = v.lastIndexOf('@');
  if (/\s/u.test(v) || at < 1 || !(v.indexOf('.', at) > at + 1) || v.endsWith('.')) return false;
  const local = v.slice(0, at);
  const domain = v.slice(at + 1);
  return /^[^\s@"(),:;<>[\]\\]+$/u.test(local) && !/^\.|\.\.|\.$/.test(local)
    && /^[\p{L}\p{N}.-]+$/u.test(domain) && !/\.\.|^[.-]|-\.|\.-|-$/.test(domain);
}

/** The errors of values ({name, email, website, text}) in form order, [{field, message}]; max: the service's
 * length limits in code points ({} if unknown); t: the widget's translator. */
export function validate(values, max, t) {
  const errors = [];
  for (const field of ['name', 'email', 'website', 'text']) {
    const v = field === 'text' ? values.text : values[field].trim();
    const n = [...v].length;
    let message = null;
    if (field === 'name' || field === 'text') {
      if (BLANK.test(v)) message = t(field);
    } else if (v && !(field === 'email' ? validEmail(v) : WEB_URL.test(v))) {
      message = t(field);
    }
    if (!message && max[field] && n > max[field]) message = t('tooLong', { label: t(`${field}Label`), max: max[field], n });
    if (message) errors.push({ field, message });
  }
  return errors;
}

/** The answer to body as JSON, and its JSON (or null); rejects only where the service cannot be reached. */
export async function post(url, body) {
  const res = await fetch(url, {
    method: 'POST', body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' }
  });
  return { res, data: await res.json().catch(() => null) };
}

/** The field errors of a problem details answer, [{field, code, message}]. */
export const fieldErrors = (data) => (data && Array.isArray(data.errors) ? data.errors : []);

/** A problem details answer in words (detail, else title), never raw JSON. */
export function problemText(problem, res, t) {
  let text = problem && typeof problem.detail === 'string' && problem.detail
    || problem && typeof problem.title === 'string' && problem.title || t('failed');
  const retry = res && res.status === 429 && res.headers.get('Retry-After');
  if (retry && /^\d+$/.test(retry)) text += ` ${t('wait', { n: Number(retry) })}`;
  return text;
}

/** Posts a comment: the answer. With a proof of work (take(): a solution) where bot.proofOfWork says so;
 * a client the service came to suspect (adaptive proof of work) solves one and retries, once. Rejects
 * with Error('powFailed') or Error('network'). */
export async function send(url, body, bot, take) {
  for (let attempt = 0; ; attempt++) {
    if (bot.proofOfWork) body.altcha = await take().catch(() => { throw new Error('powFailed'); });
    const answer = await post(url, body).catch(() => { throw new Error('network'); });
    const errors = fieldErrors(answer.data);
    if (attempt > 0 || answer.res.status !== 400 || errors.length !== 1 || errors[0].field !== 'altcha') return answer;
    bot.proofOfWork = true;
  }
}
