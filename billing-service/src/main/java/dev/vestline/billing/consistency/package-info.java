/**
 * The consistency check: evaluates billing's money invariants on one snapshot and exposes
 * each one's violations as a metric that must stay 0.
 */
@NullMarked
package dev.vestline.billing.consistency;

import org.jspecify.annotations.NullMarked;
