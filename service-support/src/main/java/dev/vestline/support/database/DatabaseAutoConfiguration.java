package dev.vestline.support.database;

import java.time.Duration;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A service's behaviour while its database cannot answer: a readiness check with a bound
 * of its own and migrations exempt from the socket timeout (the 503 problem for requests
 * is the web kit's {@code ProblemHandler}). The timeouts themselves are defaults of the
 * environment ({@link DatabaseTimeoutDefaults}).
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
		before = DataSourceHealthContributorAutoConfiguration.class)
@ConditionalOnBean(DataSource.class)
public class DatabaseAutoConfiguration {

	/** How long the readiness probe waits for the database before it says DOWN. */
	static final Duration READINESS_TIMEOUT = Duration.ofSeconds(1);

	@Bean
	@ConditionalOnEnabledHealthIndicator("db")
	@ConditionalOnMissingBean(name = "dbHealthIndicator")
	HealthIndicator dbHealthIndicator(DataSource dataSource) {
		return new DatabaseReadiness(dataSource, READINESS_TIMEOUT);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Flyway.class)
	static class Migrations {

		@Bean
		MigrationsWithoutSocketTimeout migrationsWithoutSocketTimeout() {
			return new MigrationsWithoutSocketTimeout();
		}

	}

}
