package dev.vestline.console.billing;

import java.math.BigDecimal;

/**
 * An investor's credit in one currency: overpayments not yet applied.
 *
 * @param currency ISO 4217
 * @param balance what is there
 */
record Credit(String currency, BigDecimal balance) {

	@Override
	public String toString() {
		return Amounts.inWords(this.balance, this.currency);
	}

}
