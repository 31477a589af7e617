package dev.vestline.events;

/**
 * The Kafka topics Vestline publishes on: one per producing service.
 */
public final class Topics {

	/** Events of the approval service, keyed by approval id. */
	public static final String APPROVAL = "approval.events";

	/** Events of the signature service, keyed by workflow id. */
	public static final String SIGNATURE = "signature.events";

	/** Events of the billing service, keyed by subscription id (fees) or invoice id. */
	public static final String BILLING = "billing.events";

	/** Events of the reconciliation service, keyed by subscription id or invoice id. */
	public static final String RECONCILIATION = "reconciliation.events";

	private Topics() {
	}

	/**
	 * The dead-letter topic where a consumer group parks the records of a topic it could
	 * not process.
	 * @param topic the original topic
	 * @param consumerGroup the consumer group that gave up
	 * @return {@code <topic>.<consumer-group>.dlt}
	 */
	public static String deadLetter(String topic, String consumerGroup) {
		return topic + "." + consumerGroup + ".dlt";
	}

}
