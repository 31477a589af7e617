package dev.vestline.approval.consistency;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluates the invariants (a deal's reserved = what its approvals hold; a completed
 * signing = an executed approval) on one REPEATABLE READ snapshot, so concurrent grants
 * cannot fake a violation, and publishes each count as
 * {@code vestline.approval.consistency.violations}.
 */
@Service
public class ConsistencyCheck {

	private static final Logger logger = LoggerFactory.getLogger(ConsistencyCheck.class);

	private final InvariantQueries queries;

	private final Clock clock;

	private final Map<String, AtomicLong> violations = new ConcurrentHashMap<>();

	ConsistencyCheck(InvariantQueries queries, Clock clock, MeterRegistry registry) {
		this.queries = queries;
		this.clock = clock;
		for (String invariant : InvariantQueries.INVARIANTS.keySet()) {
			AtomicLong count = new AtomicLong();
			this.violations.put(invariant, count);
			Gauge.builder("vestline.approval.consistency.violations", count, AtomicLong::get)
				.tag("invariant", invariant)
				.description("Rows breaking an approval invariant at the last check; must stay 0")
				.register(registry);
		}
	}

	/**
	 * @return the violations of each invariant, counted on one snapshot
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Result check() {
		Map<String, Long> counts = new TreeMap<>();
		for (String invariant : InvariantQueries.INVARIANTS.keySet()) {
			long count = this.queries.violations(invariant);
			counts.put(invariant, count);
			this.violations.get(invariant).set(count);
			if (count > 0) {
				logger.error("Approval invariant {} is violated by {} rows", invariant, count);
			}
		}
		return new Result(this.clock.instant(), counts.values().stream().allMatch((c) -> c == 0), counts);
	}

	@Scheduled(cron = "${vestline.approval.consistency.cron:-}")
	void scheduled() {
		check();
	}

	/**
	 * @param checkedAt when
	 * @param consistent whether every invariant holds
	 * @param violations rows breaking each invariant
	 */
	public record Result(Instant checkedAt, boolean consistent, Map<String, Long> violations) {
	}

}
