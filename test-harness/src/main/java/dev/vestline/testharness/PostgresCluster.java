package dev.vestline.testharness;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * One real PostgreSQL server per test JVM. Every test context gets a fresh database in
 * it, and every service a schema owned by its own role, exactly as in production: the
 * role has no rights on any other service's schema.
 */
public final class PostgresCluster {

	private static final AtomicInteger databases = new AtomicInteger();

	private static volatile PostgresCluster shared;

	private final PostgresServer server;

	private PostgresCluster(PostgresServer server) {
		this.server = server;
	}

	/**
	 * @return the JVM's PostgreSQL server, started on first use
	 */
	public static PostgresCluster shared() {
		if (shared == null) {
			synchronized (PostgresCluster.class) {
				if (shared == null) {
					shared = new PostgresCluster(PostgresServer.start(Infrastructure.selected()));
				}
			}
		}
		return shared;
	}

	/**
	 * Creates a new, empty database.
	 * @return its name
	 */
	public String createDatabase() {
		String name = "vestline_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
		execute(this.server.adminDataSource("postgres"), "CREATE DATABASE " + name);
		return name;
	}

	/**
	 * Creates the service's role (once per server) and its schema in the database, owned
	 * by the role. The public schema is closed to everyone, so the role can only work in
	 * its own schema.
	 * @param database a database made by {@link #createDatabase()}
	 * @param service the service's name, which is also its schema's and role's name
	 * @return how the service connects
	 */
	public synchronized ServiceDatabase provision(String database, String service) {
		String role = service.replace('-', '_');
		execute(this.server.adminDataSource("postgres"), """
				DO $$ BEGIN
				  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') THEN
				    CREATE ROLE %1$s LOGIN PASSWORD '%1$s';
				  END IF;
				END $$""".formatted(role));
		execute(this.server.adminDataSource(database), """
				REVOKE ALL ON SCHEMA public FROM PUBLIC;
				CREATE SCHEMA IF NOT EXISTS %1$s AUTHORIZATION %1$s;
				""".formatted(role));
		return new ServiceDatabase(this.server.jdbcUrl(database) + "?currentSchema=" + role, role, role, role);
	}

	/**
	 * @param database a database of this server
	 * @return a superuser data source, for tests that inspect or sabotage from outside
	 */
	public DataSource adminDataSource(String database) {
		return this.server.adminDataSource(database);
	}

	private static void execute(DataSource dataSource, String sql) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run: " + sql, ex);
		}
	}

	static PGSimpleDataSource dataSource(String url, String user, String password) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(url);
		dataSource.setUser(user);
		dataSource.setPassword(password);
		return dataSource;
	}

}
