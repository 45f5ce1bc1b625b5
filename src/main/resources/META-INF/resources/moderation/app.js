/* The moderation console's shell: sign-in through the session API, the nav, and hash routing to the views
 * registered in views.js (#/queue, #/comments/123, #/rules?…). Plain ES modules, no build step.
 *
 * A view's render(ctx) gets:
 *   ctx.root      the element to fill (emptied before, and after the view is left)
 *   ctx.params    the route's named parts ({id: '123'} for 'comments/:id'), as strings
 *   ctx.query     URLSearchParams of the part after '?'
 *   ctx.session   {username, roles, expiresAt} of the signed-in moderator; ctx.isAdmin
 *   ctx.signal    an AbortSignal aborted when the view is left or the moderator signs out: pass it to api()
 *                 and addEventListener, and close what the view opened (EventSource…) on its 'abort'
 *   ctx.navigate(hash), ctx.setQuery(params) (changes the address without rendering again)
 *   ctx.setSession(session) after the session was replaced (a password change answers a new one)
 * render may be async; when it is done, the shell moves the focus to the view's title (dom.heading(), else its
 * first h2; navigation by the
 * moderator only), sets the document's title and marks the nav's link as the current page. */
import { api, fail, say, whenSignedOut, MSG } from './api.js';
import { el } from './dom.js';
import views from './views.js';

const DEFAULT_ROUTE = 'queue';
const $ = (id) => document.getElementById(id);
const ui = {
  signin: $('mq-signin'), signinError: $('mq-signin-error'), user: $('mq-signin-user'), password: $('mq-signin-password'),
  workspace: $('mq-workspace'), who: $('mq-user'), username: $('mq-username'), signout: $('mq-signout'),
  nav: $('mq-nav'), navList: $('mq-nav-list'), main: $('mq-main')
};

let session = null;
let current = null; // {view, controller, path}
let renders = 0;

const isAdmin = () => !!session && Array.isArray(session.roles) && session.roles.includes('admin');
const allowed = (view) => view.role !== 'admin' || isAdmin();

/** The view and its params for a route path ('comments/12'), or null. */
function match(path) {
  const parts = path.split('/').filter(Boolean);
  for (const view of views) {
    const pattern = view.route.split('/');
    if (pattern.length !== parts.length) continue;
    const params = {};
    if (pattern.every((p, i) => (p.startsWith(':') ? ((params[p.slice(1)] = decodeURIComponent(parts[i])), true) : p === parts[i]))) {
      return { view, params };
    }
  }
  return null;
}

function parseHash() {
  const hash = location.hash.replace(/^#\/?/, '');
  const at = hash.indexOf('?');
  return { path: at < 0 ? hash : hash.slice(0, at), query: new URLSearchParams(at < 0 ? '' : hash.slice(at + 1)) };
}

function leave() {
  if (current) current.controller.abort();
  current = null;
  ui.workspace.replaceChildren();
}

async function route({ focus = true } = {}) {
  if (!session) return;
  const { path, query } = parseHash();
  if (!path) {
    history.replaceState(null, '', `#/${DEFAULT_ROUTE}`);
    return route({ focus });
  }
  leave();
  const found = match(path);
  const controller = new AbortController();
  const root = el('section', { class: 'mq-view', id: 'mq-view' });
  ui.workspace.replaceChildren(root);
  current = { view: found && found.view, controller, path };
  const mine = ++renders;
  markNav(found && found.view);
  if (!found || !allowed(found.view)) {
    document.title = 'Not found – Moderation';
    root.append(el('h2', { class: 'mq-view-title', tabindex: '-1' }, found ? 'For admins only' : 'Not found'),
      el('p', null, found ? 'This view is for admins.' : 'There is nothing at this address. ',
        el('a', { href: `#/${DEFAULT_ROUTE}` }, 'Go to the queue')));
    if (focus) root.querySelector('h2').focus();
    return;
  }
  const { view, params } = found;
  document.title = `${view.title} – Moderation`;
  root.setAttribute('aria-busy', 'true');
  try {
    await view.render({
      root, params, query, session, isAdmin: isAdmin(), signal: controller.signal,
      navigate: (hash) => { location.hash = hash; },
      setSession: (changed) => { session = changed; ui.username.textContent = session.username; },
      setQuery: (q) => {
        const text = new URLSearchParams(Object.entries(q).filter(([, v]) => v != null && v !== '' && v !== false)).toString();
        history.replaceState(null, '', `#/${path}${text ? `?${text}` : ''}`);
      }
    });
  } catch (e) {
    if (mine === renders) fail(e);
  } finally {
    root.removeAttribute('aria-busy');
  }
  if (focus && mine === renders && !root.contains(document.activeElement)) {
    const title = root.querySelector('.mq-view-title') || root.querySelector('h2');
    if (title) title.focus();
  }
}

function markNav(view) {
  for (const link of ui.navList.querySelectorAll('a')) {
    if (view && link.dataset.route === view.route) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function renderNav() {
  ui.navList.replaceChildren(...views.filter((v) => v.nav && allowed(v)).map((v) =>
    el('li', null, el('a', { href: `#/${v.route}`, 'data-route': v.route }, v.title))));
}

window.addEventListener('hashchange', () => route());

// --- sign-in -------------------------------------------------------------------------------

function showSignIn() {
  ui.workspace.hidden = true;
  ui.who.hidden = true;
  ui.nav.hidden = true;
  ui.signin.hidden = false;
}

/** Back to the sign-in form, with nothing of the last moderator's work left on the page. */
function showSignedOut(message) {
  session = null;
  leave();
  ui.password.value = '';
  ui.signinError.textContent = message || '';
  showSignIn();
  ui.user.focus();
}

whenSignedOut(() => showSignedOut(MSG.signedOut));

/** Shows the console for the signed-in moderator {username, roles, expiresAt}. */
async function enter(signedIn, { focus }) {
  session = signedIn;
  ui.password.value = '';
  ui.username.textContent = session.username;
  ui.who.hidden = false;
  ui.signin.hidden = true;
  renderNav();
  ui.nav.hidden = false;
  ui.workspace.hidden = false;
  await route({ focus });
}

ui.signin.addEventListener('submit', async (event) => {
  event.preventDefault();
  const username = ui.user.value.trim();
  const password = ui.password.value;
  ui.signinError.textContent = '';
  if (!username || !password) {
    ui.signinError.textContent = 'Please enter your user name and password.';
    (username ? ui.password : ui.user).focus();
    return;
  }
  const button = ui.signin.querySelector('[type=submit]');
  button.disabled = true;
  let signedIn;
  try {
    signedIn = await api('session', { method: 'POST', body: { username, password } });
  } catch (e) {
    ui.signinError.textContent = e.status === 401 ? MSG.wrongCredentials
      : e.status === 429 ? MSG.throttled(e.retryAfter) : e.message;
    ui.password.select();
    ui.password.focus();
    return;
  } finally {
    button.disabled = false;
  }
  await enter(signedIn, { focus: true });
});

ui.signout.addEventListener('click', async () => {
  try {
    await api('session', { method: 'DELETE' });
  } catch (e) {
    if (e.status !== 401) {
      say(e.message, 'error');
      return;
    }
  }
  showSignedOut();
  say('Signed out.');
});

// A reload keeps the session: ask who is signed in before showing the form.
api('session').then((signedIn) => enter(signedIn, { focus: false }), () => showSignIn());
