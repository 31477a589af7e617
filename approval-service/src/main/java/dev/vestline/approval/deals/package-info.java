/**
 * Deals and their allocation capacity: what granted subscriptions reserve against, never
 * beyond.
 */
@NullMarked
package dev.vestline.approval.deals;

import org.jspecify.annotations.NullMarked;
