/**
 * HTTP plumbing every feature shares: security rules, RFC 9457 problem responses,
 * conditional requests (ETag / If-Match) and Idempotency-Key replay.
 */
@NullMarked
package dev.vestline.billing.web;

import org.jspecify.annotations.NullMarked;
