package dev.vestline.support.idempotency;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.vestline.messaging.HousekeepingJob;
import dev.vestline.messaging.autoconfigure.MessagingAutoConfiguration;
import org.flywaydb.core.api.Location;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shared Idempotency-Key store, its retention job and its migrations, in every
 * service.
 */
@AutoConfiguration(after = { DataSourceAutoConfiguration.class, TransactionAutoConfiguration.class,
		JacksonAutoConfiguration.class, MessagingAutoConfiguration.class })
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyAutoConfiguration {

	/**
	 * Where the store's migrations live. Their versions (0.9.x) sort before a service's
	 * own, so on a fresh database the table exists before a service migration refers to
	 * it.
	 */
	public static final String MIGRATIONS = "classpath:db/vestline-idempotency";

	/**
	 * Adds the migrations and lets Flyway apply them out of order: a database migrated
	 * before they existed is already past 0.9, and must still get them (before the
	 * service's pending migrations, which Flyway applies in version order after them).
	 * @return the customizer
	 */
	@Bean
	FlywayConfigurationCustomizer vestlineIdempotencyMigrations() {
		return (configuration) -> {
			List<Location> locations = new ArrayList<>(List.of(configuration.getLocations()));
			locations.add(new Location(MIGRATIONS));
			configuration.locations(locations.toArray(Location[]::new)).outOfOrder(true);
		};
	}

	@Bean
	IdempotentRequests idempotentRequests(DataSource dataSource, TransactionTemplate transactions, JsonMapper json,
			Clock clock) {
		return new IdempotentRequests(dataSource, transactions, json, clock);
	}

	/**
	 * Forgets keys past their retention every {@code cleanup-interval} on every replica;
	 * the batched, skip-locked delete makes that safe.
	 */
	@Bean
	HousekeepingJob vestlineIdempotencyRetention(DataSource dataSource, IdempotencyProperties properties,
			Environment environment, Clock clock) {
		IdempotencyProperties resolved = properties.withDeprecatedNames(environment);
		IdempotencyRetention retention = new IdempotencyRetention(dataSource);
		return new HousekeepingJob("vestline-idempotency-retention", resolved.cleanupInterval(),
				() -> retention.forgetCreatedBefore(clock.instant().minus(resolved.retention())),
				"Idempotency-Key retention failed; trying again at the next interval");
	}

}
