package dev.vestline.messaging.deadletters;

/**
 * A discard named a dead letter that is not the first pending one of its partition.
 */
public class NotFirstPendingException extends RuntimeException {

	private final long firstPending;

	NotFirstPendingException(String topic, int partition, long offset, long firstPending) {
		super((firstPending < 0) ? "Partition " + partition + " of " + topic + " has no pending dead letter"
				: "Offset " + offset + " is not the first pending dead letter of partition " + partition + " of "
						+ topic + "; that is " + firstPending + ": discard or replay it first");
		this.firstPending = firstPending;
	}

	/** The first pending offset of the partition, -1 when nothing is pending there. */
	public long firstPending() {
		return this.firstPending;
	}

}
