package dev.vestline.billing.payments;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;

import dev.vestline.billing.BillingMetrics;
import dev.vestline.billing.BillingProperties;
import dev.vestline.support.domain.Unauthenticated;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignaturesTests {

	static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	final WebhookSignatures signatures = new WebhookSignatures(
			new BillingProperties(new BillingProperties.Invoices(30), new BillingProperties.ManagementFees(200, 4),
					new BillingProperties.Webhook("a-shared-secret-of-enough-length", Duration.ofMinutes(5))),
			Clock.fixed(NOW, ZoneOffset.UTC), new BillingMetrics(this.registry));

	final byte[] body = "{\"eventId\":\"e1\"}".getBytes(StandardCharsets.UTF_8);

	@Test
	void acceptsTimestampsUpToFiveMinutesAwayEitherWay() {
		for (long offset : new long[] { -300, 0, 300 }) {
			assertThatNoException()
				.isThrownBy(() -> this.signatures.verify(header(NOW.getEpochSecond() + offset), this.body));
		}
	}

	@Test
	void refusesTimestampsBeyondTheToleranceAndCountsWhy() {
		for (long offset : new long[] { -301, 301 }) {
			assertThatThrownBy(() -> this.signatures.verify(header(NOW.getEpochSecond() + offset), this.body))
				.isInstanceOf(Unauthenticated.class);
		}
		assertThat(this.registry.counter("vestline.billing.webhooks.rejected", "reason", "stale").count()).isEqualTo(2);
	}

	@Test
	void acceptsAnyOfSeveralSignaturesSoTheSecretCanRotate() {
		long t = NOW.getEpochSecond();
		String rotated = "t=" + t + ",v1=" + "00".repeat(32) + "," + header(t).split(",")[1];
		assertThatNoException().isThrownBy(() -> this.signatures.verify(rotated, this.body));
		assertThatThrownBy(() -> this.signatures.verify("t=" + t + ",v1=" + "00".repeat(32), this.body))
			.isInstanceOf(Unauthenticated.class);
	}

	private String header(long timestamp) {
		return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(this.signatures.sign(timestamp, this.body));
	}

}
