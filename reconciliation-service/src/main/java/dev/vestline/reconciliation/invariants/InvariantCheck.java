package dev.vestline.reconciliation.invariants;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import dev.vestline.support.consistency.Invariants;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-checks on a schedule, and on demand, that every position's units and cost equal the
 * sum of its movements, every subscription's (invoice's) funded (received) amount equals
 * the sum of its accepted matches, no bank line is in two accepted matches, no credit
 * that exactly one expectation fits went without a suggestion, and no invoice is in
 * another currency than its vehicle's subscriptions; exposes the number of violations per
 * invariant as the gauge {@code vestline.reconciliation.invariant.violations}. It only
 * reads, on one snapshot, so any number of replicas may run it and concurrent acceptances
 * cannot fake a violation.
 */
@Component
public class InvariantCheck implements Invariants {

	private static final Logger log = LoggerFactory.getLogger(InvariantCheck.class);

	private final InvariantQueries queries;

	private final MeterRegistry meters;

	private final Clock clock;

	private final Map<String, AtomicLong> violations = new ConcurrentHashMap<>();

	InvariantCheck(InvariantQueries queries, MeterRegistry meters, Clock clock) {
		this.queries = queries;
		this.meters = meters;
		this.clock = clock;
		// visible from startup: -1 until the first check ran
		InvariantQueries.INVARIANTS.forEach((invariant) -> record(invariant, -1));
	}

	@Scheduled(fixedDelayString = "${vestline.reconciliation.invariants.interval:PT1M}",
			initialDelayString = "${vestline.reconciliation.invariants.initial-delay:PT10S}")
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Result check() {
		Map<String, Long> found = this.queries.violations();
		found.forEach(this::record);
		this.meters.counter("vestline.reconciliation.invariants.checked").increment();
		return new Result(this.clock.instant(), found.values().stream().allMatch((count) -> count == 0), found);
	}

	/**
	 * The operations status's reading: a check now, on its own snapshot.
	 */
	@Override
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Map<String, Long> countViolations() {
		return check().violations();
	}

	/**
	 * @return the violations found by the last check, per invariant
	 */
	public Map<String, Long> lastViolations() {
		return this.violations.entrySet()
			.stream()
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, (entry) -> entry.getValue().get()));
	}

	private void record(String invariant, long count) {
		this.violations.computeIfAbsent(invariant, (name) -> {
			AtomicLong value = new AtomicLong(-1);
			Gauge.builder("vestline.reconciliation.invariant.violations", value, AtomicLong::get)
				.tag("invariant", name)
				.description("Rows breaking the invariant at the last check; anything above 0 needs a person")
				.register(this.meters);
			return value;
		}).set(count);
		if (count > 0) {
			log.error("Invariant {} broken by {} rows", invariant, count);
		}
	}

	/**
	 * @param checkedAt when the check ran
	 * @param holds whether every invariant held
	 * @param violations the rows breaking each invariant
	 */
	public record Result(Instant checkedAt, boolean holds, Map<String, Long> violations) {
	}

}
