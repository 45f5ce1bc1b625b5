/* The console's views, in the order of the nav. A view is a module in views/ whose default export is
 *   { route: 'rules' or 'comments/:id', title: 'Rules', nav: true, role: 'moderator' | 'admin', render(ctx) }
 * (see app.js for ctx and /work/notes/console-api.md): adding one takes its module and one line here. */
import queue from './views/queue.js';
import comment from './views/comment.js';
import rules from './views/rules.js';
import rule from './views/rule.js';
import articles, { article } from './views/articles.js';
import audit from './views/audit.js';
import imports from './views/imports.js';
import moderators from './views/moderators.js';
import account from './views/account.js';

export default [
  queue,
  comment,
  rules,
  rule,
  articles,
  article,
  audit,
  imports,
  moderators,
  account
];
