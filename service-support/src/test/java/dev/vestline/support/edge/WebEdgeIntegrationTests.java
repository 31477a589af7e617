package dev.vestline.support.edge;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import dev.vestline.support.security.DevTokens;
import dev.vestline.testharness.RawHttpConnection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared web edge on a running Tomcat, over real HTTP: bodies refused with a 413
 * problem before they are buffered (declared too large, or chunked past the limit while
 * the client is still sending), refusals of Tomcat and of Spring Security's firewall as
 * problems, and tokens without a caller refused.
 */
@SpringBootTest(classes = EdgeTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vestline.schema=edge", "management.endpoint.health.group.readiness.include=readinessState",
				"spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
						+ "dev.vestline.messaging.autoconfigure.MessagingAutoConfiguration,"
						+ "dev.vestline.support.idempotency.IdempotencyAutoConfiguration,"
						+ "dev.vestline.support.deadletters.DeadLetterAutoConfiguration",
				"vestline.security.jwt.dev-shared-secret=" + DevTokens.EXAMPLE_SECRET,
				"vestline.web.body-limits.default-limit=1MB", "vestline.web.body-limits.paths[/public/webhook]=64KB" })
class WebEdgeIntegrationTests {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@LocalServerPort
	int port;

	@BeforeEach
	void countAfresh() {
		EdgeTestApplication.bodiesReceived.set(0);
	}

	@Test
	void refusesADeclaredLengthOverTheLimitWithoutWaitingForTheBody() throws IOException {
		try (RawHttpConnection socket = RawHttpConnection.open(this.port)) {
			// declares 100 MB and sends none of it: only a server that does not read the
			// body can answer now
			socket.send("POST /public/uploads HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/octet-stream\r\n"
					+ "Content-Length: 104857600\r\n\r\n");
			String response = socket.readResponse();

			assertThat(response).startsWith("HTTP/1.1 413");
			assertThat(response).contains("Content-Type: application/problem+json")
				.contains("\"status\":413")
				.contains("\"maxBytes\":1048576");
		}
		assertThat(EdgeTestApplication.bodiesReceived).hasValue(0);
	}

	@Test
	void refusesAChunkedBodyOnceItPassesTheLimitWhileTheClientIsStillSending() throws IOException {
		try (RawHttpConnection socket = RawHttpConnection.open(this.port)) {
			socket.send("POST /public/uploads HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/octet-stream\r\n"
					+ "Transfer-Encoding: chunked\r\n\r\n");
			// 1.25 MB, one chunk at a time, and the body never ends: the answer can only
			// come from a server that stopped reading at the limit
			Thread sender = Thread.ofVirtual().start(() -> socket.sendChunks(20, 64 * 1024));
			String response = socket.readResponse();

			assertThat(response).startsWith("HTTP/1.1 413")
				.contains("application/problem+json")
				.contains("\"maxBytes\":1048576");
			sender.interrupt();
		}
		assertThat(EdgeTestApplication.bodiesReceived).hasValue(0);
	}

	@Test
	void appliesAPathsOwnLimitAndLetsSmallerBodiesThrough() throws Exception {
		assertThat(post("/public/webhook", 65 * 1024).statusCode()).isEqualTo(413);
		assertThat(post("/public/webhook", 63 * 1024).statusCode()).isEqualTo(200);
		assertThat(post("/public/uploads", 512 * 1024).body()).isEqualTo("{\"bytes\":524288}");
		assertThat(EdgeTestApplication.bodiesReceived).hasValue(2);
	}

	@Test
	void answersAnEncodedSlashInThePathWithAProblem() throws Exception {
		HttpResponse<String> response = get("/public/things/a%2Fb", null);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"title\":\"Request rejected\"").doesNotContain("<html");
	}

	@Test
	void answersARequestTomcatRefusesItselfWithAProblem() throws IOException {
		try (RawHttpConnection socket = RawHttpConnection.open(this.port)) {
			socket.send("GET /public/things/%zz HTTP/1.1\r\nHost: localhost\r\n\r\n");
			String response = socket.readResponse();

			assertThat(response).startsWith("HTTP/1.1 400")
				.contains("Content-Type: application/problem+json")
				.doesNotContain("<html");
		}
	}

	@Test
	void answersAnUnknownPathWithAProblem() throws Exception {
		HttpResponse<String> response = get("/public/nothing/here", null);

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void refusesATokenWithoutASubjectOrWithABlankOne() throws Exception {
		assertThat(get("/api/me", token(null)).statusCode()).isEqualTo(401);
		assertThat(get("/api/me", token(" ")).statusCode()).isEqualTo(401);
		HttpResponse<String> named = get("/api/me", token("alice"));
		assertThat(named.statusCode()).isEqualTo(200);
		assertThat(named.body()).isEqualTo("{\"name\":\"alice\"}");
	}

	private static String token(String subject) {
		NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableSecret<>(
				new SecretKeySpec(DevTokens.EXAMPLE_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256")));
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer(DevTokens.ISSUER)
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(600))
			.claim("roles", List.of("operations"));
		if (subject != null) {
			claims.subject(subject);
		}
		return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
			.getTokenValue();
	}

	private HttpResponse<String> get(String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(60));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, int bytes) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/octet-stream")
			.POST(HttpRequest.BodyPublishers.ofByteArray(new byte[bytes]))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
