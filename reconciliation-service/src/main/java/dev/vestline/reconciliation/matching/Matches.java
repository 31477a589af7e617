package dev.vestline.reconciliation.matching;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.vestline.events.reconciliation.MatchTarget;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The matches. Every transition is one conditional UPDATE on status and version; the
 * partial unique index {@code bank_match_one_accepted_per_line} stands behind accepting.
 */
@Repository
class Matches {

	private final JdbcClient jdbc;

	Matches(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return false when the same open match exists already
	 */
	boolean propose(Match match) {
		return this.jdbc.sql("""
				INSERT INTO bank_match (id, bank_transaction_id, target, subscription_id, invoice_id, amount, currency,
				                        rule, status, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'SUGGESTED', ?, ?)
				ON CONFLICT DO NOTHING
				""")
			.params(match.id(), match.bankTransactionId(), match.target().name(), match.subscriptionId(),
					match.invoiceId(), match.amount(), match.currency(), match.rule().name(), match.createdBy(),
					Timestamp.from(match.createdAt()))
			.update() == 1;
	}

	Optional<Match> find(UUID id) {
		return this.jdbc.sql("SELECT * FROM bank_match WHERE id = ?").param(id).query(Matches::map).optional();
	}

	/** Keyset page by id (UUIDv7, so oldest first). */
	List<Match> page(MatchStatus status, @Nullable UUID after, int limit) {
		return this.jdbc.sql("""
				SELECT * FROM bank_match
				 WHERE status = :status AND (CAST(:after AS uuid) IS NULL OR id > :after)
				 ORDER BY id
				 LIMIT :limit
				""")
			.param("status", status.name())
			.param("after", after)
			.param("limit", limit)
			.query(Matches::map)
			.list();
	}

	/**
	 * Locks the bank line, so that decisions on its matches run one after the other:
	 * accepting one match supersedes the others, and two accepts of competing matches
	 * must not lock each other's rows in opposite order.
	 */
	void lockLine(UUID bankTransactionId) {
		this.jdbc.sql("SELECT id FROM bank_transaction WHERE id = ? FOR NO KEY UPDATE")
			.param(bankTransactionId)
			.query(UUID.class)
			.single();
	}

	boolean accept(UUID id, long version, String by, Instant now) {
		return this.jdbc.sql("""
				UPDATE bank_match SET status = 'ACCEPTED', decided_by = ?, decided_at = ?, version = version + 1
				 WHERE id = ? AND status = 'SUGGESTED' AND version = ?
				""").params(by, Timestamp.from(now), id, version).update() == 1;
	}

	boolean reject(UUID id, long version, String by, Instant now, @Nullable String reason) {
		return this.jdbc.sql("""
				UPDATE bank_match
				   SET status = 'REJECTED', decided_by = ?, decided_at = ?, reason = ?, version = version + 1
				 WHERE id = ? AND status = 'SUGGESTED' AND version = ?
				""").params(by, Timestamp.from(now), reason, id, version).update() == 1;
	}

	boolean reverse(UUID id, long version, String by, Instant now, String reason) {
		return this.jdbc.sql("""
				UPDATE bank_match
				   SET status = 'REVERSED', reversed_by = ?, reversed_at = ?, reason = ?, version = version + 1
				 WHERE id = ? AND status = 'ACCEPTED' AND version = ?
				""").params(by, Timestamp.from(now), reason, id, version).update() == 1;
	}

	/** Rejects the open matches of an invoice that is no longer expected. */
	int withdrawOpen(UUID invoiceId, String reason, Instant now) {
		return this.jdbc.sql("""
				UPDATE bank_match
				   SET status = 'REJECTED', decided_by = 'auto-matching', decided_at = ?, reason = ?,
				       version = version + 1
				 WHERE invoice_id = ? AND status = 'SUGGESTED'
				""").params(Timestamp.from(now), reason, invoiceId).update();
	}

	/**
	 * Withdraws the open suggestions auto-matching made for a line that turned out to fit
	 * more than one expectation; an operator's own open match stays.
	 */
	int withdrawSuggested(UUID bankTransactionId, String reason, Instant now) {
		return this.jdbc.sql("""
				UPDATE bank_match
				   SET status = 'REJECTED', decided_by = 'auto-matching', decided_at = ?, reason = ?,
				       version = version + 1
				 WHERE bank_transaction_id = ? AND status = 'SUGGESTED' AND rule <> 'MANUAL'
				""").params(Timestamp.from(now), reason, bankTransactionId).update();
	}

	/** Rejects the other open matches of a bank line whose match was just accepted. */
	int supersede(UUID bankTransactionId, UUID accepted, Instant now) {
		return this.jdbc.sql("""
				UPDATE bank_match
				   SET status = 'REJECTED', decided_by = 'auto-matching', decided_at = ?, version = version + 1,
				       reason = 'another match of this bank transaction was accepted'
				 WHERE bank_transaction_id = ? AND status = 'SUGGESTED' AND id <> ?
				""").params(Timestamp.from(now), bankTransactionId, accepted).update();
	}

	private static Match map(ResultSet rs, int row) throws SQLException {
		return new Match(rs.getObject("id", UUID.class), rs.getObject("bank_transaction_id", UUID.class),
				MatchTarget.valueOf(rs.getString("target")), rs.getObject("subscription_id", UUID.class),
				rs.getObject("invoice_id", UUID.class), rs.getBigDecimal("amount"), rs.getString("currency"),
				MatchRule.valueOf(rs.getString("rule")), MatchStatus.valueOf(rs.getString("status")),
				rs.getLong("version"), rs.getString("created_by"), instant(rs, "created_at"),
				rs.getString("decided_by"), instant(rs, "decided_at"), rs.getString("reversed_by"),
				instant(rs, "reversed_at"), rs.getString("reason"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
