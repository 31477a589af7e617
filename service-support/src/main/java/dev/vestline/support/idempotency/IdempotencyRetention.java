package dev.vestline.support.idempotency;

import java.time.Instant;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets Idempotency-Keys past their retention, in batches. Safe on any number of
 * replicas at once: each batch skips rows another replica is deleting.
 */
public class IdempotencyRetention {

	private static final Logger logger = LoggerFactory.getLogger(IdempotencyRetention.class);

	private static final int BATCH = 5_000;

	private final IdempotencyQueries queries;

	public IdempotencyRetention(DataSource dataSource) {
		this.queries = new IdempotencyQueries(dataSource);
	}

	/**
	 * Deletes keys created before the cutoff and logs how many.
	 * @param cutoff keys created before this instant go
	 */
	void forgetCreatedBefore(Instant cutoff) {
		int deleted = deleteCreatedBefore(cutoff);
		if (deleted > 0) {
			logger.info("Retention forgot {} Idempotency-Keys", deleted);
		}
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
