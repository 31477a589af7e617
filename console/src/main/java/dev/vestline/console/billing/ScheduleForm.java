package dev.vestline.console.billing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A fee schedule as the person typed it: sent to the service as typed (numbers as the
 * decimal strings billing reads), so that the service judges it and names the field it
 * refuses.
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

	Map<String, Object> body() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("vehicleId", blankAsNull(this.vehicleId));
		body.put("currency", blankAsNull(this.currency));
		body.put("subscriptionFeeBps", number(this.subscriptionFeeBps));
		body.put("subscriptionFeeMinimum", blankAsNull(this.subscriptionFeeMinimum));
		body.put("managementFeeBps", number(this.managementFeeBps));
		return body;
	}

	/**
	 * A whole number goes as a number; anything else as typed, for the service to refuse
	 * by name.
	 */
	private static @Nullable Object number(@Nullable String typed) {
		String value = blankAsNull(typed);
		if (value == null) {
			return null;
		}
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException notWhole) {
			return value;
		}
	}

	private static @Nullable String blankAsNull(@Nullable String typed) {
		return (typed == null || typed.isBlank()) ? null : typed.strip();
	}

}
