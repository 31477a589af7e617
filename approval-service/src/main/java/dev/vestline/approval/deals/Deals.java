package dev.vestline.approval.deals;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The deals, and the two conditional updates that move capacity.
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
