package dev.vestline.billing.payments;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.vestline.events.Money;
import dev.vestline.events.Topics;
import dev.vestline.events.billing.InvoicePaid;
import dev.vestline.events.billing.PaymentRecorded;
import dev.vestline.events.reconciliation.InvoicePaymentReceived;
import dev.vestline.messaging.cloudevents.EventRecords;
import dev.vestline.messaging.inbox.DeadLetterErrorHandler;
import dev.vestline.testharness.TopicReader;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PaymentRecordingIntegrationTests extends PaymentIntegrationTest {

	@Test
	void twentyConcurrentPartialPaymentsNeverExceedTheTotalAndTheExcessBecomesCredit() throws Exception {
		for (int round = 0; round < 3; round++) {
			String investor = "investor-" + UUID.randomUUID();
			UUID invoice = issue(investor, "1000.00");
			for (Future<PaymentRecording.Recorded> done : race(20, () -> this.recording.record(invoice,
					Money.of("60.00", "EUR"), PaymentOrigin.bank(UUID.randomUUID(), UUID.randomUUID())))) {
				done.get();
			}
			assertThat(amountPaid(invoice)).isEqualByComparingTo("1000.00");
			assertThat(status(invoice)).isEqualTo("PAID");
			assertThat(this.jdbc.sql("SELECT count(*) FROM payment WHERE invoice_id = ?")
				.param(invoice)
				.query(Long.class)
				.single()).isEqualTo(20);
			assertThat(credit(investor)).isEqualByComparingTo("200.00");
			assertThat(this.jdbc.sql("SELECT count(*) FROM fee WHERE invoice_id = ? AND status = 'PAID'")
				.param(invoice)
				.query(Long.class)
				.single()).isEqualTo(1);
			assertThat(published(Topics.BILLING, InvoicePaid.class, (e) -> e.invoiceId().equals(invoice), 1))
				.hasSize(1);
		}
	}

	@Test
	void recordsABankPaymentFromReconciliationOnceHoweverOftenItArrives() throws Exception {
		String investor = "investor-" + UUID.randomUUID();
		UUID invoice = issue(investor, "250.00");
		String reference = paymentReference(invoice);
		var received = new InvoicePaymentReceived(invoice, UUID.randomUUID(), UUID.randomUUID(),
				Money.of("100.00", "EUR"), reference, Instant.now());
		var record = EventRecords.record(received);
		send(record);
		send(record);
		send(EventRecords.record(received)); // the same bank transaction under a new
												// event id
		var sentinel = new InvoicePaymentReceived(invoice, UUID.randomUUID(), UUID.randomUUID(),
				Money.of("150.00", "EUR"), reference, Instant.now());
		send(EventRecords.record(sentinel));
		await().atMost(Duration.ofMinutes(2)).until(() -> "PAID".equals(status(invoice)));

		assertThat(this.jdbc.sql("SELECT count(*) FROM payment WHERE invoice_id = ?")
			.param(invoice)
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(published(Topics.BILLING, PaymentRecorded.class, (e) -> e.invoiceId().equals(invoice), 2))
			.extracting((e) -> e.amount().amount().toPlainString())
			.containsExactly("100.00", "150.00");
	}

	@Test
	void deadLettersABankPaymentWhoseAmountNoTableCanHoldWithTheReasonAndRecordsNothing() throws Exception {
		UUID invoice = issue("investor-" + UUID.randomUUID(), "250.00");
		String reference = paymentReference(invoice);
		var valid = EventRecords.record(new InvoicePaymentReceived(invoice, UUID.randomUUID(), UUID.randomUUID(),
				Money.of("123.45", "EUR"), reference, Instant.now()));
		String json = new String(valid.value(), StandardCharsets.UTF_8);
		assertThat(json).contains("\"123.45\"");
		for (String absurd : List.of("1e400", "0.001", "1000000000000000.00", "1" + "0".repeat(403))) {
			send(new ProducerRecord<>(valid.topic(), null, valid.key(),
					json.replace("\"123.45\"", "\"" + absurd + "\"").getBytes(StandardCharsets.UTF_8),
					EventRecords
						.record(new InvoicePaymentReceived(invoice, UUID.randomUUID(), UUID.randomUUID(),
								Money.of("123.45", "EUR"), reference, Instant.now()))
						.headers()));
		}

		try (TopicReader dlt = new TopicReader(this.infrastructure.kafka().bootstrapServers(),
				Topics.deadLetter(Topics.RECONCILIATION, "billing"))) {
			var parked = dlt
				.readUntil((all) -> all.stream().filter((r) -> invoice.toString().equals(r.key())).count() >= 4,
						Duration.ofSeconds(90))
				.stream()
				.filter((r) -> invoice.toString().equals(r.key()))
				.map((r) -> new String(r.headers().lastHeader(DeadLetterErrorHandler.REASON_HEADER).value(),
						StandardCharsets.UTF_8))
				.toList();
			assertThat(parked).hasSize(4)
				.allSatisfy((reason) -> assertThat(reason).containsAnyOf("decimals", "less than", "plain"));
		}
		assertThat(amountPaid(invoice)).isEqualByComparingTo("0");
		assertThat(this.jdbc.sql("SELECT count(*) FROM payment WHERE invoice_id = ?")
			.param(invoice)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aPaymentRacingAVoidLeavesTheInvoiceEitherPaidOrVoidedNeverBoth() throws Exception {
		for (int round = 0; round < 8; round++) {
			String investor = "investor-" + UUID.randomUUID();
			UUID invoice = issue(investor, "80.00");
			AtomicInteger turn = new AtomicInteger();
			AtomicInteger voidStatus = new AtomicInteger();
			String read = etag("/api/v1/invoices/" + invoice);
			for (Future<Object> done : race(2, () -> {
				if (turn.getAndIncrement() == 0) {
					voidStatus.set(post("/api/v1/invoices/" + invoice + "/void", read, Map.of("reason", "race"))
						.getStatusCode()
						.value());
				}
				else {
					this.recording.record(invoice, Money.of("30.00", "EUR"),
							PaymentOrigin.bank(UUID.randomUUID(), UUID.randomUUID()));
				}
				return null;
			})) {
				done.get();
			}
			if (voidStatus.get() == 200) {
				assertThat(status(invoice)).isEqualTo("VOID");
				assertThat(amountPaid(invoice)).isEqualByComparingTo("0");
				assertThat(credit(investor)).as("the late payment became credit").isEqualByComparingTo("30.00");
			}
			else {
				assertThat(voidStatus.get()).as("the payment changed the invoice first").isEqualTo(412);
				assertThat(status(invoice)).isEqualTo("ISSUED");
				assertThat(amountPaid(invoice)).isEqualByComparingTo("30.00");
				assertThat(credit(investor)).isEqualByComparingTo("0");
			}
		}
	}

	@Test
	void appliesCreditToALaterInvoiceOnce() throws Exception {
		String investor = "investor-" + UUID.randomUUID();
		UUID first = issue(investor, "100.00");
		this.recording.record(first, Money.of("150.00", "EUR"),
				PaymentOrigin.bank(UUID.randomUUID(), UUID.randomUUID()));
		UUID second = issue(investor, "30.00");

		String key = UUID.randomUUID().toString();
		String read = etag("/api/v1/invoices/" + second);
		var applied = http().post()
			.uri("/api/v1/invoices/" + second + "/credit-applications")
			.header("Idempotency-Key", key)
			.header("If-Match", read)
			.retrieve()
			.toEntity(String.class);
		var replayed = http().post()
			.uri("/api/v1/invoices/" + second + "/credit-applications")
			.header("Idempotency-Key", key)
			.header("If-Match", read)
			.retrieve()
			.toEntity(String.class);
		assertThat(applied.getStatusCode().value()).isEqualTo(201);
		assertThat(replayed.getStatusCode().value()).isEqualTo(201);
		assertThat(replayed.getBody()).isEqualTo(applied.getBody());
		assertThat(status(second)).isEqualTo("PAID");
		assertThat(credit(investor)).isEqualByComparingTo("20.00");
		assertThat(post("/api/v1/invoices/" + second + "/credit-applications", read, Map.of()).getStatusCode().value())
			.as("the version read is gone")
			.isEqualTo(412);
		assertThat(post("/api/v1/invoices/" + second + "/credit-applications", etag("/api/v1/invoices/" + second),
				Map.of())
			.getStatusCode()
			.value()).as("paid").isEqualTo(409);
		assertThat(new BigDecimal(
				get("/api/v1/investors/" + investor + "/credit").getBody().get(0).get("balance").asString()))
			.isEqualByComparingTo("20.00");
	}

	@Test
	void aBankMatchReportedTenTimesAtOnceIsRecordedOnce() throws ExecutionException, InterruptedException {
		String investor = "investor-" + UUID.randomUUID();
		UUID invoice = issue(investor, "500.00");
		PaymentOrigin match = PaymentOrigin.bank(UUID.randomUUID(), UUID.randomUUID());
		long duplicates = 0;
		for (Future<PaymentRecording.Recorded> done : race(10,
				() -> this.recording.record(invoice, Money.of("10.00", "EUR"), match))) {
			duplicates += done.get().duplicate() ? 1 : 0;
		}
		assertThat(duplicates).isEqualTo(9);
		assertThat(amountPaid(invoice)).isEqualByComparingTo("10.00");
	}

	private BigDecimal credit(String investor) {
		return this.jdbc.sql("SELECT coalesce(sum(balance), 0) FROM investor_credit WHERE investor_id = ?")
			.param(investor)
			.query(BigDecimal.class)
			.single();
	}

}
