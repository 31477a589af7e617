/**
 * What every endpoint shares: security rules, problem details and ETags.
 */
@NullMarked
package dev.vestline.reconciliation.api;

import org.jspecify.annotations.NullMarked;
