package dev.vestline.billing.payments;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.vestline.billing.BillingIntegrationTest;
import dev.vestline.billing.Invoicing;
import dev.vestline.billing.invoices.InvoiceRun;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentWebhookIntegrationTests extends BillingIntegrationTest {

	static final String SECRET = "example-webhook-secret-change-me-0123456789";

	@Autowired
	InvoiceRun run;

	@Test
	void theSameWebhookTenTimesConcurrentlyRecordsOnePayment() throws Exception {
		String investor = "investor-" + UUID.randomUUID();
		UUID invoice = Invoicing.issue(this.jdbc, this.run, investor, "400.00");
		String reference = this.jdbc.sql("SELECT payment_reference FROM invoice WHERE id = ?")
			.param(invoice)
			.query(String.class)
			.single();
		String body = """
				{"eventId":"evt_%s","paymentId":"pay_%s","paymentReference":"%s","amount":"400.00","currency":"EUR"}
				""".formatted(UUID.randomUUID(), UUID.randomUUID(), reference);
		String signature = signature(Instant.now().getEpochSecond(), body, SECRET);

		List<ResponseEntity<JsonNode>> responses = new ArrayList<>();
		for (Future<ResponseEntity<JsonNode>> done : race(10, () -> deliver(body, signature))) {
			responses.add(done.get());
		}

		assertThat(responses).allSatisfy((r) -> assertThat(r.getStatusCode().value()).isEqualTo(200));
		assertThat(responses.stream().map((r) -> r.getBody().get("paymentId").asString()).distinct()).hasSize(1);
		assertThat(responses.stream().filter((r) -> !r.getBody().get("duplicate").asBoolean())).hasSize(1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM payment WHERE invoice_id = ?")
			.param(invoice)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT status FROM invoice WHERE id = ?").param(invoice).query(String.class).single())
			.isEqualTo("PAID");
	}

	@Test
	void aForgedStaleOrMissingSignatureIsRefusedWithNothingWritten() {
		String investor = "investor-" + UUID.randomUUID();
		UUID invoice = Invoicing.issue(this.jdbc, this.run, investor, "90.00");
		String body = """
				{"eventId":"evt_%s","paymentId":"pay_%s","invoiceId":"%s","amount":"90.00","currency":"EUR"}
				""".formatted(UUID.randomUUID(), UUID.randomUUID(), invoice);
		long now = Instant.now().getEpochSecond();

		var forged = deliver(body, signature(now, body, "not-the-shared-secret-0123456789"));
		var tampered = deliver(body.replace("90.00", "9.00"), signature(now, body, SECRET));
		var stale = deliver(body, signature(now - 330, body, SECRET));
		var future = deliver(body, signature(now + 330, body, SECRET));
		var missing = deliver(body, null);
		var malformed = deliver(body, "sha256=abc");

		assertThat(List.of(forged, tampered, stale, future, missing, malformed)).allSatisfy((r) -> {
			assertThat(r.getStatusCode().value()).isEqualTo(401);
			assertThat(r.getHeaders().getContentType().toString()).contains("problem+json");
		});
		assertThat(this.jdbc.sql("SELECT count(*) FROM payment WHERE invoice_id = ?")
			.param(invoice)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT amount_paid FROM invoice WHERE id = ?")
			.param(invoice)
			.query(java.math.BigDecimal.class)
			.single()).isZero();

		var recent = deliver(body, signature(now - 200, body, SECRET));
		assertThat(recent.getStatusCode().value()).as("within five minutes").isEqualTo(200);
	}

	@Test
	void aSignedButInvalidNotificationIsABadRequestAndAnUnknownInvoiceUnprocessable() {
		long now = Instant.now().getEpochSecond();
		String invalid = "{\"eventId\":\"\",\"amount\":\"-1\",\"currency\":\"EUR\"}";
		var bad = deliver(invalid, signature(now, invalid, SECRET));
		assertThat(bad.getStatusCode().value()).isEqualTo(400);
		assertThat(bad.getBody().get("errors").findValuesAsString("field")).contains("eventId", "paymentId", "amount");
		String unknown = """
				{"eventId":"e1","paymentId":"p1","paymentReference":"RF18539007547034","amount":"1.00","currency":"EUR"}
				""";
		assertThat(deliver(unknown, signature(now, unknown, SECRET)).getStatusCode().value()).isEqualTo(422);
		String badReference = unknown.replace("RF18539007547034", "RF19539007547034");
		assertThat(deliver(badReference, signature(now, badReference, SECRET)).getStatusCode().value()).isEqualTo(422);
	}

	@Test
	void refusesAnAbsurdAmountWithABadRequestNamingItAndRecordsNothing() {
		String investor = "investor-" + UUID.randomUUID();
		UUID invoice = Invoicing.issue(this.jdbc, this.run, investor, "100.00");
		long now = Instant.now().getEpochSecond();
		for (String amount : List.of("\"1000000000000000\"", "1e400", "\"1e400\"", "\"0.001\"", "\"-5.00\"",
				"\"1" + "0".repeat(403) + "\"", "1.5e2")) {
			String body = """
					{"eventId":"evt_%s","paymentId":"pay_%s","invoiceId":"%s","amount":%s,"currency":"EUR"}
					""".formatted(UUID.randomUUID(), UUID.randomUUID(), invoice, amount);
			var refused = deliver(body, signature(now, body, SECRET));
			assertThat(refused.getStatusCode().value()).as(amount).isEqualTo(400);
			assertThat(refused.getBody().get("errors").findValuesAsString("field")).as(amount)
				.containsExactly("amount");
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM payment WHERE invoice_id = ?")
			.param(invoice)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM investor_credit WHERE investor_id = ?")
			.param(investor)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aSignedBodyThatIsNoNotificationObjectIsABadRequestProblem() {
		long now = Instant.now().getEpochSecond();
		for (String body : List.of("null", "[]", "{}", "\"x\"", "42", "[{}]", "{\"amount\":null}")) {
			var response = deliver(body, signature(now, body, SECRET));
			assertThat(response.getStatusCode().value()).as(body).isEqualTo(400);
			assertThat(response.getHeaders().getContentType().toString()).as(body).contains("application/problem+json");
			assertThat(response.getBody().get("errors").findValuesAsString("field")).as(body).isNotEmpty();
		}
	}

	private ResponseEntity<JsonNode> deliver(String body, String signature) {
		RestClient.RequestBodySpec request = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler((status) -> true, (req, res) -> {
			})
			.build()
			.post()
			.uri("/api/v1/payments/webhook")
			.contentType(MediaType.APPLICATION_JSON);
		if (signature != null) {
			request.header(WebhookSignatures.HEADER, signature);
		}
		return request.body(body.getBytes(StandardCharsets.UTF_8)).retrieve().toEntity(JsonNode.class);
	}

	static String signature(long timestamp, String body, String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] sig = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(sig);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
