/**
 * Fees: vehicles' fee schedules, subscription fees accrued once per signed subscription
 * pack, management fees accrued once per funded subscription and quarter, and their
 * cancellation.
 */
@NullMarked
package dev.vestline.billing.fees;

import org.jspecify.annotations.NullMarked;
