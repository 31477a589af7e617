/**
 * What every endpoint shares: security rules, problem details, ETags and idempotency
 * keys.
 */
@NullMarked
package dev.vestline.reconciliation.api;

import org.jspecify.annotations.NullMarked;
