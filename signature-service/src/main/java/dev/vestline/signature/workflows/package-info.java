/**
 * Signing workflows: opened for granted approvals, cancelled, reissued and read by staff.
 */
@NullMarked
package dev.vestline.signature.workflows;

import org.jspecify.annotations.NullMarked;
