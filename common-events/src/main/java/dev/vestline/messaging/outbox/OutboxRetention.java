package dev.vestline.messaging.outbox;

import java.time.Instant;

import javax.sql.DataSource;

/**
 * Deletes published outbox rows past their retention, in batches. Safe on any number of
 * replicas at once: each batch skips rows another replica is deleting.
 */
public class OutboxRetention {

	private static final int BATCH = 5_000;

	private final OutboxQueries queries;

	public OutboxRetention(DataSource dataSource) {
		this.queries = new OutboxQueries(dataSource);
	}

	/**
	 * @param cutoff published rows written before this instant go; pending ones stay
	 * @return how many rows were deleted
	 */
	public int deletePublishedBefore(Instant cutoff) {
		int total = 0;
		int deleted;
		do {
			deleted = this.queries.deletePublishedBefore(cutoff, BATCH);
			total += deleted;
		}
		while (deleted == BATCH);
		return total;
	}

}
