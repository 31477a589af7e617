package dev.vestline.billing.consistency;

import java.util.UUID;

import dev.vestline.billing.BillingIntegrationTest;
import dev.vestline.billing.Invoicing;
import dev.vestline.billing.invoices.InvoiceRun;
import dev.vestline.billing.payments.PaymentOrigin;
import dev.vestline.billing.payments.PaymentRecording;
import dev.vestline.events.Money;
import dev.vestline.support.consistency.ConsistencyCheck;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check sees the states the money defects of issue 16 left behind, each written here
 * as the defective code wrote it, and is back at 0 once it is gone.
 */
class ConsistencyCheckIntegrationTests extends BillingIntegrationTest {

	@Autowired
	ConsistencyCheck check;

	@Autowired
	InvoiceRun run;

	@Autowired
	PaymentRecording recording;

	@Test
	void countsABankMatchWhosePaymentWasDroppedOrWhosePaymentAnotherReversalTookBack() {
		UUID line = UUID.randomUUID();
		UUID first = Invoicing.issue(this.jdbc, this.run, "investor-" + UUID.randomUUID(), "250.00");
		PaymentOrigin firstMatch = PaymentOrigin.bank(line, UUID.randomUUID());
		this.recording.record(first, Money.of("250.00", "EUR"), firstMatch);
		UUID second = Invoicing.issue(this.jdbc, this.run, "investor-" + UUID.randomUUID(), "250.00");
		UUID secondMatch = UUID.randomUUID();
		assertThat(violations("bank_match_paid_by_its_payment")).isZero();
		try {
			// the line matched again to the second invoice, its payment dropped as a
			// "duplicate" of the first match's
			this.jdbc.sql("""
					INSERT INTO bank_match (match_id, invoice_id, bank_transaction_id, amount, currency, received_at)
					VALUES (?, ?, ?, 250.00, 'EUR', now())
					""").params(secondMatch, second, line).update();
			assertThat(violations("bank_match_paid_by_its_payment")).isEqualTo(1);

			// and the first match reported reversed while its payment still stands
			this.jdbc.sql("UPDATE bank_match SET reversed_at = now() WHERE match_id = ?")
				.param(firstMatch.matchId())
				.update();
			assertThat(violations("bank_match_paid_by_its_payment")).isEqualTo(2);
		}
		finally {
			this.jdbc.sql("DELETE FROM bank_match WHERE match_id = ?").param(secondMatch).update();
			this.jdbc.sql("UPDATE bank_match SET reversed_at = NULL WHERE match_id = ?")
				.param(firstMatch.matchId())
				.update();
		}
		assertThat(violations("bank_match_paid_by_its_payment")).isZero();
	}

	@Test
	void countsAFeeBookedInAnotherCurrencyThanItsSubscription() {
		UUID subscription = UUID.randomUUID();
		UUID vehicle = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO funded_subscription (subscription_id, investor_id, vehicle_id, commitment, total_funded,
				                                 currency, first_funded_at, last_funded_at)
				VALUES (?, 'investor-usd', ?, 100000.00, 100000.00, 'USD', now(), now())
				""").params(subscription, vehicle).update();
		assertThat(violations("fee_currency_is_subscription_currency")).isZero();
		try {
			// a management fee computed on the USD commitment, booked in the vehicle's
			// EUR
			this.jdbc.sql("""
					INSERT INTO fee (id, subscription_id, investor_id, vehicle_id, fee_type, period, amount, currency,
					                 status, accrued_at)
					VALUES (gen_random_uuid(), ?, 'investor-usd', ?, 'MANAGEMENT', '2033-Q2', 500.00, 'EUR', 'ACCRUED',
					        now())
					""").params(subscription, vehicle).update();
			assertThat(violations("fee_currency_is_subscription_currency")).isEqualTo(1);
		}
		finally {
			this.jdbc.sql("DELETE FROM fee WHERE subscription_id = ?").param(subscription).update();
			this.jdbc.sql("DELETE FROM funded_subscription WHERE subscription_id = ?").param(subscription).update();
		}
		assertThat(violations("fee_currency_is_subscription_currency")).isZero();
	}

	private long violations(String invariant) {
		return this.check.check().violations().get(invariant);
	}

}
