package dev.vestline.reconciliation.statements;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

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

	Optional<BankLine> find(String accountId, String bankReference) {
		return this.jdbc.sql("""
				SELECT account_id, bank_reference, amount, currency, booking_date, counterparty_name,
				       remittance_information
				  FROM bank_transaction WHERE account_id = ? AND bank_reference = ?
				""").params(accountId, bankReference).query(BankLine.class).optional();
	}

}
