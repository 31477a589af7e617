package dev.vestline.benchmarks;

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

	long count() {
		return this.jdbc.sql("SELECT count(*) FROM bench_effect").query(Long.class).single();
	}

}
