package dev.vestline.support.idempotency;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyPropertiesTests {

	static final IdempotencyProperties DEFAULTS = new IdempotencyProperties(Duration.ofDays(7), Duration.ofHours(1));

	@Test
	void honoursTheDeprecatedPerServiceNames() {
		MockEnvironment environment = new MockEnvironment().withProperty("vestline.schema", "billing")
			.withProperty("vestline.billing.idempotency.retention", "2d")
			.withProperty("vestline.billing.idempotency.cleanup-interval", "PT5M");

		assertThat(DEFAULTS.withDeprecatedNames(environment))
			.isEqualTo(new IdempotencyProperties(Duration.ofDays(2), Duration.ofMinutes(5)));
	}

	@Test
	void prefersTheSharedNames() {
		MockEnvironment environment = new MockEnvironment().withProperty("vestline.schema", "approval")
			.withProperty("vestline.approval.idempotency.retention", "P2D")
			.withProperty("vestline.idempotency.retention", "P3D");
		IdempotencyProperties bound = new IdempotencyProperties(Duration.ofDays(3), Duration.ofHours(1));

		assertThat(bound.withDeprecatedNames(environment)).isEqualTo(bound);
	}

	@Test
	void keepsTheDefaultsWhenNothingIsSet() {
		assertThat(DEFAULTS.withDeprecatedNames(new MockEnvironment().withProperty("vestline.schema", "signature")))
			.isEqualTo(DEFAULTS);
		assertThat(DEFAULTS.withDeprecatedNames(new MockEnvironment())).isEqualTo(DEFAULTS);
	}

}
