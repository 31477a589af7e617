package dev.vestline.console.reconciliation;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A subscription reconciliation-service expects money for, and what arrived.
 *
 * @param subscriptionId the subscription
 * @param investorId the investor
 * @param vehicleId the vehicle
 * @param commitment what was committed
 * @param funded what accepted matches brought
 * @param currency ISO 4217
 * @param fullyFunded whether funded reached the commitment
 * @param overFunded whether more arrived than was committed
 */
record Funding(UUID subscriptionId, String investorId, UUID vehicleId, BigDecimal commitment, BigDecimal funded,
		String currency, boolean fullyFunded, boolean overFunded) {

	public String inWords() {
		return Amounts.money(this.funded, this.currency) + " of " + Amounts.money(this.commitment, this.currency)
				+ " funded" + (this.overFunded ? ", over-funded" : this.fullyFunded ? ", fully funded" : "");
	}

}
