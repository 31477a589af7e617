package dev.vestline.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ${NAME}} and {@code ${NAME:default}} placeholders of a Spring configuration
 * file, read the way Spring resolves them from the environment.
 */
final class Placeholders {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::([^}]*))?}");

	private Placeholders() {
	}

	/** Every placeholder's name, with its default or null when it has none. */
	static Map<String, String> in(String text) {
		Map<String, String> placeholders = new LinkedHashMap<>();
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			placeholders.put(matcher.group(1), matcher.group(2));
		}
		return placeholders;
	}

	/** The default of a value that is one placeholder, or the value itself. */
	static String defaultOf(String value) {
		Matcher matcher = PLACEHOLDER.matcher(value);
		return (matcher.matches() && matcher.group(2) != null) ? matcher.group(2) : value;
	}

}
