package dev.vestline.testharness;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;

/**
 * A fresh database with one service schema, migrated, and a pooled data source on it
 * using the service's own role: for tests of the messaging plumbing that run without a
 * Spring context (several relays at once, say).
 */
public final class SchemaUnderTest implements AutoCloseable {

	private final String database;

	private final ServiceDatabase service;

	private final HikariDataSource dataSource;

	private SchemaUnderTest(String database, ServiceDatabase service, HikariDataSource dataSource) {
		this.database = database;
		this.service = service;
		this.dataSource = dataSource;
	}

	/**
	 * @param service the schema and role name
	 * @param migrationLocations Flyway locations, e.g.
	 * {@code classpath:db/vestline-messaging}
	 * @return the migrated schema
	 */
	public static SchemaUnderTest create(String service, String... migrationLocations) {
		return provision(service).migrate(null, migrationLocations);
	}

	/**
	 * @param service the schema and role name
	 * @return the schema, still empty: for tests that migrate it step by step, as a
	 * deployed database was
	 */
	public static SchemaUnderTest provision(String service) {
		PostgresCluster cluster = PostgresCluster.shared();
		String database = cluster.createDatabase();
		ServiceDatabase schema = cluster.provision(database, service);
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(schema.jdbcUrl());
		dataSource.setUsername(schema.username());
		dataSource.setPassword(schema.password());
		dataSource.setMaximumPoolSize(30);
		return new SchemaUnderTest(database, schema, dataSource);
	}

	/**
	 * Migrates as the services do, out of order allowed (shared migrations that arrive
	 * later have lower versions than a service's own).
	 * @param target the version to stop at, or {@code null} for the latest
	 * @param migrationLocations Flyway locations
	 * @return this schema
	 */
	public SchemaUnderTest migrate(@Nullable String target, String... migrationLocations) {
		Flyway.configure()
			.dataSource(this.service.jdbcUrl(), this.service.username(), this.service.password())
			.schemas(this.service.schema())
			.defaultSchema(this.service.schema())
			.createSchemas(false)
			.locations(migrationLocations)
			.outOfOrder(true)
			.target((target != null) ? target : "latest")
			.load()
			.migrate();
		return this;
	}

	/**
	 * @return a pooled data source with the service's role
	 */
	public HikariDataSource dataSource() {
		return this.dataSource;
	}

	/**
	 * @return a superuser data source on the same database
	 */
	public javax.sql.DataSource adminDataSource() {
		return PostgresCluster.shared().adminDataSource(this.database);
	}

	/**
	 * @return the connection details
	 */
	public ServiceDatabase service() {
		return this.service;
	}

	@Override
	public void close() {
		this.dataSource.close();
	}

}
