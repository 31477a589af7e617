/**
 * The billing area: fee schedules, fees, the invoice run, invoices with their lines and
 * payments (void with a reason, apply credit), and an investor's credit and statement,
 * all through billing-service's public API as the signed-in person.
 */
@NullMarked
package dev.vestline.console.billing;

import org.jspecify.annotations.NullMarked;
