package dev.vestline.signature.parties;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds who signs for a vehicle in a role: set through the API, else configured.
 */
@Component
@EnableConfigurationProperties(PartyProperties.class)
public class VehicleParties {

	private final JdbcClient jdbc;

	private final PartyProperties configured;

	private final Clock clock;

	VehicleParties(JdbcClient jdbc, PartyProperties configured, Clock clock) {
		this.jdbc = jdbc;
		this.configured = configured;
		this.clock = clock;
	}

	/**
	 * @param vehicleId the vehicle
	 * @param role the role
	 * @return the party, if there is one
	 */
	public Optional<Party> find(UUID vehicleId, PartyRole role) {
		Optional<Party> stored = this.jdbc
			.sql("""
					SELECT party_id, party_name AS name, party_email AS email FROM vehicle_party WHERE vehicle_id = :vehicle AND role = :role
					""")
			.param("vehicle", vehicleId)
			.param("role", role.name())
			.query(Party.class)
			.optional();
		return stored.or(() -> Optional.ofNullable(this.configured.vehicles().get(vehicleId))
			.map((parties) -> (role == PartyRole.ARRANGER) ? parties.arranger() : parties.counterparty()));
	}

	void put(UUID vehicleId, PartyRole role, Party party, String by) {
		this.jdbc
			.sql("""
					INSERT INTO vehicle_party (vehicle_id, role, party_id, party_name, party_email, updated_by, updated_at)
					VALUES (:vehicle, :role, :partyId, :name, :email, :by, :now)
					ON CONFLICT (vehicle_id, role) DO UPDATE
					   SET party_id = EXCLUDED.party_id, party_name = EXCLUDED.party_name, party_email = EXCLUDED.party_email,
					       updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
					""")
			.param("vehicle", vehicleId)
			.param("role", role.name())
			.param("partyId", party.partyId())
			.param("name", party.name())
			.param("email", party.email())
			.param("by", by)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

}
