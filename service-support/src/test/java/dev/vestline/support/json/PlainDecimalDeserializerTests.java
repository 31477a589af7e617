package dev.vestline.support.json;

import java.math.BigDecimal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Decimals and whole numbers are read only when written plainly; anything else names the
 * field it was found in.
 */
class PlainDecimalDeserializerTests {

	record Fee(BigDecimal minimum, int basisPoints) {
	}

	private final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
		.addModule(new SimpleModule().addDeserializer(BigDecimal.class, new PlainDecimalDeserializer()))
		.build();

	@Property
	void readsEveryPlainDecimalAsStringOrNumber(
			@ForAll @BigRange(min = "-999999999999999.99", max = "999999999999999.99") BigDecimal amount) {
		String plain = amount.toPlainString();
		assertThat(read("{\"minimum\":\"" + plain + "\",\"basisPoints\":1}").minimum()).isEqualByComparingTo(amount);
		assertThat(read("{\"minimum\":" + plain + ",\"basisPoints\":1}").minimum()).isEqualByComparingTo(amount);
	}

	@Property
	void refusesAnythingNotWrittenPlainly(@ForAll("notPlain") String text) {
		assertThatExceptionOfType(DatabindException.class)
			.isThrownBy(() -> read("{\"minimum\":\"" + text + "\",\"basisPoints\":1}"))
			.satisfies((ex) -> assertThat(ex.getPath()).first()
				.satisfies((reference) -> assertThat(reference.getPropertyName()).isEqualTo("minimum")));
	}

	@Provide
	Arbitrary<String> notPlain() {
		return Arbitraries.oneOf(Arbitraries.integers().between(1, 400).map((e) -> "1e" + e),
				Arbitraries.integers().between(1, 400).map((e) -> "1.5E-" + e),
				Arbitraries.strings().numeric().ofMinLength(19).ofMaxLength(500).map((d) -> "9" + d), Arbitraries.of("",
						" ", "NaN", "Infinity", "-", "1.", ".5", "01", "1,5", "0x10", "+1", "1.12345678901"));
	}

	@Test
	void refusesAFractionWhereAWholeNumberIsExpected() {
		assertThatExceptionOfType(DatabindException.class)
			.isThrownBy(() -> read("{\"minimum\":\"1.00\",\"basisPoints\":1.5}"));
		assertThatExceptionOfType(DatabindException.class)
			.isThrownBy(() -> read("{\"minimum\":1e400,\"basisPoints\":1}"));
		assertThatExceptionOfType(DatabindException.class)
			.isThrownBy(() -> read("{\"minimum\":[1],\"basisPoints\":1}"));
	}

	private Fee read(String body) {
		return this.json.readValue(body, Fee.class);
	}

}
