/**
 * The audit log of workflows and their leases.
 */
@NullMarked
package dev.vestline.signature.audit;

import org.jspecify.annotations.NullMarked;
