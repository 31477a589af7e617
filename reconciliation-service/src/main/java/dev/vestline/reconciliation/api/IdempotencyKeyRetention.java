package dev.vestline.reconciliation.api;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets idempotency keys older than the retention: a client retries within minutes, not
 * weeks. One idempotent DELETE, so any number of replicas may run it at once.
 */
@Component
class IdempotencyKeyRetention {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration retention;

	IdempotencyKeyRetention(JdbcClient jdbc, Clock clock,
			@Value("${vestline.reconciliation.idempotency.retention:P7D}") Duration retention) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.retention = retention;
	}

	@Scheduled(fixedDelayString = "${vestline.reconciliation.idempotency.cleanup-interval:PT1H}",
			initialDelayString = "PT1M")
	int forgetOldKeys() {
		return this.jdbc.sql("DELETE FROM idempotency_key WHERE created_at < ?")
			.param(Timestamp.from(this.clock.instant().minus(this.retention)))
			.update();
	}

}
