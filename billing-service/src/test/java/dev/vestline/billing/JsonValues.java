package dev.vestline.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * JSON values a caller may send where billing expects an amount or a rate: plain decimals
 * of every size and scale, and everything else (exponents, fractions, huge digit strings,
 * wrong types).
 */
public final class JsonValues {

	private static final String JSON_NUMBER = "-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?";

	private JsonValues() {
	}

	/** Values for an amount, as JSON strings or numbers. */
	public static Arbitrary<String> amounts() {
		Arbitrary<String> plain = Arbitraries.oneOf(decimals("-1e20", "1e20"), decimals("-10000", "10000"));
		Arbitrary<String> edges = Arbitraries.of("0", "0.00", "0.01", "0.001", "-0.01", "999999999999999.99",
				"1000000000000000", "1000000000000000.00", "999999999999999", "1e400", "1E+3", "1.5e-3", "-1e400",
				"NaN", "Infinity", "", " ", "1,5", "0x10", "+1", "01", "1.", ".5", "12345678901234567890123");
		return Arbitraries.oneOf(plain.map(JsonValues::quoted), plain, edges.map(JsonValues::quoted),
				edges.filter((edge) -> edge.matches(JSON_NUMBER)), wrongTypes(),
				Arbitraries.strings().numeric().ofMinLength(16).ofMaxLength(420).map((d) -> quoted("9" + d)));
	}

	/** Values for a rate in basis points, a whole number. */
	public static Arbitrary<String> basisPoints() {
		Arbitrary<String> whole = Arbitraries.oneOf(Arbitraries.integers().between(-100, 20_000).map(String::valueOf),
				Arbitraries.longs().map(String::valueOf));
		Arbitrary<String> edges = Arbitraries.of("0", "1000", "1001", "10000", "1.5", "100.0", "1e3", "-0",
				"2147483648", "99999999999999999999", "0.5");
		return Arbitraries.oneOf(whole, whole.map(JsonValues::quoted), edges, edges.map(JsonValues::quoted),
				wrongTypes());
	}

	private static Arbitrary<String> decimals(String min, String max) {
		return Combinators
			.combine(Arbitraries.bigDecimals().between(new BigDecimal(min), new BigDecimal(max)).ofScale(4),
					Arbitraries.integers().between(0, 4))
			.as((amount, scale) -> amount.setScale(scale, RoundingMode.DOWN).toPlainString());
	}

	private static Arbitrary<String> wrongTypes() {
		return Arbitraries.of("null", "true", "[]", "{}", "\"abc\"", "[1]");
	}

	private static String quoted(String text) {
		return "\"" + text + "\"";
	}

}
