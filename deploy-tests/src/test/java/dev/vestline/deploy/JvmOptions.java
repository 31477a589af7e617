package dev.vestline.deploy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the sizes out of a JAVA_TOOL_OPTIONS line.
 */
final class JvmOptions {

	private static final Pattern MAX_RAM_PERCENTAGE = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)");

	private JvmOptions() {
	}

	static int maxRamPercentage(String options) {
		Matcher matcher = MAX_RAM_PERCENTAGE.matcher(options);
		if (!matcher.find()) {
			throw new AssertionError("No -XX:MaxRAMPercentage in " + options);
		}
		return Integer.parseInt(matcher.group(1));
	}

}
