package dev.vestline.billing.payments;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import dev.vestline.billing.invoices.CreditorReference;
import dev.vestline.billing.invoices.Invoice;
import dev.vestline.billing.invoices.Invoices;
import dev.vestline.events.Money;
import dev.vestline.support.domain.Unacceptable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a provider's payment once: deduplicated on the provider's event id
 * ({@code webhook_delivery} primary key) and on its payment id (one payment per external
 * reference), in one transaction.
 */
@Service
@Transactional
class WebhookPayments {

	private final JdbcClient jdbc;

	private final Invoices invoices;

	private final PaymentRecording recording;

	private final PaymentPublication publication;

	WebhookPayments(JdbcClient jdbc, Invoices invoices, PaymentRecording recording, PaymentPublication publication) {
		this.jdbc = jdbc;
		this.invoices = invoices;
		this.recording = recording;
		this.publication = publication;
	}

	PaymentRecording.Recorded receive(WebhookPayload payload, Instant now) {
		var delivered = this.jdbc.sql("SELECT payment_id FROM webhook_delivery WHERE provider_event_id = :id")
			.param("id", payload.eventId())
			.query(UUID.class)
			.optional();
		if (delivered.isPresent()) {
			this.publication.duplicate("webhook");
			return new PaymentRecording.Recorded(this.recording.find(delivered.get()), true);
		}
		Invoice invoice = invoice(payload);
		var recorded = this.recording.record(invoice.id(), new Money(payload.amount(), payload.currency()),
				PaymentOrigin.provider(payload.paymentId()));
		this.jdbc.sql("""
				INSERT INTO webhook_delivery (provider_event_id, payment_id, received_at) VALUES (:id, :payment, :at)
				ON CONFLICT (provider_event_id) DO NOTHING
				""")
			.param("id", payload.eventId())
			.param("payment", recorded.payment().id())
			.param("at", Timestamp.from(now))
			.update();
		return recorded;
	}

	private Invoice invoice(WebhookPayload payload) {
		if (payload.invoiceId() != null) {
			return this.invoices.find(payload.invoiceId())
				.orElseThrow(() -> new Unacceptable("Invoice " + payload.invoiceId() + " does not exist"));
		}
		if (payload.paymentReference() != null) {
			String reference = payload.paymentReference().replace(" ", "");
			if (!CreditorReference.isValid(reference)) {
				throw new Unacceptable(reference + " is not a valid ISO 11649 creditor reference");
			}
			return this.invoices.findByPaymentReference(reference)
				.orElseThrow(() -> new Unacceptable("No invoice has payment reference " + reference));
		}
		throw new Unacceptable("Name the invoice: invoiceId or paymentReference");
	}

}
