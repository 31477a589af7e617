package dev.vestline.console.approvals;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.vestline.console.services.ServiceProblem;

/**
 * A new deal as the person typed it. The console checks only that the capacity is a
 * number; the service judges the rest (the vehicle an id, the currency one it holds, the
 * capacity's range and decimals) and names the field it refuses.
 *
 * @param vehicleId the vehicle: a new one's id (the form offers one) or an existing one's
 * @param name what people call the deal
 * @param currency ISO 4217
 * @param capacity the allocation capacity, as typed
 */
record DealForm(@Nullable String vehicleId, @Nullable String name, @Nullable String currency,
		@Nullable String capacity) {

	/** A deal of a new vehicle: Vestline has no vehicle register, a vehicle is its id. */
	static DealForm forNewVehicle() {
		return new DealForm(UUID.randomUUID().toString(), "", "EUR", "");
	}

	/**
	 * @throws ServiceProblem a 400 naming the capacity when it is not a number
	 */
	Map<String, Object> body() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("vehicleId", blankAsNull(this.vehicleId));
		body.put("name", blankAsNull(this.name));
		body.put("currency", blankAsNull(this.currency));
		body.put("capacity", capacityAsNumber());
		return body;
	}

	private @Nullable BigDecimal capacityAsNumber() {
		String typed = blankAsNull(this.capacity);
		if (typed == null) {
			return null;
		}
		try {
			return new BigDecimal(typed.replace(",", ""));
		}
		catch (NumberFormatException notANumber) {
			throw new ServiceProblem(400, "invalid-request", "Invalid request", "The capacity must be a number",
					List.of(new ServiceProblem.FieldError("capacity", "must be a number such as 5000000.00")));
		}
	}

	private static @Nullable String blankAsNull(@Nullable String typed) {
		return (typed == null || typed.isBlank()) ? null : typed.strip();
	}

}
