package dev.vestline.billing.payments;

import java.nio.charset.StandardCharsets;

import dev.vestline.billing.JsonValues;
import dev.vestline.billing.RequestParsing;
import dev.vestline.events.Money;
import dev.vestline.support.domain.InvalidInput;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever amount and currency a signed webhook carries, it is either read as an amount
 * its currency can hold (positive, at most its minor units, below {@link Money#MAXIMUM})
 * or refused with a 400 naming {@code amount} or {@code currency}; never anything else.
 */
class WebhookPayloadPropertyTests {

	private final WebhookPayloadReader reader = new WebhookPayloadReader(RequestParsing.json(),
			RequestParsing.validator());

	@Property(tries = 2000)
	void acceptsOnlyAnAmountItsCurrencyCanHoldAndOtherwiseNamesTheField(@ForAll("amounts") String amount,
			@ForAll("currencies") String currency) {
		String body = """
				{"eventId":"evt_1","paymentId":"pay_1","paymentReference":"RF18539007547034","amount":%s,"currency":%s}
				""".formatted(amount, currency);
		WebhookPayload payload;
		try {
			payload = this.reader.read(body.getBytes(StandardCharsets.UTF_8));
		}
		catch (InvalidInput refused) {
			assertThat(RequestParsing.fields(refused)).isNotEmpty().isSubsetOf("amount", "currency");
			return;
		}
		assertThat(Money.currencyProblem(payload.currency())).isNull();
		assertThat(payload.amount()).isPositive().isLessThan(Money.MAXIMUM);
		assertThat(payload.amount().stripTrailingZeros().scale())
			.isLessThanOrEqualTo(Money.minorUnits(payload.currency()));
		assertThat(new Money(payload.amount(), payload.currency())).isNotNull();
	}

	@Provide
	Arbitrary<String> amounts() {
		return JsonValues.amounts();
	}

	@Provide
	Arbitrary<String> currencies() {
		return Arbitraries.of("\"EUR\"", "\"USD\"", "\"JPY\"", "\"CHF\"", "\"BHD\"", "\"KWD\"", "\"XAU\"", "\"XXX\"",
				"\"ZZZ\"", "\"eur\"", "\"EURO\"", "\"\"", "null", "1", "true", "[]", "{}");
	}

}
