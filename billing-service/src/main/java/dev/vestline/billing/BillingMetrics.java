package dev.vestline.billing;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts billing outcomes as {@code vestline.billing.*} counters, only once the
 * transaction that produced them committed (a rolled-back fee was never accrued).
 */
@Component
public class BillingMetrics {

	private final MeterRegistry registry;

	public BillingMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * @param name the counter, e.g. {@code vestline.billing.fees.accrued}
	 * @param tags low-cardinality key/value pairs, never ids
	 */
	public void countAfterCommit(String name, String... tags) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					count(name, tags);
				}
			});
		}
		else {
			count(name, tags);
		}
	}

	/**
	 * @param name the counter
	 * @param tags low-cardinality key/value pairs
	 */
	public void count(String name, String... tags) {
		this.registry.counter(name, tags).increment();
	}

	/**
	 * @return the registry, for gauges and timers
	 */
	public MeterRegistry registry() {
		return this.registry;
	}

}
