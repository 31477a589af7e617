package dev.vestline.approval;

import javax.sql.DataSource;

import dev.vestline.approval.support.ApprovalIntegrationTest;
import dev.vestline.fuzz.Access;
import dev.vestline.fuzz.ApiFuzzer;
import dev.vestline.support.security.DevTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every operation of approval's OpenAPI document answered without a 5xx, with a problem
 * for every error, and nothing written by a refused request (see the api-fuzz module).
 */
@ApprovalIntegrationTest
class ApprovalApiFuzzIntegrationTests {

	private static final DevTokens TOKENS = DevTokens.example();

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Test
	void answersEveryHostileRequestWithoutServerErrorsWithProblemsAndWithoutWrites() {
		new ApiFuzzer("approval", "http://localhost:" + this.port,
				new Access(TOKENS.token("fuzz", "operations", "compliance", "approver"),
						TOKENS.token("fuzz", "nobody")),
				this.dataSource)
			// a dead-letter topic this service has, so discard and replay get past the
			// lookup
			.parameter("deadLetterTopic", "signature.events.approval.dlt")
			.run()
			.assertNoFindings();
	}

}
