package dev.vestline.billing.payments;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.vestline.billing.BillingMetrics;
import dev.vestline.billing.BillingProperties;
import dev.vestline.support.domain.DomainException;
import dev.vestline.support.domain.Unauthenticated;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Verifies the payment provider's {@code Vestline-Signature: t=<unix seconds>,v1=<hex>}
 * header: HMAC-SHA256 with the shared secret over {@code <t>.<raw body>}, compared in
 * constant time, with the timestamp within the tolerance (replays of old deliveries are
 * refused; recent ones are deduplicated on the provider's event id). Several {@code v1}
 * values are accepted, so the secret can be rotated.
 */
@Component
public class WebhookSignatures {

	/** The header carrying timestamp and signature. */
	public static final String HEADER = "Vestline-Signature";

	private final byte[] secret;

	private final Duration tolerance;

	private final Clock clock;

	private final BillingMetrics metrics;

	WebhookSignatures(BillingProperties properties, Clock clock, BillingMetrics metrics) {
		this.secret = properties.webhook().secret().getBytes(StandardCharsets.UTF_8);
		this.tolerance = properties.webhook().tolerance();
		this.clock = clock;
		this.metrics = metrics;
	}

	/**
	 * @param header the signature header
	 * @param body the raw request body
	 * @throws Unauthenticated when the signature is missing, malformed, wrong or stale
	 */
	void verify(@Nullable String header, byte[] body) {
		if (header == null || header.isBlank()) {
			throw rejected("missing", "The " + HEADER + " header is missing");
		}
		Long timestamp = null;
		List<String> signatures = new ArrayList<>();
		for (String part : header.split(",")) {
			String[] pair = part.trim().split("=", 2);
			if (pair.length == 2 && pair[0].equals("t") && pair[1].matches("[0-9]{1,12}")) {
				timestamp = Long.parseLong(pair[1]);
			}
			else if (pair.length == 2 && pair[0].equals("v1")) {
				signatures.add(pair[1]);
			}
		}
		if (timestamp == null || signatures.isEmpty()) {
			throw rejected("malformed", HEADER + " must be t=<unix seconds>,v1=<hex HMAC-SHA256>");
		}
		Instant signedAt = Instant.ofEpochSecond(timestamp);
		if (Duration.between(signedAt, this.clock.instant()).abs().compareTo(this.tolerance) > 0) {
			throw rejected("stale", "The signature's timestamp is more than " + this.tolerance.toMinutes()
					+ " minutes from now; a replayed or delayed delivery is refused");
		}
		byte[] expected = HexFormat.of().formatHex(sign(timestamp, body)).getBytes(StandardCharsets.US_ASCII);
		for (String candidate : signatures) {
			if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII))) {
				return;
			}
		}
		throw rejected("forged", "The signature does not match the body");
	}

	/**
	 * @param timestamp unix seconds
	 * @param body the raw body
	 * @return HMAC-SHA256 over {@code <timestamp>.<body>}
	 */
	byte[] sign(long timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secret, "HmacSHA256"));
			mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is unavailable", ex);
		}
	}

	private Unauthenticated rejected(String reason, String detail) {
		this.metrics.count("vestline.billing.webhooks.rejected", "reason", reason);
		return new Unauthenticated(detail);
	}

}
