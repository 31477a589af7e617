package dev.vestline.approval.support;

import dev.vestline.testharness.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the tests that drive the running service over HTTP share: the API client, the
 * scenario steps and a witness of the events published on Kafka.
 */
@ApprovalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApprovalApiTest {

	@LocalServerPort
	protected int port;

	@Autowired
	protected TestInfrastructure infrastructure;

	@Autowired
	protected JdbcClient jdbc;

	protected Api api;

	protected Scenario scenario;

	protected PublishedEvents published;

	@BeforeAll
	void openWitness() {
		this.published = new PublishedEvents(this.infrastructure.kafka().bootstrapServers(), this.jdbc);
	}

	@AfterAll
	void closeWitness() {
		this.published.close();
	}

	@BeforeEach
	void setUpApi() {
		this.api = new Api(this.port);
		this.scenario = new Scenario(this.api);
	}

}
