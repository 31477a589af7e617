/**
 * Invoices: batched invoice runs that bill accrued fees per investor and vehicle,
 * gap-free numbers per year, ISO 11649 payment references, and voiding unpaid invoices.
 */
@NullMarked
package dev.vestline.billing.invoices;

import org.jspecify.annotations.NullMarked;
