package dev.vestline.testharness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenID Connect issuer for a service's tests, on 127.0.0.1 in this JVM: it publishes
 * its discovery document and JWK set over HTTP and mints RS256 access tokens shaped like
 * Keycloak's ({@code realm_access.roles}, {@code aud} with {@code account}) and Entra
 * ID's ({@code roles}, {@code aud} the application ID URI). A service under test trusts
 * it with {@link #properties()}; then its role rules can be checked with either shape.
 */
public final class ProviderTokens {

	/** The audience of Keycloak-shaped tokens (the client scope's audience mapper). */
	public static final String KEYCLOAK_AUDIENCE = "vestline";

	/** The audience of Entra-ID-shaped tokens: the API's application ID URI. */
	public static final String ENTRA_AUDIENCE = "api://vestline";

	private static volatile ProviderTokens shared;

	private final HttpServer server;

	private final RSAKey key;

	private ProviderTokens() {
		try {
			this.key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString())
				.algorithm(JWSAlgorithm.RS256)
				.generate();
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.createContext("/.well-known/openid-configuration", (exchange) -> answer(exchange,
				"{\"issuer\":\"%s\",\"jwks_uri\":\"%s/jwks\"}".formatted(issuer(), issuer())));
		this.server.createContext("/jwks",
				(exchange) -> answer(exchange, new JWKSet(this.key.toPublicJWK()).toString()));
		this.server.start();
	}

	/**
	 * @return the issuer of this JVM, started on first use
	 */
	public static synchronized ProviderTokens shared() {
		if (shared == null) {
			shared = new ProviderTokens();
		}
		return shared;
	}

	/**
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String issuer() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * @return what makes a service trust this issuer with both token shapes: the issuer
	 * URI, both audiences, both roles claims, and the tests' shared secret turned off
	 */
	public Map<String, Object> properties() {
		return Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer(),
				"spring.security.oauth2.resourceserver.jwt.audiences", KEYCLOAK_AUDIENCE + "," + ENTRA_AUDIENCE,
				"vestline.security.jwt.roles-claims", "realm_access.roles,roles",
				"vestline.security.jwt.dev-shared-secret", "");
	}

	/**
	 * @param subject the user id
	 * @param roles realm roles
	 * @return a token as Keycloak issues it
	 */
	public String keycloak(String subject, String... roles) {
		return sign(claims(subject).audience(List.of(KEYCLOAK_AUDIENCE, "account"))
			.claim("typ", "Bearer")
			.claim("azp", "vestline-console")
			.claim("preferred_username", subject)
			.claim("scope", "openid profile email")
			.claim("realm_access", Map.of("roles", List.of(roles)))
			.claim("resource_access", Map.of("account", Map.of("roles", List.of("manage-account"))))
			.build());
	}

	/**
	 * @param subject the user id
	 * @param roles app roles
	 * @return a token as Entra ID issues it (v2.0)
	 */
	public String entra(String subject, String... roles) {
		return sign(claims(subject).audience(ENTRA_AUDIENCE)
			.claim("ver", "2.0")
			.claim("oid", UUID.randomUUID().toString())
			.claim("tid", UUID.randomUUID().toString())
			.claim("azp", UUID.randomUUID().toString())
			.claim("roles", List.of(roles))
			.build());
	}

	/**
	 * @param subject the user id
	 * @param audience an audience the service does not accept
	 * @param roles app roles
	 * @return an otherwise good token for another application
	 */
	public String forAnotherAudience(String subject, String audience, String... roles) {
		return sign(claims(subject).audience(audience).claim("roles", List.of(roles)).build());
	}

	private JWTClaimsSet.Builder claims(String subject) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(issuer())
			.subject(subject)
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(30))))
			.jwtID(UUID.randomUUID().toString());
	}

	private String sign(JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.key.getKeyID())
				.type(JOSEObjectType.JWT)
				.build(), claims);
			jwt.sign(new RSASSASigner(this.key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void answer(HttpExchange exchange, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

}
