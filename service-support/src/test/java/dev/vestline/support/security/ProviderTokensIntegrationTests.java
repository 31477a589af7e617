package dev.vestline.support.security;

import java.io.IOException;
import java.net.URL;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.vestline.identity.IdentityProviderApplication;
import dev.vestline.identity.SigningKeys;
import dev.vestline.support.edge.EdgeTestApplication;
import dev.vestline.testharness.FreePorts;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's token validation against a running Spring Authorization Server (the local
 * platform's identity provider, in this JVM, over real HTTP, its real JWK set): what the
 * provider issues is accepted, every forged, misdirected or stale token is refused with
 * 401, and a key rotation is followed without a restart.
 */
@SpringBootTest(classes = EdgeTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vestline.schema=edge", "management.endpoint.health.group.readiness.include=readinessState",
				"spring.security.oauth2.resourceserver.jwt.audiences=vestline",
				"vestline.security.jwt.roles-claims=realm_access.roles",
				"spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
						+ "dev.vestline.messaging.autoconfigure.MessagingAutoConfiguration,"
						+ "dev.vestline.support.idempotency.IdempotencyAutoConfiguration,"
						+ "dev.vestline.support.deadletters.DeadLetterAutoConfiguration" })
class ProviderTokensIntegrationTests {

	private static final String PLATFORM_SECRET = UUID.randomUUID().toString();

	private static final int PROVIDER_PORT = FreePorts.pick();

	private static final String ISSUER = "http://127.0.0.1:" + PROVIDER_PORT;

	/**
	 * The provider, with none of the services' auto-configuration (no database here);
	 * command-line arguments, above the messaging defaults' readiness group.
	 */
	private static final ConfigurableApplicationContext provider = new SpringApplicationBuilder(
			IdentityProviderApplication.class)
		.run("--server.port=" + PROVIDER_PORT, "--management.endpoint.health.group.readiness.include=readinessState",
				"--vestline.identity.roles-claim=realm_access.roles",
				"--vestline.identity.clients.platform.secret=" + PLATFORM_SECRET,
				"--vestline.identity.clients.platform.impersonation=true",
				"--spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
						+ "dev.vestline.messaging.autoconfigure.MessagingAutoConfiguration,"
						+ "dev.vestline.support.security.JwtSecurityAutoConfiguration,"
						+ "dev.vestline.support.idempotency.IdempotencyAutoConfiguration,"
						+ "dev.vestline.support.deadletters.DeadLetterAutoConfiguration,"
						+ "dev.vestline.support.consistency.ConsistencyAutoConfiguration,"
						+ "dev.vestline.support.database.DatabaseAutoConfiguration");

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void identityProvider(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
	}

	@AfterAll
	static void stopProvider() {
		provider.close();
	}

	@Test
	void acceptsTheProvidersTokenWithItsSubjectAndRoles() throws Exception {
		String token = issued("oscar", "operations");

		HttpResponse<String> me = get("/api/operations/me", token);

		assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
		assertThat(me.body()).isEqualTo("{\"name\":\"oscar\"}");
		assertThat(get("/api/operations/me", issued("bianca", "billing")).statusCode()).isEqualTo(403);
	}

	@Test
	void acceptsAnEs256TokenSignedWithThePublishedEcKey() throws Exception {
		assertThat(get("/api/me", signed(keys().current("ES256"), claims("ivy"))).statusCode()).isEqualTo(200);
	}

	@Test
	void refusesATokenFromAnotherIssuer() throws Exception {
		assertRefused(signed(current(), claims("oscar").issuer("https://login.elsewhere.example.com")));
	}

	@Test
	void refusesATokenForAnotherAudience() throws Exception {
		assertRefused(signed(current(), claims("oscar").audience(List.of("another-api"))));
	}

	@Test
	void refusesAnExpiredToken() throws Exception {
		Instant longAgo = Instant.now().minus(Duration.ofHours(2));
		// well past the 60 s of clock skew the validator allows
		assertRefused(signed(current(), claims("oscar").issuedAt(longAgo).expiresAt(longAgo.plusSeconds(600))));
	}

	@Test
	void refusesAnUnsignedToken() throws Exception {
		String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
		String payload = base64(json.writeValueAsString(claims("oscar").build()
			.getClaims()
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> claimValue(entry.getValue())))));

		assertRefused(header + "." + payload + ".");
	}

	@Test
	void refusesAnHs256TokenSignedWithThePublicKeyAsSecret() throws Exception {
		// the algorithm-confusion attack: the public key is no secret, so a verifier that
		// took it as an HMAC key would accept anyone's token
		byte[] publicKey = current().toRSAKey().toPublicKey().getEncoded();
		SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(current().getKeyID()).build(),
				new JWTClaimsSet.Builder().issuer(ISSUER)
					.subject("oscar")
					.audience("vestline")
					.issueTime(new Date())
					.expirationTime(Date.from(Instant.now().plusSeconds(600)))
					.claim("realm_access", Map.of("roles", List.of("operations")))
					.build());
		forged.sign(new MACSigner(publicKey));
		String token = forged.serialize();

		assertRefused(token);
	}

	@Test
	void refusesATokenSignedWithAKeyTheProviderNeverPublished() throws Exception {
		JWK stranger = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString())
			.algorithm(JWSAlgorithm.RS256)
			.generate();

		assertRefused(signed(stranger, claims("oscar")));
	}

	@Test
	void refusesATokenWithoutASubject() throws Exception {
		Instant now = Instant.now();
		JwtClaimsSet.Builder anonymous = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.audience(List.of("vestline"))
			.issuedAt(now)
			.expiresAt(now.plusSeconds(600));

		assertRefused(signed(current(), anonymous));
	}

	@Test
	void followsAKeyRotationWithoutARestartAndAcceptsOldTokensUntilTheyExpire() throws Exception {
		String before = issued("oscar", "operations");
		assertThat(get("/api/me", before).statusCode()).isEqualTo(200);
		JWK retired = current();

		keys().rotate();
		String after = issued("oscar", "operations");

		assertThat(kid(after)).isNotEqualTo(kid(before));
		// the service has never seen the new key: Nimbus fetches the JWK set again for an
		// unknown kid (at most once per rate-limit interval, hence the wait)
		Awaitility.await("a token signed with the new key")
			.atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> get("/api/me", after).statusCode() == 200);
		assertThat(get("/api/me", before).statusCode()).isEqualTo(200);
		Instant longAgo = Instant.now().minus(Duration.ofHours(2));
		assertRefused(signed(retired, claims("oscar").issuedAt(longAgo).expiresAt(longAgo.plusSeconds(600))));
	}

	private void assertRefused(String token) throws Exception {
		HttpResponse<String> answer = get("/api/me", token);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
		assertThat(answer.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer").contains("invalid_token"));
	}

	private static String issued(String subject, String roles) throws Exception {
		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(ISSUER + "/oauth2/token"))
			.header("Authorization", "Basic " + base64("platform:" + PLATFORM_SECRET))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("grant_type=client_credentials&subject=" + subject + "&roles=" + roles))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return json.readTree(answer.body()).path("access_token").asString();
	}

	/** Instants as seconds since the epoch, as a JWT has them; the issuer as text. */
	private static Object claimValue(Object value) {
		if (value instanceof Instant instant) {
			return instant.getEpochSecond();
		}
		return (value instanceof URL url) ? url.toString() : value;
	}

	private static JwtClaimsSet.Builder claims(String subject) {
		Instant now = Instant.now();
		return JwtClaimsSet.builder()
			.issuer(ISSUER)
			.subject(subject)
			.audience(List.of("vestline"))
			.issuedAt(now)
			.expiresAt(now.plusSeconds(600))
			.claim("realm_access", Map.of("roles", List.of("operations")));
	}

	private static String signed(JWK key, JwtClaimsSet.Builder claims) {
		NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<SecurityContext>(new JWKSet(key)));
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.from(key.getAlgorithm().getName()))
			.keyId(key.getKeyID())
			.build();
		return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
	}

	private static SigningKeys keys() {
		return provider.getBean(SigningKeys.class);
	}

	private static JWK current() {
		return keys().current("RS256");
	}

	private static String kid(String token) throws Exception {
		return SignedJWT.parse(token).getHeader().getKeyID();
	}

	private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String base64(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

}
