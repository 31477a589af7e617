package dev.vestline.billing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import dev.vestline.support.security.DevTokens;
import dev.vestline.testharness.RawHttpConnection;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Billing's edge, end to end on the running service: the unauthenticated payment webhook
 * refuses a body over its 64 KiB limit with a 413 problem while the body is still coming
 * (so it never holds more than that in memory), an encoded slash in a path is a problem,
 * not Tomcat's HTML page, and a token that names no caller is refused.
 */
class WebEdgeIntegrationTests extends BillingIntegrationTest {

	@Test
	void refusesAnOversizedWebhookBodyWhileItIsStillComingWithA413Problem() throws IOException {
		long paymentsBefore = payments();
		try (RawHttpConnection socket = RawHttpConnection.open(this.port)) {
			socket.send("POST /api/v1/payments/webhook HTTP/1.1\r\nHost: localhost\r\n"
					+ "Content-Type: application/json\r\nVestline-Signature: t=1,v1=00\r\nTransfer-Encoding: chunked\r\n\r\n");
			// 160 KiB, and the body never ends: only a server that stopped reading at the
			// limit can answer
			Thread sender = Thread.ofVirtual().start(() -> socket.sendChunks(10, 16 * 1024));
			String response = socket.readResponse();
			sender.interrupt();

			assertThat(response).startsWith("HTTP/1.1 413")
				.contains("application/problem+json")
				.contains("\"maxBytes\":65536");
		}
		try (RawHttpConnection socket = RawHttpConnection.open(this.port)) {
			socket.send("POST /api/v1/payments/webhook HTTP/1.1\r\nHost: localhost\r\n"
					+ "Content-Type: application/json\r\nContent-Length: 1073741824\r\n\r\n");

			assertThat(socket.readResponse()).startsWith("HTTP/1.1 413").contains("application/problem+json");
		}
		assertThat(payments()).isEqualTo(paymentsBefore);
	}

	@Test
	void answersAnEncodedSlashInAPathWithAProblem() {
		ResponseEntity<String> response = http().get()
			.uri("http://localhost:" + this.port + "/api/v1/invoices/a%2Fb")
			.retrieve()
			.toEntity(String.class);

		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(response.getBody()).doesNotContain("<html");
	}

	@Test
	void refusesATokenThatNamesNoCallerWithA401Problem() {
		for (String subject : new String[] { null, "", "  " }) {
			ResponseEntity<JsonNode> response = http(token(subject)).get()
				.uri("/api/v1/invoices")
				.retrieve()
				.toEntity(JsonNode.class);

			assertThat(response.getStatusCode().value()).isEqualTo(401);
			assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
		}
		assertThat(http(TOKENS.token("bea", "billing")).get()
			.uri("/api/v1/invoices")
			.retrieve()
			.toEntity(JsonNode.class)
			.getStatusCode()
			.value()).isEqualTo(200);
	}

	private long payments() {
		return this.jdbc.sql("SELECT count(*) FROM payment").query(Long.class).single();
	}

	private static String token(String subject) {
		NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableSecret<>(
				new SecretKeySpec(DevTokens.EXAMPLE_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256")));
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer(DevTokens.ISSUER)
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(600))
			.claim("roles", List.of("billing"));
		if (subject != null) {
			claims.subject(subject);
		}
		return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
			.getTokenValue();
	}

}
