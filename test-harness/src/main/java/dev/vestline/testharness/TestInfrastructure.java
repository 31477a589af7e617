package dev.vestline.testharness;

import javax.sql.DataSource;

/**
 * The infrastructure one test context runs on.
 *
 * @param database the context's database
 * @param service the service's schema and role in it
 * @param kafka the context's broker
 */
public record TestInfrastructure(String database, ServiceDatabase service, KafkaBroker kafka) {

	/**
	 * @return a superuser data source on the context's database
	 */
	public DataSource adminDataSource() {
		return PostgresCluster.shared().adminDataSource(this.database);
	}

	/**
	 * Provisions another service's schema and role in the same database, for tests that
	 * check the services cannot see each other's data.
	 * @param otherService the other service
	 * @return how it connects
	 */
	public ServiceDatabase provision(String otherService) {
		return PostgresCluster.shared().provision(this.database, otherService);
	}

	/** Stops the context's broker when the context closes. */
	public void closeBroker() {
		this.kafka.close();
	}

}
