package dev.vestline.signature;

import javax.sql.DataSource;

import dev.vestline.fuzz.Access;
import dev.vestline.fuzz.ApiFuzzer;
import dev.vestline.support.security.DevTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

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

	@Test
	void answersEveryHostileRequestWithoutServerErrorsWithProblemsAndWithoutWrites() {
		new ApiFuzzer("signature", "http://localhost:" + this.port,
				new Access(TOKENS.token("fuzz", "operations", "compliance"), TOKENS.token("fuzz", "nobody")),
				this.dataSource)
			.run()
			.assertNoFindings();
	}

}
