package dev.vestline.reconciliation.positions;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The unit price a vehicle's fundings are converted to units at; later fundings use the
 * new price, booked movements keep theirs.
 */
@RestController
@RequestMapping("/api/v1/vehicles/{vehicleId}/unit-price")
class VehiclePriceController {

	private final VehiclePrices prices;

	private final Clock clock;

	VehiclePriceController(VehiclePrices prices, Clock clock) {
		this.prices = prices;
		this.clock = clock;
	}

	@GetMapping
	UnitPrice get(@PathVariable UUID vehicleId) {
		return new UnitPrice(this.prices.unitPrice(vehicleId));
	}

	@PutMapping
	UnitPrice set(@PathVariable UUID vehicleId, @Valid @RequestBody UnitPrice price, Authentication caller) {
		this.prices.price(vehicleId, price.unitPrice(), caller.getName(), this.clock.instant());
		return price;
	}

	/**
	 * @param unitPrice the price of one unit, in the vehicle's currency
	 */
	record UnitPrice(@NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 13,
			fraction = 6) @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unitPrice) {

	}

}
