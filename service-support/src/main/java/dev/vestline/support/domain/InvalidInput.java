package dev.vestline.support.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request whose values are wrong, field by field: each error names the field (its JSON
 * path, a parameter or a header) and what is wrong with it.
 */
public non-sealed class InvalidInput extends DomainException {

	/**
	 * @param errors each invalid field and what is wrong with it, in order
	 */
	public InvalidInput(Map<String, String> errors) {
		this("invalid-request", "Invalid request", detail(errors), errors);
	}

	/**
	 * @param slug a more precise slug, e.g. {@code malformed-statement}
	 * @param title a short, stable summary
	 * @param detail what happened, for a person
	 * @param errors each invalid field and what is wrong with it (may be empty)
	 */
	protected InvalidInput(String slug, String title, String detail, Map<String, String> errors) {
		super(slug, title, detail);
		if (!errors.isEmpty()) {
			with("errors",
					errors.entrySet()
						.stream()
						.map((error) -> Map.of("field", error.getKey(), "message", error.getValue()))
						.toList());
		}
	}

	/**
	 * @param field the field, e.g. {@code amount} or {@code If-Match}
	 * @param message what is wrong with it, e.g. {@code must be positive}
	 * @return the exception naming it
	 */
	public static InvalidInput field(String field, String message) {
		return new InvalidInput(Map.of(field, message));
	}

	/**
	 * @param errors each field and what is wrong with it, in order
	 * @return the exception naming them
	 */
	public static InvalidInput fields(Map<String, String> errors) {
		return new InvalidInput(new LinkedHashMap<>(errors));
	}

	private static String detail(Map<String, String> errors) {
		if (errors.size() == 1) {
			Map.Entry<String, String> only = errors.entrySet().iterator().next();
			return only.getKey() + ": " + only.getValue();
		}
		return "The request has invalid fields: " + String.join(", ", List.copyOf(errors.keySet()));
	}

}
