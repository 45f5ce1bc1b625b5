/* The console's one way to the moderator API (and upload() for files sent with their progress), and its live region.
 *
 * api(path, options) answers the parsed JSON (null for 204) or throws an ApiError whose message is the problem
 * details' `detail` in words (never raw JSON). Every request sends X-Requested-With, which the service requires
 * of cookie-signed changes, and the session cookie (HttpOnly: no script reads it). fail(error) shows an error in
 * the live region, or, for a 401, hands over to the sign-in form (whenSignedOut). */

/** The API's root, from this module's own address (…/moderation/api.js → …/api/moderation/). */
export const API_ROOT = new URL('../api/moderation/', import.meta.url).href;

export const MSG = Object.freeze({
  wrongCredentials: 'Wrong user name or password',
  throttled: (seconds) => `Too many failed sign-ins. Please try again in ${seconds} second${seconds === 1 ? '' : 's'}.`,
  signedOut: 'Your session ended. Please sign in again.',
  stale: 'Someone else changed this comment; reloaded.',
  network: 'The comment service could not be reached. Please try again.',
  failed: 'The request failed.'
});

/** A failed answer: HTTP status (0: no answer), the problem's detail as message, the problem itself. */
export class ApiError extends Error {
  constructor(status, message, problem, retryAfter) {
    super(message);
    this.status = status;
    this.problem = problem || null;
    this.retryAfter = retryAfter;
  }
}

/**
 * Calls the moderator API. path is relative to /api/moderation/ ("comments/12/approve", "stats").
 * options: method (GET), body (sent as JSON; a string or Blob is sent as it is, with contentType),
 * ifMatch (a version: sent as If-Match "<version>"), headers, signal (an AbortSignal), withResponse (answer
 * {data, response} instead of data, e.g. for ETag).
 */
export async function api(path, { method = 'GET', body, contentType, ifMatch, headers = {}, signal, withResponse } = {}) {
  const sent = {
    Accept: 'application/json, application/problem+json',
    'X-Requested-With': 'XMLHttpRequest',
    ...headers
  };
  let payload;
  if (body !== undefined) {
    const raw = typeof body === 'string' || body instanceof Blob;
    payload = raw ? body : JSON.stringify(body);
    sent['Content-Type'] = contentType || (raw ? 'text/plain' : 'application/json');
  }
  if (ifMatch != null) sent['If-Match'] = `"${ifMatch}"`;
  let response;
  try {
    response = await fetch(new URL(path, API_ROOT), {
      method, headers: sent, body: payload, credentials: 'same-origin', cache: 'no-store', signal
    });
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    throw new ApiError(0, MSG.network);
  }
  const text = response.status === 204 ? '' : await response.text().catch(() => '');
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch (e) {
    data = null;
  }
  if (response.ok) return withResponse ? { data, response } : data;
  throw problemError(response, data);
}

/**
 * Sends a file as a request's body (POST), telling onProgress(sent, total) as it goes (fetch cannot: hence
 * XMLHttpRequest), and answers the parsed JSON or throws an ApiError as api() does.
 */
export function upload(path, file, { contentType, signal, onProgress } = {}) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', new URL(path, API_ROOT));
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    xhr.setRequestHeader('Content-Type', contentType || 'application/octet-stream');
    xhr.withCredentials = true;
    if (onProgress) xhr.upload.addEventListener('progress', (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size));
    const abort = () => xhr.abort();
    if (signal) signal.addEventListener('abort', abort, { once: true });
    xhr.addEventListener('loadend', () => {
      if (signal) signal.removeEventListener('abort', abort);
      if (signal && signal.aborted) {
        reject(new DOMException('The upload was stopped.', 'AbortError'));
        return;
      }
      if (xhr.status === 0) {
        reject(new ApiError(0, MSG.network));
        return;
      }
      let data = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch (e) {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data);
      else reject(problemError({ status: xhr.status, headers: { get: (name) => xhr.getResponseHeader(name) } }, data));
    });
    xhr.send(file);
  });
}

function problemError(response, problem) {
  const status = response.status;
  if (status === 429) {
    const seconds = Math.max(1, parseInt(response.headers.get('Retry-After'), 10) || 60);
    const detail = problem && typeof problem.detail === 'string' && problem.detail;
    return new ApiError(429, detail || MSG.throttled(seconds), problem, seconds);
  }
  const text = problem && typeof problem.detail === 'string' && problem.detail
    || problem && typeof problem.title === 'string' && problem.title || `${MSG.failed} (HTTP ${status})`;
  return new ApiError(status, text, problem);
}

/** The problem's field errors as a map field → message ({} if none). */
export function fieldErrors(error) {
  const errors = error && error.problem && Array.isArray(error.problem.errors) ? error.problem.errors : [];
  return Object.fromEntries(errors.filter((e) => e && e.field).map((e) => [e.field, e.message]));
}

const status = () => document.getElementById('mq-status');

/** Announces text in the live region; kind: 'success', 'error' or none. */
export function say(text, kind) {
  const region = status();
  // Cleared first, so that the same message twice is announced twice.
  region.textContent = '';
  region.className = `mq-status${kind ? ` mq-status-${kind}` : ''}`;
  if (text) setTimeout(() => { region.textContent = text; }, 30);
}

let signedOutHandler = () => {};

/** Who handles a 401 (the session ended): app.js, which shows the sign-in form. */
export function whenSignedOut(handler) {
  signedOutHandler = handler;
}

/** Reports a failure of any call made while signed in: a 401 ends the session, anything else is said. */
export function fail(error) {
  if (error && error.name === 'AbortError') return;
  if (error && error.status === 401) {
    signedOutHandler();
    return;
  }
  say((error && error.message) || MSG.failed, 'error');
}
