package dev.vestline.console.reconciliation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An investor's holding in a vehicle, as reconciliation-service shows it.
 *
 * @param id the position
 * @param investorId the investor
 * @param vehicleId the vehicle
 * @param units the units held: the sum of its movements
 * @param costBasis what the units held cost
 * @param currency the cost basis's currency
 * @param version bumped by every movement
 * @param updatedAt when the last movement was booked
 */
record Position(UUID id, String investorId, UUID vehicleId, BigDecimal units, BigDecimal costBasis, String currency,
		long version, Instant updatedAt) {

	public String costInWords() {
		return Amounts.money(this.costBasis, this.currency);
	}

	public String updatedInWords() {
		return Amounts.moment(this.updatedAt);
	}

	/**
	 * One booking on a position: a funding by an accepted match, or its reversal.
	 *
	 * @param id the movement
	 * @param matchId the match that caused it
	 * @param kind {@code FUNDING} or {@code REVERSAL}
	 * @param unitsDelta units added, negative for a reversal
	 * @param costDelta cost added, negative for a reversal
	 * @param unitPrice the unit price applied
	 * @param bookedBy who accepted or reversed the match
	 * @param bookedAt when
	 */
	record Movement(UUID id, UUID matchId, String kind, BigDecimal unitsDelta, BigDecimal costDelta,
			BigDecimal unitPrice, String bookedBy, Instant bookedAt) {

		public String kindInWords() {
			return "REVERSAL".equals(this.kind) ? "Reversal" : "Funding";
		}

		public String bookedInWords() {
			return Amounts.moment(this.bookedAt);
		}

	}

	/**
	 * A position and every movement that made it, oldest first.
	 *
	 * @param position the position
	 * @param movements its movements
	 */
	record WithMovements(Position position, List<Movement> movements) {
	}

}
