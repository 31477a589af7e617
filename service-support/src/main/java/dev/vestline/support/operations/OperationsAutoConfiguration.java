package dev.vestline.support.operations;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.vestline.messaging.autoconfigure.MessagingAutoConfiguration;
import dev.vestline.messaging.deadletters.DeadLetters;
import dev.vestline.messaging.outbox.OutboxStatus;
import dev.vestline.support.consistency.Invariants;
import org.flywaydb.core.api.Location;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The operator-action audit (its {@code operator_action} migration, run out of order like
 * the other kits') in every service, and the operations API in every servlet service.
 */
@AutoConfiguration(after = { DataSourceAutoConfiguration.class, MessagingAutoConfiguration.class })
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnBean(OutboxStatus.class)
public class OperationsAutoConfiguration {

	/** Where the audit's migrations live (versions 0.9.10 and up, run out of order). */
	public static final String MIGRATIONS = "classpath:db/vestline-operations";

	@Bean
	FlywayConfigurationCustomizer vestlineOperationsMigrations() {
		return (configuration) -> {
			List<Location> locations = new ArrayList<>(List.of(configuration.getLocations()));
			locations.add(new Location(MIGRATIONS));
			configuration.locations(locations.toArray(Location[]::new)).outOfOrder(true);
		};
	}

	@Bean
	OperatorActions operatorActions(DataSource dataSource, Clock clock) {
		return new OperatorActions(dataSource, clock);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class OperationsApi {

		@Bean
		OperationsController operationsController(OutboxStatus outbox, ObjectProvider<Invariants> invariants,
				ObjectProvider<DeadLetters> deadLetters, OperatorActions actions, Environment environment,
				Clock clock) {
			OperationsStatus.Identity identity = new OperationsStatus.Identity(
					environment.getProperty("vestline.schema", "unknown"), environment
						.getProperty("spring.datasource.hikari.data-source-properties.ApplicationName", "unknown"));
			return new OperationsController(new OperationsStatus(identity, outbox, invariants, deadLetters, clock),
					actions);
		}

	}

}
