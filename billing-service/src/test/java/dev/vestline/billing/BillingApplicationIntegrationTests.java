package dev.vestline.billing;

import dev.vestline.testharness.RealInfrastructure;
import dev.vestline.testharness.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.vestline.testharness.ServiceConventions.assertCannotReadAnotherServicesSchema;
import static dev.vestline.testharness.ServiceConventions.assertOwnSchemaHoldsOutboxAndInbox;
import static dev.vestline.testharness.ServiceConventions.assertReportsHealthAndMetrics;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(service = "billing")
class BillingApplicationIntegrationTests {

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
