/**
 * The consistency check: evaluates approval's capacity invariants on one snapshot and
 * exposes each one's violations as a metric that must stay 0.
 */
@NullMarked
package dev.vestline.approval.consistency;

import org.jspecify.annotations.NullMarked;
