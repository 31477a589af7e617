package dev.vestline.events;

import java.math.BigDecimal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Every amount an event or a table holds has at most the currency's minor units and stays
 * below {@link Money#MAXIMUM}.
 */
class MoneyTests {

	@Property
	void holdsEveryAmountWithTheCurrencysMinorUnitsBelowTheMaximum(
			@ForAll @BigRange(min = "-999999999999999.99", max = "999999999999999.99") @Scale(2) BigDecimal amount) {
		assertThatNoException().isThrownBy(() -> new Money(amount, "EUR"));
	}

	@Property
	void refusesMoreDecimalsThanTheCurrencyHas(@ForAll @IntRange(min = 1, max = 999_999) int cents,
			@ForAll @IntRange(min = 1, max = 9) int extraDigit) {
		BigDecimal amount = new BigDecimal(cents + "." + String.format("%02d", cents % 100) + extraDigit);
		assertThatIllegalArgumentException().isThrownBy(() -> new Money(amount, "EUR"))
			.withMessageContaining("at most 2 decimals");
		BigDecimal yen = new BigDecimal(cents + "." + extraDigit);
		assertThatIllegalArgumentException().isThrownBy(() -> new Money(yen, "JPY"))
			.withMessageContaining("at most 0 decimals");
	}

	@Property
	void refusesEveryAmountAtOrAboveTheMaximum(@ForAll @IntRange(min = 15, max = 400) int exponent) {
		BigDecimal huge = BigDecimal.TEN.pow(exponent);
		assertThat(Money.amountProblem(huge, "EUR")).contains("less than 1000000000000000");
		assertThat(Money.amountProblem(huge.negate(), "EUR")).contains("less than");
	}

	@Property
	void acceptsTrailingZerosBeyondTheMinorUnits(@ForAll @IntRange(min = 0, max = 1_000_000) int units) {
		assertThat(Money.amountProblem(new BigDecimal(units + ".0000"), "JPY")).isNull();
	}

	@Test
	void refusesCurrenciesWhoseMinorUnitsTheTablesCannotHold() {
		assertThat(Money.currencyProblem("KWD")).contains("not supported");
		assertThat(Money.currencyProblem("XAU")).contains("not supported");
		assertThat(Money.currencyProblem("eur")).contains("not an ISO 4217");
		assertThat(Money.currencyProblem("EUR")).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1.000", "KWD"));
	}

}
