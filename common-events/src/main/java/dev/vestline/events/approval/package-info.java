/**
 * Contracts of the approval service's events: an investor's interest in a deal, or a
 * subscription to it, decided step by step by staff.
 */
@NullMarked
package dev.vestline.events.approval;

import org.jspecify.annotations.NullMarked;
