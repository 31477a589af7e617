package dev.vestline.approval.deals;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The deals, the two conditional updates that move what is reserved, and the changes
 * operators make to a deal.
 */
@Repository
public class Deals {

	private final JdbcClient jdbc;

	Deals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Deal deal) {
		this.jdbc.sql("""
				INSERT INTO deal (id, vehicle_id, name, currency, capacity, reserved, created_by, created_at)
				VALUES (:id, :vehicle, :name, :currency, :capacity, 0, :by, :at)
				""")
			.param("id", deal.id())
			.param("vehicle", deal.vehicleId())
			.param("name", deal.name())
			.param("currency", deal.currency())
			.param("capacity", deal.capacity())
			.param("by", deal.createdBy())
			.param("at", Timestamp.from(deal.createdAt()))
			.update();
	}

	public Optional<Deal> find(UUID id) {
		return this.jdbc.sql("SELECT * FROM deal WHERE id = :id").param("id", id).query(Deals::map).optional();
	}

	/**
	 * Reads a deal and holds its row lock until the transaction ends, so no reservation
	 * or other change moves it meanwhile.
	 */
	Optional<Deal> lock(UUID id) {
		return this.jdbc.sql("SELECT * FROM deal WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(Deals::map)
			.optional();
	}

	/** Ids are time-ordered UUIDv7, so "after the last id seen" is a stable cursor. */
	List<Deal> page(@Nullable UUID vehicle, @Nullable UUID after, int limit) {
		return this.jdbc.sql("""
				SELECT * FROM deal
				 WHERE (CAST(:vehicle AS uuid) IS NULL OR vehicle_id = CAST(:vehicle AS uuid))
				   AND (CAST(:after AS uuid) IS NULL OR id < CAST(:after AS uuid))
				 ORDER BY id DESC
				 LIMIT :limit
				""").param("vehicle", vehicle).param("after", after).param("limit", limit).query(Deals::map).list();
	}

	/**
	 * Renames a deal or changes its capacity. Callers hold the row lock ({@link #lock});
	 * the version condition and the CHECK on the table stand behind them.
	 * @return the deal as changed
	 */
	Deal change(Deal deal, String name, BigDecimal capacity) {
		return this.jdbc.sql("""
				UPDATE deal SET name = :name, capacity = :capacity, version = version + 1
				 WHERE id = :id AND version = :version
				RETURNING *
				""")
			.param("name", name)
			.param("capacity", capacity)
			.param("id", deal.id())
			.param("version", deal.version())
			.query(Deals::map)
			.optional()
			.orElseThrow(() -> new IllegalStateException("Deal " + deal.id() + " moved while its row was locked"));
	}

	void record(DealChange change) {
		this.jdbc.sql("""
				INSERT INTO deal_change (deal_id, version, changed_by, changed_at, name_before, name_after,
				                         capacity_before, capacity_after, reserved, reason)
				VALUES (:deal, :version, :by, :at, :nameBefore, :nameAfter, :capacityBefore, :capacityAfter,
				        :reserved, :reason)
				""")
			.param("deal", change.dealId())
			.param("version", change.version())
			.param("by", change.changedBy())
			.param("at", Timestamp.from(change.changedAt()))
			.param("nameBefore", change.nameBefore())
			.param("nameAfter", change.nameAfter())
			.param("capacityBefore", change.capacityBefore())
			.param("capacityAfter", change.capacityAfter())
			.param("reserved", change.reserved())
			.param("reason", change.reason())
			.update();
	}

	/** The changes of a deal, oldest first. */
	List<DealChange> changes(UUID deal) {
		return this.jdbc.sql("SELECT * FROM deal_change WHERE deal_id = :deal ORDER BY version")
			.param("deal", deal)
			.query((rs, row) -> new DealChange(rs.getObject("deal_id", UUID.class), rs.getLong("version"),
					rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant(), rs.getString("name_before"),
					rs.getString("name_after"), rs.getBigDecimal("capacity_before"), rs.getBigDecimal("capacity_after"),
					rs.getBigDecimal("reserved"), rs.getString("reason")))
			.list();
	}

	/**
	 * Reserves an amount in one conditional update, which the row lock serialises with
	 * every other reservation of the deal.
	 * @return {@code false} when it does not fit in what is left
	 */
	public boolean reserve(UUID deal, BigDecimal amount) {
		return this.jdbc.sql("""
				UPDATE deal SET reserved = reserved + :amount, version = version + 1
				 WHERE id = :id AND reserved + :amount <= capacity
				""").param("amount", amount).param("id", deal).update() == 1;
	}

	/**
	 * Gives a reserved amount back. Callers release only what a guarded transition of the
	 * approval took back from it, so each reservation is released once.
	 */
	public void release(UUID deal, BigDecimal amount) {
		int released = this.jdbc.sql("""
				UPDATE deal SET reserved = reserved - :amount, version = version + 1
				 WHERE id = :id AND reserved >= :amount
				""").param("amount", amount).param("id", deal).update();
		if (released != 1) {
			throw new IllegalStateException("Deal " + deal + " does not hold " + amount + " to release");
		}
	}

	private static Deal map(ResultSet rs, int row) throws SQLException {
		return new Deal(rs.getObject("id", UUID.class), rs.getObject("vehicle_id", UUID.class), rs.getString("name"),
				rs.getString("currency"), rs.getBigDecimal("capacity"), rs.getBigDecimal("reserved"),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getLong("version"));
	}

}
