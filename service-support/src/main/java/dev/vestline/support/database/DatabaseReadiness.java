package dev.vestline.support.database;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code db} health of the readiness probe, answered within a bound whatever the
 * database does: a check that gets no answer in time is {@code DOWN}. Boot's own
 * indicator waits for a pooled connection and then for the server without a limit, so a
 * frozen database left the probe unanswered and the pod in the load balancer. One check
 * runs at a time; a probe that comes while it still waits shares its outcome instead of
 * piling up threads.
 */
class DatabaseReadiness implements HealthIndicator, DisposableBean {

	private final DataSource dataSource;

	private final Duration timeout;

	private final ExecutorService checker = Executors
		.newSingleThreadExecutor(Thread.ofPlatform().name("db-readiness").daemon().factory());

	private @Nullable CompletableFuture<Health> running;

	DatabaseReadiness(DataSource dataSource, Duration timeout) {
		this.dataSource = dataSource;
		this.timeout = timeout;
	}

	@Override
	public Health health() {
		try {
			return check().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			return Health.down().withDetail("error", "The database did not answer within " + this.timeout).build();
		}
		catch (ExecutionException ex) {
			return Health.down(ex.getCause()).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Health.down().withDetail("error", "Interrupted").build();
		}
	}

	private synchronized CompletableFuture<Health> check() {
		if (this.running == null || this.running.isDone()) {
			this.running = CompletableFuture.supplyAsync(this::validate, this.checker);
		}
		return this.running;
	}

	private Health validate() {
		try (Connection connection = this.dataSource.getConnection()) {
			int seconds = (int) Math.max(1, this.timeout.toSeconds());
			return connection.isValid(seconds) ? Health.up().withDetail("database", "PostgreSQL").build()
					: Health.down().withDetail("error", "The connection is not valid").build();
		}
		catch (Exception ex) {
			return Health.down(ex).build();
		}
	}

	@Override
	public void destroy() {
		this.checker.shutdownNow();
	}

}
