package dev.vestline.messaging.inbox;

import java.time.Instant;

import javax.sql.DataSource;

/**
 * Forgets inbox rows past their retention, in batches, safe on any number of replicas.
 * The retention must outlive the topics' retention: a redelivery older than its inbox row
 * would be applied again.
 */
public class InboxRetention {

	private static final int BATCH = 5_000;

	private final InboxQueries queries;

	public InboxRetention(DataSource dataSource) {
		this.queries = new InboxQueries(dataSource);
	}

	/**
	 * @param cutoff rows received before this instant go
	 * @return how many rows were deleted
	 */
	public int deleteReceivedBefore(Instant cutoff) {
		int total = 0;
		int deleted;
		do {
			deleted = this.queries.deleteReceivedBefore(cutoff, BATCH);
			total += deleted;
		}
		while (deleted == BATCH);
		return total;
	}

}
