package dev.vestline.benchmarks;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a consumer does with an event, as a service's handler would: one row, in the
 * transaction the caller holds.
 */
final class Effects {

	private final JdbcClient jdbc;

	Effects(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	void apply(String account, long sequence) {
		this.jdbc.sql("INSERT INTO bench_effect (account, sequence) VALUES (?, ?)").params(account, sequence).update();
	}

	/** The rows of many events with one statement. */
	void applyAll(List<PositionRevalued> events) {
		this.jdbc.sql("""
				INSERT INTO bench_effect (account, sequence)
				SELECT * FROM unnest(?::text[], ?::bigint[])
				""")
			.params(events.stream().map(PositionRevalued::account).toArray(String[]::new),
					events.stream().map(PositionRevalued::sequence).toArray(Long[]::new))
			.update();
	}

	long count() {
		return this.jdbc.sql("SELECT count(*) FROM bench_effect").query(Long.class).single();
	}

}
