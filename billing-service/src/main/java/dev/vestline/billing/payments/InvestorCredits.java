package dev.vestline.billing.payments;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.vestline.billing.Ids;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Investor credit: every change writes a {@code credit_entry} and moves the
 * {@code investor_credit} balance in the same transaction; the balance's CHECK keeps it
 * from going negative, so credit = received - applied always.
 */
@Repository
class InvestorCredits {

	private final JdbcClient jdbc;

	InvestorCredits(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void receive(String investorId, String currency, BigDecimal amount, UUID paymentId, UUID invoiceId, Instant at) {
		this.jdbc.sql("""
				INSERT INTO investor_credit (investor_id, currency, balance) VALUES (:investor, :currency, :amount)
				ON CONFLICT (investor_id, currency)
				DO UPDATE SET balance = investor_credit.balance + :amount, version = investor_credit.version + 1
				""").param("investor", investorId).param("currency", currency).param("amount", amount).update();
		entry(investorId, currency, "RECEIVED", amount, paymentId, invoiceId, at);
	}

	/** Locks the investor's balance until the transaction ends. */
	BigDecimal lockBalance(String investorId, String currency) {
		return this.jdbc.sql("""
				SELECT balance FROM investor_credit WHERE investor_id = :investor AND currency = :currency
				   FOR UPDATE
				""")
			.param("investor", investorId)
			.param("currency", currency)
			.query(BigDecimal.class)
			.optional()
			.orElse(BigDecimal.ZERO);
	}

	/**
	 * @return false when the balance does not cover the amount
	 */
	boolean apply(String investorId, String currency, BigDecimal amount, UUID paymentId, UUID invoiceId, Instant at) {
		int updated = this.jdbc.sql("""
				UPDATE investor_credit SET balance = balance - :amount, version = version + 1
				 WHERE investor_id = :investor AND currency = :currency AND balance >= :amount
				""").param("investor", investorId).param("currency", currency).param("amount", amount).update();
		if (updated == 1) {
			entry(investorId, currency, "APPLIED", amount.negate(), paymentId, invoiceId, at);
		}
		return updated == 1;
	}

	/**
	 * Takes a reversed payment's credit back, as far as it was not spent.
	 * @return how much was taken back, at most {@code amount}
	 */
	BigDecimal takeBack(String investorId, String currency, BigDecimal amount, UUID paymentId, UUID invoiceId,
			Instant at) {
		BigDecimal recovered = lockBalance(investorId, currency).min(amount);
		if (recovered.signum() > 0) {
			this.jdbc.sql("""
					UPDATE investor_credit SET balance = balance - :amount, version = version + 1
					 WHERE investor_id = :investor AND currency = :currency
					""").param("investor", investorId).param("currency", currency).param("amount", recovered).update();
			entry(investorId, currency, "REVERSED", recovered.negate(), paymentId, invoiceId, at);
		}
		return recovered;
	}

	List<Balance> balances(String investorId) {
		return this.jdbc.sql("""
				SELECT currency, balance FROM investor_credit WHERE investor_id = :investor ORDER BY currency
				""")
			.param("investor", investorId)
			.query((rs, n) -> new Balance(rs.getString(1), rs.getBigDecimal(2)))
			.list();
	}

	private void entry(String investorId, String currency, String kind, BigDecimal amount, UUID paymentId,
			UUID invoiceId, Instant at) {
		this.jdbc.sql("""
				INSERT INTO credit_entry (id, investor_id, currency, kind, amount, payment_id, invoice_id, created_at)
				VALUES (:id, :investor, :currency, :kind, :amount, :payment, :invoice, :at)
				""")
			.param("id", Ids.next())
			.param("investor", investorId)
			.param("currency", currency)
			.param("kind", kind)
			.param("amount", amount)
			.param("payment", paymentId)
			.param("invoice", invoiceId)
			.param("at", Timestamp.from(at))
			.update();
	}

	/**
	 * @param currency ISO 4217 code
	 * @param balance the credit available
	 */
	record Balance(String currency, BigDecimal balance) {
	}

}
