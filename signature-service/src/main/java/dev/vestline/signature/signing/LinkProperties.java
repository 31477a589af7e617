package dev.vestline.signature.signing;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vestline.signature.links.*}: the signing links sent to signers.
 *
 * @param publicBaseUrl where signers open their link; the token is appended as a path
 * segment. The {@code prod} profile refuses a missing or localhost URL.
 * @param ttl how long a link stays valid
 */
@ConfigurationProperties("vestline.signature.links")
public record LinkProperties(URI publicBaseUrl, @DefaultValue("14d") Duration ttl) {

	URI linkFor(String token) {
		String base = this.publicBaseUrl.toString();
		return URI.create((base.endsWith("/") ? base : base + "/") + token);
	}

}
