/**
 * Billing's money rules: exact decimals in an explicit currency, rounded half-even to the
 * currency's minor units, never binary floating point.
 */
@NullMarked
package dev.vestline.billing.money;

import org.jspecify.annotations.NullMarked;
