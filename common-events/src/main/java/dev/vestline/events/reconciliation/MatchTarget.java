package dev.vestline.events.reconciliation;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a bank transaction was matched to.
 */
public enum MatchTarget {

	/** A subscription's commitment, which the money funds. */
	SUBSCRIPTION,

	/** An issued invoice, which the money pays. */
	INVOICE;

	/**
	 * A match event names the id of its target and no other.
	 * @param subscriptionId the subscription id the event carries, if any
	 * @param invoiceId the invoice id the event carries, if any
	 * @return the target's id: the record key
	 * @throws IllegalArgumentException when the event names the wrong ids
	 */
	public UUID idOf(@Nullable UUID subscriptionId, @Nullable UUID invoiceId) {
		UUID target = (this == SUBSCRIPTION) ? subscriptionId : invoiceId;
		UUID other = (this == SUBSCRIPTION) ? invoiceId : subscriptionId;
		if (target == null || other != null) {
			throw new IllegalArgumentException("a match to " + this + " names its "
					+ ((this == SUBSCRIPTION) ? "subscriptionId" : "invoiceId") + " and nothing else");
		}
		return target;
	}

}
