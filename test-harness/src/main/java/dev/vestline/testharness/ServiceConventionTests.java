package dev.vestline.testharness;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The {@link ServiceConventions} as tests: a service's
 * {@code *ApplicationIntegrationTests} extends this class and carries its own
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} and
 * {@code @RealInfrastructure(service = ...)}.
 */
public abstract class ServiceConventionTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestInfrastructure infrastructure;

	@Test
	void migratesOutboxAndInboxIntoItsOwnSchema() throws Exception {
		ServiceConventions.assertOwnSchemaHoldsOutboxAndInbox(this.infrastructure);
	}

	@Test
	void reportsLivenessReadinessAndPrometheusMetrics() throws Exception {
		ServiceConventions.assertReportsHealthAndMetrics(this.port);
	}

	@Test
	void cannotReadAnotherServicesSchema() {
		ServiceConventions.assertCannotReadAnotherServicesSchema(this.infrastructure);
	}

}
