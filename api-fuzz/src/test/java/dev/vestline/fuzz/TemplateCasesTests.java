package dev.vestline.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateCasesTests {

	@Test
	void makesOnePlaceholderHostileAtATimeAndKeepsTheOthersPlausible() {
		Map<String, String> plain = new LinkedHashMap<>();
		plain.put("reference", "R-1");
		plain.put("amount", "100.00");
		Map<String, byte[]> cases = TemplateCases.cases("ref,amount\n${reference},${amount}\n", plain);

		assertThat(text(cases.get("template with plausible values"))).isEqualTo("ref,amount\nR-1,100.00\n");
		assertThat(text(cases.get("amount = \"1e400\""))).isEqualTo("ref,amount\nR-1,1e400\n");
		assertThat(text(cases.get("reference = \"\""))).isEqualTo("ref,amount\n,100.00\n");
		assertThat(cases).hasSize(1 + 2 * TemplateCases.VALUES.size());
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
