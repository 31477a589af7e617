package dev.vestline.billing.payments;

import java.math.BigDecimal;
import java.util.UUID;

import dev.vestline.billing.BillingIntegrationTest;
import dev.vestline.billing.Invoicing;
import dev.vestline.support.consistency.ConsistencyCheck;
import dev.vestline.billing.invoices.InvoiceRun;
import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the payment tests share: issuing invoices, recording payments, reading an
 * invoice's state back, and the consistency check at 0 after every test.
 */
abstract class PaymentIntegrationTest extends BillingIntegrationTest {

	@Autowired
	InvoiceRun run;

	@Autowired
	PaymentRecording recording;

	@Autowired
	ConsistencyCheck consistency;

	@AfterEach
	void invariantsHold() {
		assertThat(this.consistency.check().violations())
			.allSatisfy((name, count) -> assertThat(count).as(name).isZero());
	}

	UUID issue(String investor, String amount) {
		return Invoicing.issue(this.jdbc, this.run, investor, amount);
	}

	String status(UUID invoice) {
		return this.jdbc.sql("SELECT status FROM invoice WHERE id = ?").param(invoice).query(String.class).single();
	}

	BigDecimal amountPaid(UUID invoice) {
		return this.jdbc.sql("SELECT amount_paid FROM invoice WHERE id = ?")
			.param(invoice)
			.query(BigDecimal.class)
			.single();
	}

	String paymentReference(UUID invoice) {
		return this.jdbc.sql("SELECT payment_reference FROM invoice WHERE id = ?")
			.param(invoice)
			.query(String.class)
			.single();
	}

}
