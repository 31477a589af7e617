package dev.vestline.billing.payments;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.vestline.events.Money;
import dev.vestline.events.Topics;
import dev.vestline.events.reconciliation.InvoicePaymentReceived;
import dev.vestline.events.reconciliation.InvoicePaymentReversed;
import dev.vestline.messaging.cloudevents.EventRecords;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An operator finds a dead letter through the API, fixes its cause and replays it: a bank
 * reversal that reached billing before the payment it takes back.
 */
class DeadLetterReplayApiIntegrationTests extends PaymentIntegrationTest {

	static final String DLT = Topics.deadLetter(Topics.RECONCILIATION, "billing");

	@Test
	void replaysAReversalThatCameBeforeItsPaymentOnceThePaymentIsRecorded() throws Exception {
		UUID invoice = issue("investor-" + UUID.randomUUID(), "80.00");
		String reference = paymentReference(invoice);
		UUID line = UUID.randomUUID();
		UUID match = UUID.randomUUID();
		var reversal = EventRecords.record(new InvoicePaymentReversed(invoice, match, line, Money.of("80.00", "EUR"),
				reference, "returned by the bank", Instant.now()));
		String eventId = new String(reversal.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
		send(reversal);

		RestClient operations = http(TOKENS.token("olga", "operations"));
		JsonNode parked = await().atMost(Duration.ofSeconds(60))
			.until(() -> item(operations.get()
				.uri("/api/v1/dead-letters/{dlt}?limit=500", DLT)
				.retrieve()
				.toEntity(JsonNode.class), eventId), (found) -> found != null);
		assertThat(parked.get("reason").asString()).contains("No BANK payment " + line);
		assertThat(parked.get("type").asString()).isEqualTo("dev.vestline.reconciliation.InvoicePaymentReversed.v1");
		assertThat(parked.get("key").asString()).isEqualTo(invoice.toString());
		JsonNode topics = operations.get().uri("/api/v1/dead-letters").retrieve().body(JsonNode.class);
		assertThat(topics.valueStream()
			.filter((t) -> t.get("deadLetterTopic").asString().equals(DLT))
			.findFirst()
			.orElseThrow()
			.get("pending")
			.asLong()).isPositive();
		assertThat(topics.valueStream().map((t) -> t.get("consumerGroup").asString())).containsOnly("billing");

		// the cause fixed: the payment the reversal takes back arrives
		send(EventRecords.record(
				new InvoicePaymentReceived(invoice, match, line, Money.of("80.00", "EUR"), reference, Instant.now())));
		await().atMost(Duration.ofMinutes(2)).until(() -> "PAID".equals(status(invoice)));

		ResponseEntity<JsonNode> replay = operations.post()
			.uri("/api/v1/dead-letters/{dlt}/replay", DLT)
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(replay.getStatusCode().value()).isEqualTo(200);
		assertThat(replay.getBody().get("replayed").valueStream().map((r) -> r.get("eventId").asString()))
			.contains(eventId);
		await().atMost(Duration.ofSeconds(60)).until(() -> "ISSUED".equals(status(invoice)));
		assertThat(amountPaid(invoice)).isEqualByComparingTo("0");
		assertThat(this.jdbc.sql("SELECT count(*) FROM payment_reversal WHERE invoice_id = ?")
			.param(invoice)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(item(
				operations.get().uri("/api/v1/dead-letters/{dlt}?limit=500", DLT).retrieve().toEntity(JsonNode.class),
				eventId))
			.isNull();
	}

	@Test
	void answersUnknownTopicsBadLimitsBadDiscardsAndOtherRolesWithProblems() {
		RestClient operations = http(TOKENS.token("olga", "operations"));
		var unknown = operations.post()
			.uri("/api/v1/dead-letters/{dlt}/replay", "billing.events.nobody.dlt")
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(unknown.getStatusCode().value()).isEqualTo(404);
		assertThat(unknown.getHeaders().getContentType().toString()).contains("application/problem+json");
		assertThat(unknown.getBody().get("type").asString()).endsWith("/not-found");
		var badLimit = operations.get()
			.uri("/api/v1/dead-letters/{dlt}?limit=0", DLT)
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(badLimit.getStatusCode().value()).isEqualTo(400);
		assertThat(badLimit.getBody().get("errors").get(0).get("field").asString()).isEqualTo("limit");
		var noReason = operations.post()
			.uri("/api/v1/dead-letters/{dlt}/discard", DLT)
			.body(Map.of("partition", 0, "offset", 0))
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(noReason.getStatusCode().value()).isEqualTo(400);
		assertThat(noReason.getBody().get("errors").get(0).get("field").asString()).isEqualTo("reason");
		var notFirst = operations.post()
			.uri("/api/v1/dead-letters/{dlt}/discard", DLT)
			.body(Map.of("partition", 0, "offset", 1_000_000, "reason", "a producer bug"))
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(notFirst.getStatusCode().value()).isEqualTo(409);
		assertThat(notFirst.getBody().get("type").asString()).endsWith("/not-first-pending");
		assertThat(notFirst.getBody().has("firstPending")).isTrue();
		var billing = http().post().uri("/api/v1/dead-letters/{dlt}/replay", DLT).retrieve().toEntity(JsonNode.class);
		assertThat(billing.getStatusCode().value()).isEqualTo(403);
	}

	private static JsonNode item(ResponseEntity<JsonNode> page, String eventId) {
		assertThat(page.getStatusCode().value()).as(String.valueOf(page.getBody())).isEqualTo(200);
		return page.getBody()
			.get("items")
			.valueStream()
			.filter((item) -> eventId.equals(item.path("eventId").asString(null)))
			.findFirst()
			.orElse(null);
	}

}
