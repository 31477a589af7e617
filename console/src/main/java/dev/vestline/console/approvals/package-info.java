/**
 * The approvals area: the queue of pending approvals with their deal's capacity, one
 * approval with its chain of steps and history, and deciding its current step; a lost
 * race or a stale view explained by who decided it.
 */
@NullMarked
package dev.vestline.console.approvals;

import org.jspecify.annotations.NullMarked;
