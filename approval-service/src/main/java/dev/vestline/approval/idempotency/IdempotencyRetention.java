package dev.vestline.approval.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets Idempotency-Keys after the retention period, so the table does not grow
 * forever. A plain DELETE by age: harmless when several replicas run it at once.
 */
@Component
class IdempotencyRetention {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration retention;

	IdempotencyRetention(JdbcClient jdbc, Clock clock,
			@Value("${vestline.approval.idempotency.retention:P7D}") Duration retention) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.retention = retention;
	}

	@Scheduled(fixedDelayString = "${vestline.approval.idempotency.cleanup-interval:PT1H}",
			initialDelayString = "${vestline.approval.idempotency.cleanup-interval:PT1H}")
	int forgetExpiredKeys() {
		return this.jdbc.sql("DELETE FROM idempotent_request WHERE created_at < :cutoff")
			.param("cutoff", Timestamp.from(this.clock.instant().minus(this.retention)))
			.update();
	}

}
