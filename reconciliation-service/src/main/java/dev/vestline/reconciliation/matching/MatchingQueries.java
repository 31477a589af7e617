package dev.vestline.reconciliation.matching;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.vestline.reconciliation.expectations.Invoices;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What auto-matching and manual matching look up: open credits, and the expectations a
 * credit may pay.
 */
@Repository
class MatchingQueries {

	private final JdbcClient jdbc;

	MatchingQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<BankCredit> line(UUID id) {
		return this.jdbc
			.sql("""
					SELECT id, amount, currency, counterparty_name, remittance_information,
					       EXISTS (SELECT 1 FROM bank_match m
					                WHERE m.bank_transaction_id = t.id AND m.status IN ('SUGGESTED', 'ACCEPTED')) AS matched,
					       EXISTS (SELECT 1 FROM bank_match m
					                WHERE m.bank_transaction_id = t.id AND m.status = 'ACCEPTED') AS accepted,
					       EXISTS (SELECT 1 FROM bank_match m
					                WHERE m.bank_transaction_id = t.id AND m.status = 'SUGGESTED' AND m.rule = 'MANUAL')
					         AS manual
					  FROM bank_transaction t WHERE id = ?
					""")
			.param(id)
			.query(BankCredit.class)
			.optional();
	}

	/**
	 * Open (not voided, not fully received) invoices in the currency whose payment
	 * reference the remittance quotes.
	 */
	List<UUID> invoicesQuotedBy(BankCredit line) {
		return this.jdbc.sql("""
				SELECT id FROM invoice
				 WHERE currency = ? AND received < total AND voided_at IS NULL AND strpos(?, payment_reference) > 0
				 ORDER BY id
				""")
			.params(line.currency(), Invoices.normalized(text(line.remittanceInformation())))
			.query(UUID.class)
			.list();
	}

	/**
	 * Subscriptions in the currency still owed exactly this amount by an investor the
	 * line names as a whole token ({@link InvestorMention}).
	 */
	List<UUID> subscriptionsAwaiting(BankCredit line) {
		List<String> tokens = new ArrayList<>(InvestorMention.tokens(line.remittanceInformation()));
		tokens.addAll(InvestorMention.tokens(line.counterpartyName()));
		return this.jdbc.sql("""
				SELECT id FROM subscription
				 WHERE currency = ? AND commitment - funded = ? AND lower(investor_id) = ANY(?)
				 ORDER BY id
				""").params(line.currency(), line.amount(), tokens.toArray(String[]::new)).query(UUID.class).list();
	}

	/**
	 * Makes whoever records an expectation or a bank line in the currency second wait for
	 * the first to commit, so that its matching query sees the first's row: without it,
	 * two transactions at READ COMMITTED could each miss the other's uncommitted row and
	 * neither would suggest the match. Held until the transaction ends.
	 * @param currency the currency of the line or expectation
	 */
	void lockCurrency(String currency) {
		this.jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(hashtext('vestline.reconciliation.matching'), hashtext(?))")
			.param(currency)
			.query(Integer.class)
			.single();
	}

	/**
	 * Tells an operator why a line has no suggestion; {@code null} once it has one.
	 */
	void explain(UUID bankTransactionId, @Nullable String reason) {
		this.jdbc.sql("""
				UPDATE bank_transaction SET no_suggestion_reason = ?
				 WHERE id = ? AND no_suggestion_reason IS DISTINCT FROM ?
				""").params(reason, bankTransactionId, reason).update();
	}

	/**
	 * Whether an operator already rejected matching this line to this target. What
	 * auto-matching withdrew itself (an ambiguous line, a voided invoice) does not count:
	 * a pair withdrawn as ambiguous must still count as fitting, or the line would go to
	 * whichever other expectation was left.
	 */
	boolean rejected(UUID bankTransactionId, UUID targetId) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM bank_match
				                WHERE bank_transaction_id = ? AND coalesce(subscription_id, invoice_id) = ?
				                  AND status = 'REJECTED' AND decided_by <> 'auto-matching')
				""").params(bankTransactionId, targetId).query(Boolean.class).single();
	}

	/** Unmatched credits that may fund a newly expected subscription. */
	List<UUID> creditsForSubscription(UUID subscriptionId) {
		return this.jdbc.sql("""
				SELECT t.id FROM bank_transaction t JOIN subscription s ON s.id = ?
				 WHERE t.amount > 0 AND t.currency = s.currency AND t.amount = s.commitment - s.funded
				   -- a superset of the lines naming the investor as a token; suggestFor decides
				   AND strpos(lower(coalesce(t.remittance_information, '') || ' ' || coalesce(t.counterparty_name, '')),
				              lower(s.investor_id)) > 0
				   AND NOT EXISTS (SELECT 1 FROM bank_match m
				                    WHERE m.bank_transaction_id = t.id
				                      AND (m.status = 'ACCEPTED' OR (m.status = 'SUGGESTED' AND m.rule = 'MANUAL')))
				 ORDER BY t.id LIMIT 100
				""").param(subscriptionId).query(UUID.class).list();
	}

	/** Unmatched credits that quote a newly expected invoice's reference. */
	List<UUID> creditsForInvoice(UUID invoiceId) {
		return this.jdbc.sql("""
				SELECT t.id FROM bank_transaction t JOIN invoice i ON i.id = ?
				 WHERE t.amount > 0 AND t.currency = i.currency
				   AND strpos(upper(replace(coalesce(t.remittance_information, ''), ' ', '')), i.payment_reference) > 0
				   AND NOT EXISTS (SELECT 1 FROM bank_match m
				                    WHERE m.bank_transaction_id = t.id
				                      AND (m.status = 'ACCEPTED' OR (m.status = 'SUGGESTED' AND m.rule = 'MANUAL')))
				 ORDER BY t.id LIMIT 100
				""").param(invoiceId).query(UUID.class).list();
	}

	private static String text(@Nullable String value) {
		return (value != null) ? value : "";
	}

	/**
	 * A bank line as matching sees it.
	 *
	 * @param id the bank transaction
	 * @param amount its amount, negative for a debit
	 * @param currency its currency
	 * @param counterpartyName the payer
	 * @param remittanceInformation what the payer wrote
	 * @param matched whether an open or accepted match holds it
	 * @param accepted whether an accepted match holds it
	 * @param manual whether an operator's open match holds it
	 */
	record BankCredit(UUID id, BigDecimal amount, String currency, @Nullable String counterpartyName,
			@Nullable String remittanceInformation, boolean matched, boolean accepted, boolean manual) {

	}

}
