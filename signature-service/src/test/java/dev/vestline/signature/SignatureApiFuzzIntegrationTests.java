package dev.vestline.signature;

import java.util.UUID;

import javax.sql.DataSource;

import dev.vestline.fuzz.Access;
import dev.vestline.fuzz.ApiFuzzer;
import dev.vestline.signature.workflows.WorkflowOpening;
import dev.vestline.support.security.DevTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every operation of signature's OpenAPI document, the signer-link endpoints included,
 * answered without a 5xx, with a problem for every error, and nothing written by a
 * refused request (see the api-fuzz module).
 */
@SignatureIntegrationTest
class SignatureApiFuzzIntegrationTests {

	private static final DevTokens TOKENS = DevTokens.example();

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	WorkflowOpening opening;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CapturedLinks links;

	@Test
	void answersEveryHostileRequestWithoutServerErrorsWithProblemsAndWithoutWrites() {
		// a workflow that exists and a live signer link, so hostile input gets past the
		// lookup
		UUID workflow = new OpenWorkflows(this.opening, this.jdbc).subscriptionPack();
		new ApiFuzzer("signature", "http://localhost:" + this.port,
				new Access(TOKENS.token("fuzz", "operations", "compliance"), TOKENS.token("fuzz", "nobody")),
				this.dataSource)
			.parameter("token", this.links.token(workflow, "INVESTOR"))
			.parameter("id", workflow.toString())
			// a dead-letter topic this service has, so discard and replay get past the
			// lookup
			.parameter("deadLetterTopic", "approval.events.signature.dlt")
			.run()
			.assertNoFindings();
	}

}
