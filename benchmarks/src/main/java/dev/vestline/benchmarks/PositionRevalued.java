package dev.vestline.benchmarks;

import dev.vestline.events.EventCatalog;
import dev.vestline.events.DomainEvent;
import dev.vestline.events.EventType;

/**
 * The benchmark's event: about 1 KB of JSON about one of many accounts.
 *
 * @param account the aggregate
 * @param sequence a number unique in the run
 * @param memo filler that brings the JSON to about 1 KB
 */
public record PositionRevalued(String account, long sequence, String memo) implements DomainEvent {

	/** {@code dev.vestline.bench.PositionRevalued.v1} on {@code bench.events}. */
	static final EventType TYPE = EventType.v1(PositionRevalued.class, "bench");

	static final EventCatalog CATALOG = EventCatalog.v1().with(TYPE);

	/** About 950 characters, so that the JSON payload is about 1 KB. */
	static final String MEMO = "x".repeat(950);

	static PositionRevalued of(long sequence, int accounts) {
		return new PositionRevalued("acc-" + (sequence % accounts), sequence, MEMO);
	}

	@Override
	public String aggregateId() {
		return this.account;
	}

}
