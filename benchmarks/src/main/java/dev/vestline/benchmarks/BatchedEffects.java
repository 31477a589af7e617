package dev.vestline.benchmarks;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The same effect rows as {@link Effects}, but collected while the inbox applies a batch
 * and written with one statement just before its transaction commits: still in the
 * inbox's transaction, one round trip per batch instead of one per event.
 */
final class BatchedEffects {

	private final JdbcClient jdbc;

	BatchedEffects(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	void apply(String account, long sequence) {
		Pending pending = pending();
		pending.accounts.add(account);
		pending.sequences.add(sequence);
	}

	private Pending pending() {
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof Pending pending) {
				return pending;
			}
		}
		Pending pending = new Pending();
		TransactionSynchronizationManager.registerSynchronization(pending);
		return pending;
	}

	/** The rows of the current transaction, written before it commits. */
	private final class Pending implements TransactionSynchronization {

		private final List<String> accounts = new ArrayList<>();

		private final List<Long> sequences = new ArrayList<>();

		@Override
		public void beforeCommit(boolean readOnly) {
			BatchedEffects.this.jdbc.sql("""
					INSERT INTO bench_effect (account, sequence)
					SELECT * FROM unnest(?::text[], ?::bigint[])
					""").params(this.accounts.toArray(String[]::new), this.sequences.toArray(Long[]::new)).update();
		}

	}

}
