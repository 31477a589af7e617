package dev.vestline.billing.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import dev.vestline.billing.BillingIntegrationTest;
import dev.vestline.testharness.mail.TestMailbox;
import dev.vestline.billing.invoices.InvoiceRun;
import dev.vestline.events.Contact;
import dev.vestline.events.Money;
import dev.vestline.events.signature.DocumentKind;
import dev.vestline.events.signature.SigningWorkflowCompleted;
import dev.vestline.messaging.cloudevents.EventRecords;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each issued invoice reaches its investor by mail, at the address the signed
 * subscription pack carried; an investor whose address is unknown gets none and the
 * invoice is issued all the same.
 */
class InvoiceMailIntegrationTests extends BillingIntegrationTest {

	@Autowired
	InvoiceRun run;

	@Autowired
	GreenMail smtp;

	@Test
	void mailsTheIssuedInvoiceToTheInvestorAtTheAddressTheSignedPackCarried() throws Exception {
		String address = "ivy-" + UUID.randomUUID() + "@investor.example.org";
		SigningWorkflowCompleted signed = signed(schedule(), new Contact("Ivy Investor", address));
		send(EventRecords.record(signed));
		await().atMost(Duration.ofSeconds(60)).until(() -> fees(signed.investorId()) == 1);

		this.run.run();

		await().atMost(Duration.ofSeconds(60)).until(() -> !TestMailbox.to(this.smtp, address).isEmpty());
		List<MimeMessage> received = TestMailbox.to(this.smtp, address);
		assertThat(received).hasSize(1);
		MimeMessage invoice = received.get(0);
		Map<String, Object> row = this.jdbc
			.sql("SELECT id, invoice_number, payment_reference, total FROM invoice WHERE investor_id = ?")
			.param(signed.investorId())
			.query()
			.singleRow();
		assertThat(invoice.getSubject()).startsWith("Your invoice " + row.get("invoice_number") + ": 2000.00 EUR due ");
		assertThat(invoice.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
			.containsExactly("Ivy Investor <" + address + ">");
		assertThat(invoice.getFrom()).extracting(Object::toString)
			.containsExactly("Vestline billing <billing@vestline.example.com>");
		assertThat(invoice.getMessageID()).startsWith("<invoice." + row.get("id") + ".1.");
		String text = plainText(invoice);
		assertThat(text).contains("Hello Ivy Investor", "subscription fee: 2000.00 EUR", "Total: 2000.00 EUR",
				(String) row.get("payment_reference"));
	}

	@Test
	void issuesTheInvoiceWithoutAMailWhenTheInvestorsAddressIsUnknown() {
		SigningWorkflowCompleted signed = signed(schedule(), null);
		this.jdbc.sql("DELETE FROM investor_contact WHERE investor_id = ?").param(signed.investorId()).update();
		this.listener().accept(signed);

		this.run.run();

		assertThat(this.jdbc.sql("SELECT count(*) FROM invoice WHERE investor_id = ?")
			.param(signed.investorId())
			.query(Long.class)
			.single()).isOne();
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM mail_outbox WHERE kind = 'invoice' AND about IN "
					+ "(SELECT id::text FROM invoice WHERE investor_id = ?)")
			.param(signed.investorId())
			.query(Long.class)
			.single()).isZero();
	}

	private java.util.function.Consumer<SigningWorkflowCompleted> listener() {
		return (event) -> {
			try {
				send(EventRecords.record(event));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			await().atMost(Duration.ofSeconds(60)).until(() -> fees(event.investorId()) == 1);
		};
	}

	private UUID schedule() {
		UUID vehicle = UUID.randomUUID();
		assertThat(post("/api/v1/fee-schedules",
				Map.of("vehicleId", vehicle, "currency", "EUR", "subscriptionFeeBps", 200, "managementFeeBps", 200))
			.getStatusCode()
			.value()).isEqualTo(201);
		return vehicle;
	}

	private long fees(String investor) {
		return this.jdbc.sql("SELECT count(*) FROM fee WHERE investor_id = ?")
			.param(investor)
			.query(Long.class)
			.single();
	}

	private static SigningWorkflowCompleted signed(UUID vehicle, Contact investor) {
		return new SigningWorkflowCompleted(UUID.randomUUID(), UUID.randomUUID(), DocumentKind.SUBSCRIPTION_PACK,
				UUID.randomUUID(), vehicle, "investor-" + UUID.randomUUID(), UUID.randomUUID(),
				Money.of("100000.00", "EUR"), 3, "ab".repeat(32), Instant.now(), investor);
	}

	private static String plainText(Part part) throws Exception {
		if (part.isMimeType("text/plain")) {
			return (String) part.getContent();
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = plainText(multipart.getBodyPart(i));
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

}
