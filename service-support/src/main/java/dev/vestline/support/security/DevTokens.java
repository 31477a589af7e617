package dev.vestline.support.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Mints HS256 bearer tokens for services in the development shared-secret mode
 * ({@code vestline.security.jwt.dev-shared-secret}, which the test harness sets for every
 * service test): the existing tests' tokens. The local platform and production use an
 * identity provider's tokens instead.
 */
public final class DevTokens {

	/**
	 * The example key of tests (and of {@code dev}-profile runs without an identity
	 * provider); the shared-secret mode is refused under the {@code prod} profile.
	 */
	public static final String EXAMPLE_SECRET = "example-dev-only-secret-change-me-0123456789";

	/** The issuer the shared-secret mode expects by default. */
	public static final String ISSUER = "vestline-dev";

	private final NimbusJwtEncoder encoder;

	private final String issuer;

	/**
	 * @param secret the HMAC key, at least 32 bytes
	 * @param issuer the {@code iss} claim
	 */
	public DevTokens(String secret, String issuer) {
		this.encoder = new NimbusJwtEncoder(
				new ImmutableSecret<>(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256")));
		this.issuer = issuer;
	}

	/**
	 * @return a minter with the example key and default issuer
	 */
	public static DevTokens example() {
		return new DevTokens(EXAMPLE_SECRET, ISSUER);
	}

	/**
	 * @param subject the caller, e.g. {@code alice}
	 * @param roles e.g. {@code compliance}, {@code operations}
	 * @return a bearer token valid for an hour
	 */
	public String token(String subject, String... roles) {
		Instant now = Instant.now();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(this.issuer)
			.subject(subject)
			.issuedAt(now)
			.expiresAt(now.plus(Duration.ofHours(1)))
			.claim("roles", List.of(roles))
			.build();
		return this.encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
	}

}
