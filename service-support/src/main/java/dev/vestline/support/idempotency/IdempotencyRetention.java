package dev.vestline.support.idempotency;

import java.time.Instant;

import javax.sql.DataSource;

/**
 * Forgets Idempotency-Keys past their retention, in batches. Safe on any number of
 * replicas at once: each batch skips rows another replica is deleting.
 */
public class IdempotencyRetention {

	private static final int BATCH = 5_000;

	private final IdempotencyQueries queries;

	public IdempotencyRetention(DataSource dataSource) {
		this.queries = new IdempotencyQueries(dataSource);
	}

	/**
	 * @param cutoff keys created before this instant go
	 * @return how many were deleted
	 */
	public int deleteCreatedBefore(Instant cutoff) {
		int total = 0;
		int deleted;
		do {
			deleted = this.queries.deleteCreatedBefore(cutoff, BATCH);
			total += deleted;
		}
		while (deleted == BATCH);
		return total;
	}

}
