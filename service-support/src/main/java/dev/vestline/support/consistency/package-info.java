/**
 * A service's invariants, checked on one snapshot, counted in a gauge and served on
 * demand.
 */
@NullMarked
package dev.vestline.support.consistency;

import org.jspecify.annotations.NullMarked;
