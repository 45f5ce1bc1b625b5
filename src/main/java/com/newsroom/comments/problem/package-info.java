/**
 * RFC 9457 problem details for every failure: {@link ApiException} for the service's own refusals, the
 * exception mappers for everything else (a 4xx with a human message for bad input, 503 while the
 * database is away, never a stack trace), and the body-size limit answered before anything reads a body.
 */
package com.newsroom.comments.problem;
