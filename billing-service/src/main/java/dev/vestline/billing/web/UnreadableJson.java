package dev.vestline.billing.web;

import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;

/**
 * Names the field a JSON reader gave up on, so that a caller learns which value to fix.
 */
public final class UnreadableJson {

	private UnreadableJson() {
	}

	/**
	 * @param ex why the JSON could not be read
	 * @return a 400 naming the field ({@code body} when the document itself is wrong)
	 */
	public static Problem problem(JacksonException ex) {
		String field = ex.getPath()
			.stream()
			.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
					: "[" + reference.getIndex() + "]")
			.collect(Collectors.joining("."))
			.replace(".[", "[");
		String message = ex.getOriginalMessage().lines().findFirst().orElse("");
		if (message.length() > 200) {
			message = message.substring(0, 200) + "…";
		}
		return Problem.invalid(field.isEmpty() ? "body" : field, "cannot be read: " + message);
	}

}
