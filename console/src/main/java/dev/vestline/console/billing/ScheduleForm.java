package dev.vestline.console.billing;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.vestline.console.services.ServiceProblem;

/**
 * A fee schedule as the person typed it. The console checks only that the numbers are
 * numbers; the service judges the rest (ranges, currency, decimals) and names the field
 * it refuses.
 *
 * @param vehicleId the vehicle
 * @param currency ISO 4217
 * @param subscriptionFeeBps basis points, as typed
 * @param subscriptionFeeMinimum the minimum, as typed; blank for none
 * @param managementFeeBps basis points, as typed
 */
record ScheduleForm(@Nullable String vehicleId, @Nullable String currency, @Nullable String subscriptionFeeBps,
		@Nullable String subscriptionFeeMinimum, @Nullable String managementFeeBps) {

	static ScheduleForm of(FeeSchedule schedule) {
		return new ScheduleForm(schedule.vehicleId().toString(), schedule.currency(),
				String.valueOf(schedule.subscriptionFeeBps()),
				(schedule.subscriptionFeeMinimum() != null) ? schedule.subscriptionFeeMinimum().toPlainString() : "",
				String.valueOf(schedule.managementFeeBps()));
	}

	static ScheduleForm empty(@Nullable UUID vehicle) {
		return new ScheduleForm((vehicle != null) ? vehicle.toString() : "", "EUR", "", "", "");
	}

	/**
	 * @throws ServiceProblem a 400 naming each field that is not a number (a rate not a
	 * whole one), worded like the service's own; ranges, currencies and decimals are left
	 * to the service
	 */
	Map<String, Object> body() {
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("vehicleId", blankAsNull(this.vehicleId));
		body.put("currency", blankAsNull(this.currency));
		body.put("subscriptionFeeBps", number("subscriptionFeeBps", this.subscriptionFeeBps, true, errors));
		body.put("subscriptionFeeMinimum",
				number("subscriptionFeeMinimum", this.subscriptionFeeMinimum, false, errors));
		body.put("managementFeeBps", number("managementFeeBps", this.managementFeeBps, true, errors));
		if (!errors.isEmpty()) {
			throw new ServiceProblem(400, "invalid-request", "Invalid request", "Some fields are not numbers",
					errors.entrySet()
						.stream()
						.map((error) -> new ServiceProblem.FieldError(error.getKey(), error.getValue()))
						.toList());
		}
		return body;
	}

	private static @Nullable BigDecimal number(String field, @Nullable String typed, boolean whole,
			Map<String, String> errors) {
		String value = blankAsNull(typed);
		if (value == null) {
			return null;
		}
		try {
			BigDecimal number = new BigDecimal(value.replace(",", ""));
			if (whole && number.stripTrailingZeros().scale() > 0) {
				errors.put(field, "must be a whole number of basis points, such as 150");
			}
			return number;
		}
		catch (NumberFormatException notANumber) {
			errors.put(field,
					whole ? "must be a whole number of basis points, such as 150" : "must be an amount such as 500.00");
			return null;
		}
	}

	private static @Nullable String blankAsNull(@Nullable String typed) {
		return (typed == null || typed.isBlank()) ? null : typed.strip();
	}

}
