/**
 * The Idempotency-Key of creating POSTs, shared by every service: a retry gets the first
 * response, a reused key with another request is refused, old keys are forgotten.
 */
@NullMarked
package dev.vestline.support.idempotency;

import org.jspecify.annotations.NullMarked;
