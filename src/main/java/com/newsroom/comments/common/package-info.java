/**
 * Small pieces every API shares: paging and query parameters (malformed ones answer 400, never 404),
 * form-urlencoded bodies ({@link com.newsroom.comments.common.FormFields}: every form endpoint, with the
 * comment form's limits),
 * what PostgreSQL can store (every JSON string and instant, path and query parameter is checked:
 * {@link com.newsroom.comments.common.StorableText}),
 * request ids on every log line, the OpenAPI document's header and security schemes, who is acting,
 * and the guard that keeps the demo page out of production. Depends on nothing of the service but
 * problem details.
 */
package com.newsroom.comments.common;
