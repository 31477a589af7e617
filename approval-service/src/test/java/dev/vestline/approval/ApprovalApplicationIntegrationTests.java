package dev.vestline.approval;

import dev.vestline.approval.support.ApprovalIntegrationTest;
import dev.vestline.testharness.TestInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ApprovalIntegrationTest
class ApprovalApplicationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestInfrastructure infrastructure;

	@Test
	void migratesOutboxAndInboxIntoItsOwnSchema() {
		assertThat(this.jdbc.sql("""
				SELECT table_name FROM information_schema.tables WHERE table_schema = 'approval'
				""").query(String.class).list()).contains("outbox_event", "inbox_event");
	}

	@Test
	void reportsLivenessReadinessAndPrometheusMetrics() {
		RestClient http = RestClient.create("http://localhost:" + this.port);
		assertThat(http.get().uri("/actuator/health/liveness").retrieve().body(String.class)).contains("UP");
		assertThat(http.get().uri("/actuator/health/readiness").retrieve().body(String.class)).contains("UP");
		assertThat(http.get().uri("/actuator/prometheus").retrieve().body(String.class))
			.contains("vestline_outbox_backlog", "vestline_outbox_oldest_age_seconds");
	}

	@Test
	void cannotReadAnotherServicesSchema() {
		this.infrastructure.provision("intruder_target");
		assertThatThrownBy(
				() -> this.jdbc.sql("SELECT count(*) FROM intruder_target.outbox_event").query(Long.class).single())
			.hasStackTraceContaining("permission denied for schema intruder_target");
	}

}
