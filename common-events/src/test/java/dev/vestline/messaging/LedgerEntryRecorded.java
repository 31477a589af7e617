package dev.vestline.messaging;

import dev.vestline.events.EventType;

/**
 * The {@code version}-th entry of an account: consumers can check per-account order.
 *
 * @param account the account, the aggregate
 * @param version 1, 2, 3... per account
 * @param note free text; the test listener fails on {@code fail-always} and
 * {@code fail-once}
 */
public record LedgerEntryRecorded(String account, long version, String note) implements LedgerEvent {

	/**
	 * The test catalogue entry: {@code dev.vestline.ledger.LedgerEntryRecorded.v1} on
	 * {@code ledger.events}.
	 */
	public static final EventType TYPE = EventType.v1(LedgerEntryRecorded.class, "ledger");

	/** The topic. */
	public static final String TOPIC = "ledger.events";

	@Override
	public String aggregateId() {
		return this.account;
	}

}
