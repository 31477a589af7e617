package dev.vestline.signature;

import dev.vestline.testharness.TestInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.vestline.testharness.ServiceConventions.assertCannotReadAnotherServicesSchema;
import static dev.vestline.testharness.ServiceConventions.assertOwnSchemaHoldsOutboxAndInbox;
import static dev.vestline.testharness.ServiceConventions.assertReportsHealthAndMetrics;

@SignatureIntegrationTest
class SignatureApplicationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestInfrastructure infrastructure;

	@Test
	void migratesOutboxAndInboxIntoItsOwnSchema() throws Exception {
		assertOwnSchemaHoldsOutboxAndInbox(this.infrastructure);
	}

	@Test
	void reportsLivenessReadinessAndPrometheusMetrics() throws Exception {
		assertReportsHealthAndMetrics(this.port);
	}

	@Test
	void cannotReadAnotherServicesSchema() {
		assertCannotReadAnotherServicesSchema(this.infrastructure);
	}

}
