package dev.vestline.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vestline.security.jwt.*}: how bearer tokens are verified.
 *
 * @param secret the HMAC-SHA256 key shared with the token issuer (at least 32 bytes); the
 * default is the dev issuer's example key, which the {@code prod} profile refuses
 * @param issuer the required {@code iss} claim
 */
@ConfigurationProperties("vestline.security.jwt")
public record JwtProperties(@DefaultValue(DevTokens.EXAMPLE_SECRET) String secret,
		@DefaultValue(DevTokens.ISSUER) String issuer) {

}
