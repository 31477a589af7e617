package dev.vestline.console.approvals;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.vestline.console.services.ServiceProblem;

/**
 * A subscription as the back office enters it from the investor's signed subscription
 * form, on the investor's behalf. The subscription's id is made when the form is opened,
 * so the same form sent twice is the same subscription. The console checks only that the
 * amount is a number; the service judges the rest and names the field it refuses.
 *
 * @param dealId the deal
 * @param investorId the investor's id
 * @param investorName the investor's name, as the signing mails address them
 * @param investorEmail where the investor's signing link goes
 * @param amount the commitment, as typed
 * @param subscriptionId the subscription's id
 */
record SubscriptionRequest(@Nullable String dealId, @Nullable String investorId, @Nullable String investorName,
		@Nullable String investorEmail, @Nullable String amount, @Nullable String subscriptionId) {

	/** The form's fields and the API's names for them, where the two differ. */
	static final Map<String, String> API_FIELDS = Map.of("investorName", "investor.name", "investorEmail",
			"investor.email");

	static SubscriptionRequest empty(@Nullable UUID deal) {
		return new SubscriptionRequest((deal != null) ? deal.toString() : "", "", "", "", "",
				UUID.randomUUID().toString());
	}

	/**
	 * @throws ServiceProblem a 400 naming the amount when it is not a number
	 */
	Map<String, Object> body() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("kind", "SUBSCRIPTION");
		body.put("dealId", blankAsNull(this.dealId));
		body.put("investorId", blankAsNull(this.investorId));
		body.put("subscriptionId", blankAsNull(this.subscriptionId));
		body.put("amount", amountAsNumber());
		Map<String, @Nullable Object> investor = new LinkedHashMap<>();
		investor.put("name", blankAsNull(this.investorName));
		investor.put("email", blankAsNull(this.investorEmail));
		body.put("investor", investor);
		return body;
	}

	private @Nullable BigDecimal amountAsNumber() {
		String typed = blankAsNull(this.amount);
		if (typed == null) {
			return null;
		}
		try {
			return new BigDecimal(typed.replace(",", ""));
		}
		catch (NumberFormatException notANumber) {
			throw new ServiceProblem(400, "invalid-request", "Invalid request", "The amount must be a number",
					List.of(new ServiceProblem.FieldError("amount", "must be an amount such as 250000.00")));
		}
	}

	private static @Nullable String blankAsNull(@Nullable String typed) {
		return (typed == null || typed.isBlank()) ? null : typed.strip();
	}

}
