package dev.vestline.billing.fees;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import dev.vestline.billing.JsonValues;
import dev.vestline.billing.RequestParsing;
import dev.vestline.events.Money;
import dev.vestline.support.domain.InvalidInput;
import dev.vestline.support.web.FieldErrors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.core.JacksonException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever rates, minimum and currency a fee schedule request carries, it is either a
 * schedule within bounds (rates 0 to {@link FeeSchedule#MAXIMUM_BPS}, a minimum its
 * currency can hold) or refused with a 400 naming the fields that are wrong; never
 * anything else. Read as the controller reads it: the JSON reader, then validation, then
 * {@code toSchedule}.
 */
class ScheduleRequestPropertyTests {

	private static final Set<String> FIELDS = Set.of("currency", "subscriptionFeeBps", "subscriptionFeeMinimum",
			"managementFeeBps");

	@Property(tries = 2000)
	void aScheduleIsWithinBoundsOrTheRefusalNamesItsFields(@ForAll("basisPoints") String subscriptionFeeBps,
			@ForAll("basisPoints") String managementFeeBps, @ForAll("minimums") String minimum,
			@ForAll("currencies") String currency) {
		String body = """
				{"vehicleId":"%s","currency":%s,"subscriptionFeeBps":%s,"subscriptionFeeMinimum":%s,"managementFeeBps":%s}
				"""
			.formatted(UUID.randomUUID(), currency, subscriptionFeeBps, minimum, managementFeeBps);
		FeeSchedule schedule;
		try {
			schedule = read(body);
		}
		catch (InvalidInput refused) {
			assertThat(RequestParsing.fields(refused)).isNotEmpty().isSubsetOf(FIELDS);
			return;
		}
		assertThat(Money.currencyProblem(schedule.currency())).isNull();
		assertThat(schedule.subscriptionFeeBps()).isBetween(0, FeeSchedule.MAXIMUM_BPS);
		assertThat(schedule.managementFeeBps()).isBetween(0, FeeSchedule.MAXIMUM_BPS);
		BigDecimal least = schedule.subscriptionFeeMinimum();
		if (least != null) {
			assertThat(least).isNotNegative().isLessThan(Money.MAXIMUM);
			assertThat(new Money(least, schedule.currency())).isNotNull();
			// the largest fee it can produce still fits a Money
			assertThat(new Money(schedule.subscriptionFee(Money.MAXIMUM.subtract(BigDecimal.ONE)), schedule.currency()))
				.isNotNull();
		}
	}

	private static FeeSchedule read(String body) {
		FeeScheduleController.ScheduleRequest request;
		try {
			request = RequestParsing.json().readValue(body, FeeScheduleController.ScheduleRequest.class);
		}
		catch (JacksonException ex) {
			throw FieldErrors.unreadable(ex);
		}
		Set<String> invalid = new TreeSet<>();
		RequestParsing.validator().validate(request).forEach((v) -> invalid.add(v.getPropertyPath().toString()));
		if (!invalid.isEmpty()) {
			throw InvalidInput.fields(invalid.stream()
				.collect(java.util.stream.Collectors.toMap((field) -> field, (field) -> "is invalid")));
		}
		return request.toSchedule(request.vehicleId(), "bea", Clock.systemUTC());
	}

	@Provide
	Arbitrary<String> basisPoints() {
		return JsonValues.basisPoints();
	}

	@Provide
	Arbitrary<String> minimums() {
		return Arbitraries.oneOf(JsonValues.amounts(), Arbitraries.just("null"));
	}

	@Provide
	Arbitrary<String> currencies() {
		return Arbitraries.of("\"EUR\"", "\"USD\"", "\"JPY\"", "\"CHF\"", "\"BHD\"", "\"XAU\"", "\"XXX\"", "\"ZZZ\"",
				"\"eur\"", "\"\"", "null", "7");
	}

}
