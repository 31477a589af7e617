/**
 * HTTP plumbing every feature shares: security rules, RFC 9457 problem responses and
 * conditional requests (ETag / If-Match).
 */
@NullMarked
package dev.vestline.billing.web;

import org.jspecify.annotations.NullMarked;
