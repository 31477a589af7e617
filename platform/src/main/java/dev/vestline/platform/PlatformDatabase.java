package dev.vestline.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The platform's PostgreSQL: embedded (real PostgreSQL binaries, a fresh data directory
 * at every start) or an existing server. Each service gets its own role and a schema it
 * owns, as in production; the role has no rights on the other schemas.
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

	static PlatformDatabase start(PlatformOptions options) {
		if (options.postgresUrl() != null) {
			return new PlatformDatabase(null, options.postgresUrl(), options.postgresUser(),
					options.postgresPassword());
		}
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setPort(options.port("postgres"))
				.setDataDirectory(options.home().resolve("postgres"))
				.setCleanDataDirectory(true)
				.setServerConfig("max_connections", "200")
				.start();
			return new PlatformDatabase(postgres,
					"jdbc:postgresql://localhost:" + options.port("postgres") + "/postgres", "postgres", "postgres");
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
