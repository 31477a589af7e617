package dev.vestline.reconciliation.positions;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Positions and their movements. A position is created or grown by one
 * {@code INSERT ... ON CONFLICT DO UPDATE}, so concurrent first fundings of the same
 * (investor, vehicle) end in one row holding both.
 */
@Repository
class Positions {

	private final JdbcClient jdbc;

	Positions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return the position after growing; empty when it is held in another currency
	 */
	Optional<Position> grow(UUID newId, String investorId, UUID vehicleId, BigDecimal units, BigDecimal cost,
			String currency, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO position (id, investor_id, vehicle_id, units, cost_basis, currency, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (investor_id, vehicle_id) DO UPDATE
				   SET units = position.units + excluded.units,
				       cost_basis = position.cost_basis + excluded.cost_basis,
				       version = position.version + 1,
				       updated_at = excluded.updated_at
				 WHERE position.currency = excluded.currency
				RETURNING *
				""")
			.params(newId, investorId, vehicleId, units, cost, currency, Timestamp.from(now))
			.query(Positions::position)
			.optional();
	}

	Position shrink(UUID id, BigDecimal units, BigDecimal cost, Instant now) {
		return this.jdbc.sql("""
				UPDATE position
				   SET units = units - ?, cost_basis = cost_basis - ?, version = version + 1, updated_at = ?
				 WHERE id = ?
				RETURNING *
				""").params(units, cost, Timestamp.from(now), id).query(Positions::position).single();
	}

	void book(Movement movement) {
		this.jdbc.sql("""
				INSERT INTO position_movement (id, position_id, match_id, kind, units_delta, cost_delta, unit_price,
				                               booked_by, booked_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(movement.id(), movement.positionId(), movement.matchId(), movement.kind(), movement.unitsDelta(),
					movement.costDelta(), movement.unitPrice(), movement.bookedBy(),
					Timestamp.from(movement.bookedAt()))
			.update();
	}

	Optional<Movement> movement(UUID matchId, String kind) {
		return this.jdbc.sql("SELECT * FROM position_movement WHERE match_id = ? AND kind = ?")
			.params(matchId, kind)
			.query(Positions::movement)
			.optional();
	}

	Optional<Position> find(String investorId, UUID vehicleId) {
		return this.jdbc.sql("SELECT * FROM position WHERE investor_id = ? AND vehicle_id = ?")
			.params(investorId, vehicleId)
			.query(Positions::position)
			.optional();
	}

	List<Position> of(String investorId) {
		return this.jdbc.sql("SELECT * FROM position WHERE investor_id = ? ORDER BY vehicle_id")
			.param(investorId)
			.query(Positions::position)
			.list();
	}

	List<Movement> movements(UUID positionId) {
		return this.jdbc.sql("SELECT * FROM position_movement WHERE position_id = ? ORDER BY booked_at, id")
			.param(positionId)
			.query(Positions::movement)
			.list();
	}

	private static Position position(ResultSet rs, int row) throws SQLException {
		return new Position(rs.getObject("id", UUID.class), rs.getString("investor_id"),
				rs.getObject("vehicle_id", UUID.class), rs.getBigDecimal("units"), rs.getBigDecimal("cost_basis"),
				rs.getString("currency"), rs.getLong("version"), rs.getTimestamp("updated_at").toInstant());
	}

	private static Movement movement(ResultSet rs, int row) throws SQLException {
		return new Movement(rs.getObject("id", UUID.class), rs.getObject("position_id", UUID.class),
				rs.getObject("match_id", UUID.class), rs.getString("kind"), rs.getBigDecimal("units_delta"),
				rs.getBigDecimal("cost_delta"), rs.getBigDecimal("unit_price"), rs.getString("booked_by"),
				rs.getTimestamp("booked_at").toInstant());
	}

}
