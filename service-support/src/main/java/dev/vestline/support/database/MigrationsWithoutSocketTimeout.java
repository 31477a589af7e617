package dev.vestline.support.database;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.flywaydb.core.api.configuration.FluentConfiguration;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Lets Flyway's connections wait for the server as long as a migration takes: an index
 * built on a large table may take longer than the socket timeout that bounds every other
 * statement ({@link DatabaseTimeoutDefaults}). The pool restores the timeout when the
 * connection comes back.
 */
class MigrationsWithoutSocketTimeout implements FlywayConfigurationCustomizer {

	@Override
	public void customize(FluentConfiguration configuration) {
		DataSource dataSource = configuration.getDataSource();
		if (dataSource != null) {
			configuration.dataSource(new Unbounded(dataSource));
		}
	}

	private static final class Unbounded extends DelegatingDataSource {

		Unbounded(DataSource dataSource) {
			super(dataSource);
		}

		@Override
		public Connection getConnection() throws SQLException {
			Connection connection = super.getConnection();
			connection.setNetworkTimeout(Runnable::run, 0);
			return connection;
		}

	}

}
