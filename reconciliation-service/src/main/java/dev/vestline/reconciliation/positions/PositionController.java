package dev.vestline.reconciliation.positions;

import java.util.List;
import java.util.UUID;

import dev.vestline.support.domain.NotFound;
import dev.vestline.support.domain.NotPermitted;
import dev.vestline.support.web.IfMatch;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads positions: operations staff read anyone's, an investor only their own.
 */
@RestController
@RequestMapping("/api/v1/positions")
class PositionController {

	private final Positions positions;

	PositionController(Positions positions) {
		this.positions = positions;
	}

	@GetMapping
	List<Position> ofInvestor(@RequestParam String investorId, Authentication caller) {
		mayRead(caller, investorId);
		return this.positions.of(investorId);
	}

	@GetMapping("/{investorId}/{vehicleId}")
	ResponseEntity<PositionWithMovements> get(@PathVariable String investorId, @PathVariable UUID vehicleId,
			Authentication caller) {
		mayRead(caller, investorId);
		Position position = this.positions.find(investorId, vehicleId)
			.orElseThrow(() -> new NotFound("Investor " + investorId + " holds no position in " + vehicleId));
		return ResponseEntity.ok()
			.eTag(IfMatch.etag(position.version()))
			.body(new PositionWithMovements(position, this.positions.movements(position.id())));
	}

	private static void mayRead(Authentication caller, String investorId) {
		boolean operations = caller.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch("ROLE_operations"::equals);
		if (!operations && !caller.getName().equals(investorId)) {
			throw new NotPermitted("An investor may read only their own positions");
		}
	}

	/**
	 * A position and every movement that made it, oldest first.
	 *
	 * @param position the position
	 * @param movements its movements
	 */
	record PositionWithMovements(Position position, List<Movement> movements) {

	}

}
