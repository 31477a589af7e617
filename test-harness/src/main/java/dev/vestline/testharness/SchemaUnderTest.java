package dev.vestline.testharness;

import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

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
		PostgresCluster cluster = PostgresCluster.shared();
		String database = cluster.createDatabase();
		ServiceDatabase schema = cluster.provision(database, service);
		List<String> locations = new ArrayList<>(List.of(migrationLocations));
		Flyway.configure()
			.dataSource(schema.jdbcUrl(), schema.username(), schema.password())
			.schemas(schema.schema())
			.defaultSchema(schema.schema())
			.createSchemas(false)
			.locations(locations.toArray(String[]::new))
			// as the services run Flyway: shared migrations shipped later apply out of
			// order
			.outOfOrder(true)
			.load()
			.migrate();
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(schema.jdbcUrl());
		dataSource.setUsername(schema.username());
		dataSource.setPassword(schema.password());
		dataSource.setMaximumPoolSize(30);
		return new SchemaUnderTest(database, schema, dataSource);
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
