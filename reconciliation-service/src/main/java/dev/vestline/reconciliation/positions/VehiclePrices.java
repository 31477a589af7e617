package dev.vestline.reconciliation.positions;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The unit price of each vehicle; 1.00 for a vehicle nobody priced.
 */
@Repository
class VehiclePrices {

	static final BigDecimal DEFAULT_UNIT_PRICE = new BigDecimal("1.00");

	private final JdbcClient jdbc;

	VehiclePrices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	BigDecimal unitPrice(UUID vehicleId) {
		return this.jdbc.sql("SELECT unit_price FROM vehicle_unit_price WHERE vehicle_id = ?")
			.param(vehicleId)
			.query(BigDecimal.class)
			.optional()
			.orElse(DEFAULT_UNIT_PRICE);
	}

	void price(UUID vehicleId, BigDecimal unitPrice, String by, Instant now) {
		this.jdbc.sql("""
				INSERT INTO vehicle_unit_price (vehicle_id, unit_price, set_by, set_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (vehicle_id) DO UPDATE
				   SET unit_price = excluded.unit_price, set_by = excluded.set_by, set_at = excluded.set_at
				""").params(vehicleId, unitPrice, by, Timestamp.from(now)).update();
	}

}
