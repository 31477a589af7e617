package dev.vestline.benchmarks;

import java.util.HexFormat;
import java.util.SplittableRandom;

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

	static PositionRevalued of(long sequence, int accounts) {
		return new PositionRevalued("acc-" + (sequence % accounts), sequence, memo(sequence));
	}

	/**
	 * 950 hex digits, different for every event, so that the JSON is about 1 KB and lz4
	 * cannot shrink a batch of them to nearly nothing (it would, were they all alike).
	 */
	static String memo(long sequence) {
		byte[] bytes = new byte[475];
		new SplittableRandom(sequence).nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	/**
	 * The same kind of memo written by SQL, for backlogs filled on the server: 950 hex
	 * digits of MD5s of the row number {@code i}.
	 */
	static final String SQL_MEMO = "(SELECT substr(string_agg(md5(i::text || '-' || k), ''), 1, 950) "
			+ "FROM generate_series(1, 30) AS k)";

	@Override
	public String aggregateId() {
		return this.account;
	}

}
