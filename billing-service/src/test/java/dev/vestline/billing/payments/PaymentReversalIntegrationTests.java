package dev.vestline.billing.payments;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.vestline.events.Money;
import dev.vestline.events.Topics;
import dev.vestline.events.billing.PaymentReversed;
import dev.vestline.events.reconciliation.InvoicePaymentReceived;
import dev.vestline.events.reconciliation.InvoicePaymentReversed;
import dev.vestline.messaging.cloudevents.EventRecords;
import dev.vestline.messaging.inbox.DeadLetterErrorHandler;
import dev.vestline.testharness.TopicReader;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PaymentReversalIntegrationTests extends PaymentIntegrationTest {

	@Autowired
	PaymentReversal reversal;

	@Test
	void aReversedBankMatchMakesThePaidInvoiceOutstandingAgainOnceAndTheLineCanPayAgain() throws Exception {
		UUID invoice = issue("investor-" + UUID.randomUUID(), "250.00");
		String reference = paymentReference(invoice);
		UUID line = UUID.randomUUID();
		UUID match = UUID.randomUUID();
		send(EventRecords.record(
				new InvoicePaymentReceived(invoice, match, line, Money.of("250.00", "EUR"), reference, Instant.now())));
		await().atMost(Duration.ofMinutes(2)).until(() -> "PAID".equals(status(invoice)));

		var reversed = new InvoicePaymentReversed(invoice, match, line, Money.of("250.00", "EUR"), reference,
				"returned by the bank", Instant.now());
		var record = EventRecords.record(reversed);
		send(record);
		send(record);
		await().atMost(Duration.ofMinutes(2)).until(() -> "ISSUED".equals(status(invoice)));

		assertThat(amountPaid(invoice)).isEqualByComparingTo("0");
		assertThat(this.jdbc.sql("SELECT count(*) FROM fee WHERE invoice_id = ? AND status = 'INVOICED'")
			.param(invoice)
			.query(Long.class)
			.single()).isEqualTo(1);
		PaymentReversed event = published(Topics.BILLING, PaymentReversed.class, (e) -> e.invoiceId().equals(invoice),
				1)
			.getFirst();
		assertThat(event.appliedAmount().amount()).isEqualByComparingTo("250.00");
		assertThat(event.unrecoveredAmount().amount()).isEqualByComparingTo("0");
		assertThat(event.externalReference()).isEqualTo(line.toString());
		assertThat(event.reason()).isEqualTo("returned by the bank");

		// matched again in reconciliation (a new match): the same bank line pays the
		// invoice anew
		send(EventRecords.record(new InvoicePaymentReceived(invoice, UUID.randomUUID(), line, Money.of("250.00", "EUR"),
				reference, Instant.now())));
		await().atMost(Duration.ofMinutes(2)).until(() -> "PAID".equals(status(invoice)));
		assertThat(published(Topics.BILLING, PaymentReversed.class, (e) -> e.invoiceId().equals(invoice), 0))
			.hasSize(1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM payment WHERE invoice_id = ? AND reversed_at IS NULL")
			.param(invoice)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(get("/api/v1/invoices/" + invoice + "/payments").getBody()).hasSize(2)
			.anySatisfy((payment) -> assertThat(payment.get("reversedAt").isNull()).isFalse());
	}

	@Test
	void aBankLineMatchedAgainToAnotherInvoicePaysItWhicheverOfTheNewPaymentAndTheReversalArrivesFirst()
			throws Exception {
		for (boolean newPaymentFirst : List.of(true, false)) {
			UUID first = issue("investor-" + UUID.randomUUID(), "250.00");
			UUID second = issue("investor-" + UUID.randomUUID(), "250.00");
			UUID line = UUID.randomUUID();
			UUID firstMatch = UUID.randomUUID();
			UUID secondMatch = UUID.randomUUID();
			deliverTwice(new InvoicePaymentReceived(first, firstMatch, line, Money.of("250.00", "EUR"),
					paymentReference(first), Instant.now()));
			assertThat(status(first)).isEqualTo("PAID");

			// reconciliation reverses the first match, then matches the line to the
			// second invoice; the two events have different keys, so either may come
			// first
			var reversed = new InvoicePaymentReversed(first, firstMatch, line, Money.of("250.00", "EUR"),
					paymentReference(first), "matched to the wrong invoice", Instant.now());
			var received = new InvoicePaymentReceived(second, secondMatch, line, Money.of("250.00", "EUR"),
					paymentReference(second), Instant.now());
			if (newPaymentFirst) {
				deliverTwice(received);
				deliverTwice(reversed);
			}
			else {
				deliverTwice(reversed);
				deliverTwice(received);
			}

			String order = newPaymentFirst ? "new payment first" : "reversal first";
			assertThat(status(first)).as(order).isEqualTo("ISSUED");
			assertThat(amountPaid(first)).as(order).isEqualByComparingTo("0");
			assertThat(status(second)).as(order).isEqualTo("PAID");
			assertThat(amountPaid(second)).as(order).isEqualByComparingTo("250.00");
			assertThat(payments(first, true)).as(order).isEqualTo(1);
			assertThat(payments(first, false)).as(order).isZero();
			assertThat(payments(second, false)).as(order).isEqualTo(1);
			assertThat(payments(second, true)).as(order).isZero();
			assertThat(published(Topics.BILLING, PaymentReversed.class, (e) -> e.invoiceId().equals(first), 1))
				.as(order)
				.hasSize(1);
		}
	}

	@Test
	void aNewMatchOfABankLineRacingTheReversalOfItsOldMatchLeavesEachInvoiceWithItsOwnPayment() throws Exception {
		for (int round = 0; round < 10; round++) {
			UUID first = issue("investor-" + UUID.randomUUID(), "250.00");
			UUID second = issue("investor-" + UUID.randomUUID(), "250.00");
			UUID line = UUID.randomUUID();
			PaymentOrigin oldMatch = PaymentOrigin.bank(line, UUID.randomUUID());
			PaymentOrigin newMatch = PaymentOrigin.bank(line, UUID.randomUUID());
			this.recording.record(first, Money.of("250.00", "EUR"), oldMatch);

			AtomicInteger turn = new AtomicInteger();
			List<Future<Boolean>> racers = race(2, () -> {
				if (turn.getAndIncrement() == 0) {
					return !this.recording.record(second, Money.of("250.00", "EUR"), newMatch).duplicate();
				}
				return this.reversal.reverse(first, oldMatch, "matched to the wrong invoice").isPresent();
			});
			for (Future<Boolean> racer : racers) {
				assertThat(racer.get()).as("round " + round + ": neither taken for the other").isTrue();
			}

			assertThat(status(first)).isEqualTo("ISSUED");
			assertThat(amountPaid(first)).isEqualByComparingTo("0");
			assertThat(status(second)).isEqualTo("PAID");
			assertThat(amountPaid(second)).isEqualByComparingTo("250.00");
			assertThat(payments(first, true)).isEqualTo(1);
			assertThat(payments(second, false)).isEqualTo(1);
			assertThat(payments(first, false) + payments(second, true)).isZero();
		}
	}

	/**
	 * Sends the event twice under one event id and once more under another, and waits
	 * until billing has consumed each delivery (a failed one would be retried and
	 * dead-lettered instead, and this would time out).
	 */
	private void deliverTwice(dev.vestline.events.reconciliation.ReconciliationEvent event) throws Exception {
		var record = EventRecords.record(event);
		var again = EventRecords.record(event);
		send(record);
		send(record);
		send(again);
		for (var sent : List.of(record, again)) {
			UUID id = UUID.fromString(new String(sent.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
			await().atMost(Duration.ofSeconds(60))
				.until(() -> this.jdbc
					.sql("SELECT count(*) FROM inbox_event WHERE consumer = 'billing' AND event_id = ?")
					.param(id)
					.query(Long.class)
					.single() == 1);
		}
	}

	private long payments(UUID invoice, boolean reversed) {
		return this.jdbc.sql("SELECT count(*) FROM payment WHERE invoice_id = ? AND (reversed_at IS NOT NULL) = ?")
			.params(invoice, reversed)
			.query(Long.class)
			.single();
	}

	@Test
	void takesBackTheCreditThatIsLeftAndRecordsTheCreditAlreadySpentAsUnrecovered() {
		String investor = "investor-" + UUID.randomUUID();
		UUID overpaid = issue(investor, "100.00");
		PaymentOrigin bankLine = PaymentOrigin.bank(UUID.randomUUID(), UUID.randomUUID());
		this.recording.record(overpaid, Money.of("150.00", "EUR"), bankLine);
		UUID other = issue(investor, "30.00");
		assertThat(post("/api/v1/invoices/" + other + "/credit-applications", etag("/api/v1/invoices/" + other),
				java.util.Map.of())
			.getStatusCode()
			.value()).isEqualTo(201);

		Reversal reversed = this.reversal.reverse(overpaid, bankLine, "wrong investor").orElseThrow();

		assertThat(reversed.appliedAmount()).isEqualByComparingTo("100.00");
		assertThat(reversed.creditAmount()).isEqualByComparingTo("20.00");
		assertThat(reversed.unrecoveredAmount()).isEqualByComparingTo("30.00");
		assertThat(status(overpaid)).isEqualTo("ISSUED");
		assertThat(status(other)).as("paid with credit that is gone; a person follows it up").isEqualTo("PAID");
		assertThat(new BigDecimal(
				get("/api/v1/investors/" + investor + "/credit").getBody().get(0).get("balance").asString()))
			.isEqualByComparingTo("0");
		assertThat(this.reversal.reverse(overpaid, bankLine, "again")).isEmpty();
		assertThat(get("/api/v1/investors/" + investor + "/statement").getBody()
			.get("entries")
			.values()
			.stream()
			.map((entry) -> entry.get("kind").asString())).contains("PAYMENT_REVERSED", "CREDIT_REVERSED");
	}

	@Test
	void racingReversalsOfOnePaymentTakeItBackOnceAndRacingPaymentsStillAddUp() throws Exception {
		for (int round = 0; round < 10; round++) {
			UUID invoice = issue("investor-" + UUID.randomUUID(), "100.00");
			PaymentOrigin first = PaymentOrigin.bank(UUID.randomUUID(), UUID.randomUUID());
			this.recording.record(invoice, Money.of("60.00", "EUR"), first);
			PaymentOrigin second = PaymentOrigin.bank(UUID.randomUUID(), UUID.randomUUID());

			AtomicInteger turn = new AtomicInteger();
			List<Future<Optional<Reversal>>> racers = race(3, () -> {
				if (turn.getAndIncrement() == 0) {
					this.recording.record(invoice, Money.of("70.00", "EUR"), second);
					return Optional.empty();
				}
				return this.reversal.reverse(invoice, first, "race");
			});
			long reversals = 0;
			for (Future<Optional<Reversal>> racer : racers) {
				reversals += racer.get().isPresent() ? 1 : 0;
			}

			assertThat(reversals).isEqualTo(1);
			// 60 reversed; 70 applied in full (if recorded after the reversal) or 40 of
			// it (before)
			assertThat(amountPaid(invoice).stripTrailingZeros().toPlainString()).isIn("70", "40");
			assertThat(this.jdbc.sql("SELECT count(*) FROM payment_reversal WHERE invoice_id = ?")
				.param(invoice)
				.query(Long.class)
				.single()).isEqualTo(1);
		}
	}

	@Test
	void deadLettersAReversalOfAPaymentThatWasNeverRecorded() throws Exception {
		UUID invoice = issue("investor-" + UUID.randomUUID(), "80.00");
		var orphan = new InvoicePaymentReversed(invoice, UUID.randomUUID(), UUID.randomUUID(), Money.of("80.00", "EUR"),
				paymentReference(invoice), "never paid", Instant.now());

		send(EventRecords.record(orphan));

		try (TopicReader dlt = new TopicReader(this.infrastructure.kafka().bootstrapServers(),
				Topics.deadLetter(Topics.RECONCILIATION, "billing"))) {
			var parked = dlt
				.readUntil((all) -> all.stream().anyMatch((r) -> invoice.toString().equals(r.key())),
						Duration.ofSeconds(60))
				.stream()
				.filter((r) -> invoice.toString().equals(r.key()))
				.findFirst()
				.orElseThrow();
			assertThat(new String(parked.headers().lastHeader(DeadLetterErrorHandler.REASON_HEADER).value(),
					StandardCharsets.UTF_8))
				.contains("No BANK payment " + orphan.bankTransactionId());
		}
		assertThat(status(invoice)).isEqualTo("ISSUED");
	}

}
