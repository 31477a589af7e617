package dev.vestline.events.reconciliation;

import java.time.Instant;
import java.util.UUID;

import dev.vestline.events.EventCatalog;
import dev.vestline.events.EventJson;
import dev.vestline.events.EventSchemas;
import dev.vestline.events.EventType;
import dev.vestline.events.GoldenFiles;
import dev.vestline.events.Money;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A match names exactly the id of its target, and that id is its record key.
 */
class MatchAcceptedTests {

	private static final UUID SUBSCRIPTION = UUID.fromString("0193b7e4-1a2b-7c3d-9e4f-5a6b7c8d9e02");

	private static final UUID INVOICE = UUID.fromString("0193c2d8-4d5e-7f60-8a72-8c9d0e1f2a01");

	private static final EventType TYPE = EventCatalog.v1().of(MatchAccepted.class);

	@Test
	void isKeyedByTheSubscriptionItFunds() {
		assertThat(match(MatchTarget.SUBSCRIPTION, SUBSCRIPTION, null).aggregateId())
			.isEqualTo(SUBSCRIPTION.toString());
	}

	@Test
	void isKeyedByTheInvoiceItPays() {
		assertThat(match(MatchTarget.INVOICE, null, INVOICE).aggregateId()).isEqualTo(INVOICE.toString());
	}

	@Test
	void rejectsAMatchThatNamesBothTargets() {
		assertThatIllegalArgumentException().isThrownBy(() -> match(MatchTarget.SUBSCRIPTION, SUBSCRIPTION, INVOICE));
		assertThatIllegalArgumentException().isThrownBy(() -> match(MatchTarget.INVOICE, SUBSCRIPTION, INVOICE));
	}

	@Test
	void rejectsAMatchWithoutTheIdOfItsTarget() {
		assertThatIllegalArgumentException().isThrownBy(() -> match(MatchTarget.SUBSCRIPTION, null, INVOICE));
		assertThatIllegalArgumentException().isThrownBy(() -> match(MatchTarget.INVOICE, SUBSCRIPTION, null));
		assertThatIllegalArgumentException().isThrownBy(() -> match(MatchTarget.INVOICE, null, null));
	}

	@Test
	void payloadNamingBothTargetsFailsToDecodeAndBreaksTheSchema() {
		JsonMapper json = JsonMapper.builder().build();
		ObjectNode payload = (ObjectNode) json.readTree(GoldenFiles.read(TYPE));
		payload.put("invoiceId", INVOICE.toString());
		byte[] bytes = json.writeValueAsBytes(payload);
		assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> EventJson.read(bytes, MatchAccepted.class));
		assertThat(EventSchemas.of(TYPE).validate(payload)).isNotEmpty();
	}

	private static MatchAccepted match(MatchTarget target, @Nullable UUID subscriptionId, @Nullable UUID invoiceId) {
		return new MatchAccepted(UUID.fromString("0193c4f9-7081-7293-9da5-1f2a3b4c5d01"),
				UUID.fromString("0193c4f2-6f70-7182-8c94-0e1f2a3b4c01"), target, subscriptionId, invoiceId,
				Money.of("250000.00", "EUR"), "sofia.rossi", Instant.parse("2026-11-02T09:14:03Z"));
	}

}
