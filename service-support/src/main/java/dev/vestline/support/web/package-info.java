/**
 * The web kit every servlet service shares: what ties a request to the events it causes
 * (correlation id, trace context), request body limits checked before the body is
 * buffered, one exception handler that answers every failure (domain exceptions included)
 * as an RFC 9457 problem whose type is documented at {@code /problems/<slug>},
 * {@code If-Match}/{@code ETag}, the 401/403 entry points, the security every
 * server-rendered page shares ({@link dev.vestline.support.web.BrowserPages}) and the
 * shared OpenAPI parts.
 */
@NullMarked
package dev.vestline.support.web;

import org.jspecify.annotations.NullMarked;
