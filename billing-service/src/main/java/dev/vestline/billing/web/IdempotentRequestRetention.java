package dev.vestline.billing.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets idempotency keys older than the retention
 * ({@code vestline.billing.idempotency.retention}, default 7 days): a client retries
 * within minutes, not weeks. A plain DELETE by age, so any number of replicas may run it.
 */
@Component
class IdempotentRequestRetention {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration retention;

	IdempotentRequestRetention(JdbcClient jdbc, Clock clock,
			@Value("${vestline.billing.idempotency.retention:7d}") Duration retention) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.retention = retention;
	}

	@Scheduled(cron = "${vestline.billing.idempotency.retention-cron:0 15 * * * *}")
	int purge() {
		return this.jdbc.sql("DELETE FROM idempotent_request WHERE created_at < :cutoff")
			.param("cutoff", Timestamp.from(this.clock.instant().minus(this.retention)))
			.update();
	}

}
