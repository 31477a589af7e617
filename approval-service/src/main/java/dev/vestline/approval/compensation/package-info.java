/**
 * Compensation for signing workflows that failed, were cancelled or completed: the
 * approval is reopened, cancelled or marked executed, once, whatever the redelivery.
 */
@NullMarked
package dev.vestline.approval.compensation;

import org.jspecify.annotations.NullMarked;
