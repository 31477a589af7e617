package dev.vestline.billing;

import java.math.BigDecimal;
import java.util.UUID;

import dev.vestline.billing.invoices.InvoiceRun;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test fixture: issues a real invoice of a given total to a fresh investor.
 */
public final class Invoicing {

	private Invoicing() {
	}

	/**
	 * @return the id of an ISSUED invoice with one fee of that amount
	 */
	public static UUID issue(JdbcClient jdbc, InvoiceRun run, String investor, String amount) {
		jdbc.sql("""
				INSERT INTO fee (id, subscription_id, investor_id, vehicle_id, fee_type, amount, currency, status,
				                 accrued_at)
				VALUES (gen_random_uuid(), gen_random_uuid(), ?, gen_random_uuid(), 'SUBSCRIPTION', ?, 'EUR',
				        'ACCRUED', now())
				""").params(investor, new BigDecimal(amount)).update();
		run.run();
		return jdbc.sql("SELECT id FROM invoice WHERE investor_id = ? AND status = 'ISSUED' ORDER BY id DESC LIMIT 1")
			.param(investor)
			.query(UUID.class)
			.single();
	}

}
