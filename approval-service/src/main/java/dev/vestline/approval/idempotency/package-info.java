/**
 * Idempotency-Key handling for creating POSTs: a retry gets the first response, a reused
 * key with another body is refused.
 */
@NullMarked
package dev.vestline.approval.idempotency;

import org.jspecify.annotations.NullMarked;
