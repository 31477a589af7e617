package dev.vestline.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hostile bodies of a text format the document cannot describe (a CSV statement, a
 * camt.053 XML file): a template with {@code ${name}} placeholders, filled with plausible
 * values, then with one placeholder at a time hostile — overlong, an absurd number, a
 * date that does not exist, empty, markup.
 */
final class TemplateCases {

	static final List<String> VALUES = List.of("", Hostile.text(3_000), Hostile.text(1_000_000), "1e400", "-1", "0",
			"1.123456789", "123456789012345678901234567890", "NaN", "2026-02-30", "not-a-date", "nul\u0000byte",
			"\"unbalanced", "<tag>", "&undefined;");

	private TemplateCases() {
	}

	static Map<String, byte[]> cases(String template, Map<String, String> plain) {
		Map<String, byte[]> cases = new LinkedHashMap<>();
		cases.put("template with plausible values", BodyCases.utf8(fill(template, plain)));
		for (String name : plain.keySet()) {
			for (String value : VALUES) {
				Map<String, String> values = new LinkedHashMap<>(plain);
				values.put(name, value);
				cases.put(name + " = \"" + FuzzRequest.shorten(value, 20) + "\"",
						BodyCases.utf8(fill(template, values)));
			}
		}
		return cases;
	}

	static List<FuzzRequest> requests(FuzzRequest base, String template, Map<String, String> plain) {
		List<FuzzRequest> requests = new ArrayList<>();
		cases(template, plain).forEach((mutation, body) -> requests.add(base.withBody(mutation, body)));
		return requests;
	}

	private static String fill(String template, Map<String, String> values) {
		String filled = template;
		for (Map.Entry<String, String> value : values.entrySet()) {
			filled = filled.replace("${" + value.getKey() + "}", value.getValue());
		}
		return filled;
	}

}
