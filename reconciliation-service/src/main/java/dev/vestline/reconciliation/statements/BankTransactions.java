package dev.vestline.reconciliation.statements;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The imported bank lines, each once per (account, bank reference).
 */
@Repository
class BankTransactions {

	private final JdbcClient jdbc;

	BankTransactions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts the line unless its (account, bank reference) exists; a concurrent import
	 * of the same line waits for the first and then inserts nothing.
	 * @return whether it was new
	 */
	boolean insertIfAbsent(UUID id, BankLine line, StatementFormat format, String importedBy, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO bank_transaction (id, account_id, bank_reference, amount, currency, booking_date,
				       counterparty_name, remittance_information, source_format, imported_by, imported_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (account_id, bank_reference) DO NOTHING
				""")
			.params(id, line.accountId(), line.bankReference(), line.amount(), line.currency(), line.bookingDate(),
					line.counterpartyName(), line.remittanceInformation(), format.name(), importedBy,
					Timestamp.from(now))
			.update() == 1;
	}

	Optional<BankTransaction> find(UUID id) {
		return this.jdbc.sql("""
				SELECT t.*, EXISTS (SELECT 1 FROM bank_match m
				                     WHERE m.bank_transaction_id = t.id AND m.status = 'ACCEPTED') AS accepted,
				       (SELECT min(m.id::text) FROM bank_match m
				         WHERE m.bank_transaction_id = t.id AND m.status = 'SUGGESTED')::uuid AS suggestion
				  FROM bank_transaction t WHERE t.id = ?
				""").param(id).query(BankTransactions::transaction).optional();
	}

	/** Keyset page of credits no accepted match holds yet: an operator's work list. */
	List<BankTransaction> unmatchedCredits(@Nullable UUID after, int limit) {
		return this.jdbc.sql("""
				SELECT t.*, false AS accepted,
				       (SELECT min(m.id::text) FROM bank_match m
				         WHERE m.bank_transaction_id = t.id AND m.status = 'SUGGESTED')::uuid AS suggestion
				  FROM bank_transaction t
				 WHERE t.amount > 0 AND (CAST(:after AS uuid) IS NULL OR t.id > :after)
				   AND NOT EXISTS (SELECT 1 FROM bank_match m
				                    WHERE m.bank_transaction_id = t.id AND m.status = 'ACCEPTED')
				 ORDER BY t.id LIMIT :limit
				""").param("after", after).param("limit", limit).query(BankTransactions::transaction).list();
	}

	private static BankTransaction transaction(ResultSet rs, int row) throws SQLException {
		return new BankTransaction(rs.getObject("id", UUID.class), rs.getString("account_id"),
				rs.getString("bank_reference"), rs.getBigDecimal("amount"), rs.getString("currency"),
				rs.getObject("booking_date", LocalDate.class), rs.getString("counterparty_name"),
				rs.getString("remittance_information"), rs.getTimestamp("imported_at").toInstant(),
				rs.getBoolean("accepted"), rs.getObject("suggestion", UUID.class),
				rs.getString("no_suggestion_reason"));
	}

	Optional<BankLine> find(String accountId, String bankReference) {
		return this.jdbc.sql("""
				SELECT account_id, bank_reference, amount, currency, booking_date, counterparty_name,
				       remittance_information
				  FROM bank_transaction WHERE account_id = ? AND bank_reference = ?
				""").params(accountId, bankReference).query(BankLine.class).optional();
	}

}
