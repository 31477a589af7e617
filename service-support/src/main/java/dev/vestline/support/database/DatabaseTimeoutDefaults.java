package dev.vestline.support.database;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Bounded waits on the database for every service, at the lowest precedence so a service
 * or an operator can change them. Without them a frozen database (a stopped process, a
 * dead host, a cut network) held every request for as long as the freeze lasted:
 * <ul>
 * <li>{@code connection-timeout} 5 s (in milliseconds, as Hikari takes it): how long a
 * request waits for a pooled connection (Hikari's default is 30 s);</li>
 * <li>{@code validation-timeout} 1 s: how long the pool's liveness check of an idle
 * connection may take before the connection is thrown away;</li>
 * <li>pgjdbc's {@code socketTimeout} 30 s: the longest the client waits for any answer of
 * the server. PostgreSQL's own {@code statement_timeout} cannot help here: a frozen
 * server runs no timers and answers no cancel request. No statement of a request or of
 * the messaging plumbing runs that long; the outbox relay's commit listener waits in
 * slices far shorter. Migrations, which may, run without it
 * ({@link MigrationsWithoutSocketTimeout});</li>
 * <li>pgjdbc's {@code connectTimeout} and {@code loginTimeout} 5 s: a new connection to a
 * server that accepts TCP but never answers.</li>
 * </ul>
 */
class DatabaseTimeoutDefaults implements EnvironmentPostProcessor {

	private static final Map<String, Object> DEFAULTS = Map.of("spring.datasource.hikari.connection-timeout", "5000",
			"spring.datasource.hikari.validation-timeout", "1000",
			"spring.datasource.hikari.data-source-properties.socketTimeout", "30",
			"spring.datasource.hikari.data-source-properties.connectTimeout", "5",
			"spring.datasource.hikari.data-source-properties.loginTimeout", "5");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources().addLast(new MapPropertySource("vestlineDatabaseTimeouts", DEFAULTS));
	}

}
