package dev.vestline.support.consistency;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A service's invariants, each a query counting the rows that break it, evaluated on one
 * REPEATABLE READ snapshot (so that concurrent changes cannot fake a violation) and
 * published as the gauge {@code vestline.<service>.consistency.violations{invariant}},
 * which must stay 0. A service declares one as a bean; the shared
 * {@code POST /api/v1/consistency-checks} runs it on demand.
 */
public class ConsistencyCheck implements Invariants {

	private static final Logger logger = LoggerFactory.getLogger(ConsistencyCheck.class);

	private final String service;

	private final Map<String, String> invariants;

	private final JdbcClient jdbc;

	private final TransactionTemplate snapshot;

	private final Clock clock;

	private final Map<String, AtomicLong> violations = new LinkedHashMap<>();

	/**
	 * @param service the service's name, for the metric and the log
	 * @param invariants each invariant's name and the query counting its violations
	 * @param jdbc runs the queries
	 * @param transactions opens the snapshot
	 * @param clock stamps each check
	 * @param registry takes the gauges
	 */
	public ConsistencyCheck(String service, Map<String, String> invariants, JdbcClient jdbc,
			PlatformTransactionManager transactions, Clock clock, MeterRegistry registry) {
		this.service = service;
		this.invariants = Map.copyOf(invariants);
		this.jdbc = jdbc;
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setReadOnly(true);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.clock = clock;
		for (String invariant : this.invariants.keySet()) {
			AtomicLong count = new AtomicLong();
			this.violations.put(invariant, count);
			Gauge.builder("vestline." + service + ".consistency.violations", count, AtomicLong::get)
				.tag("invariant", invariant)
				.description("Rows breaking a " + service + " invariant at the last check; must stay 0")
				.register(registry);
		}
	}

	/**
	 * @return the violations of each invariant, counted on one snapshot
	 */
	public Result check() {
		Map<String, Long> counts = this.snapshot.execute((status) -> {
			Map<String, Long> counted = new TreeMap<>();
			this.invariants
				.forEach((invariant, query) -> counted.put(invariant, this.jdbc.sql(query).query(Long.class).single()));
			return counted;
		});
		counts.forEach((invariant, count) -> {
			this.violations.get(invariant).set(count);
			if (count > 0) {
				logger.error("{} invariant {} is violated by {} rows", this.service, invariant, count);
			}
		});
		return new Result(this.clock.instant(), counts.values().stream().allMatch((c) -> c == 0), counts);
	}

	@Override
	public Map<String, Long> countViolations() {
		return check().violations();
	}

	/**
	 * @param checkedAt when
	 * @param consistent whether every invariant holds
	 * @param violations rows breaking each invariant
	 */
	public record Result(Instant checkedAt, boolean consistent, Map<String, Long> violations) {
	}

}
