package dev.vestline.platform;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The timeline names events by their {@code ce_type} without namespace and version. */
class ObservedEventTests {

	@Test
	void namesAnEventByItsShortType() {
		ObservedEvent event = new ObservedEvent("approval.events", "dev.vestline.approval.ApprovalGranted.v1",
				UUID.randomUUID(), "subject", null, Instant.now(), new byte[0]);

		assertThat(event.name()).isEqualTo("ApprovalGranted");
		assertThat(event.is("ApprovalGranted")).isTrue();
	}

}
