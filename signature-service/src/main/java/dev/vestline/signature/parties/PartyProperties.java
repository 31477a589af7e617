package dev.vestline.signature.parties;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vestline.signature.parties.*}: the parties of vehicles configured at deploy
 * time; parties set through the API take precedence.
 *
 * @param vehicles by vehicle id
 */
@ConfigurationProperties("vestline.signature.parties")
public record PartyProperties(@DefaultValue Map<UUID, VehicleParties> vehicles) {

	/**
	 * @param counterparty who signs NDAs, or {@code null}
	 * @param arranger who signs subscription packs, or {@code null}
	 */
	public record VehicleParties(@Nullable Party counterparty, @Nullable Party arranger) {

	}

}
