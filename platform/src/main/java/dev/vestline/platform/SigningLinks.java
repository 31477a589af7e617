package dev.vestline.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;

/**
 * Finds the signers' links of a workflow. The signature service does not deliver links
 * yet (no mail); the local platform lets it log them in full, so this reads them from its
 * log, as a signer would read them from their inbox.
 */
final class SigningLinks {

	private static final Pattern LINK = Pattern
		.compile("Signing link for (\\S+) \\S+ of workflow ([0-9a-f-]{36}), valid until \\S+: \\S+/([^/\\s]+)\\s*$");

	private final Path log;

	SigningLinks(Path log) {
		this.log = log;
	}

	/**
	 * Waits until every role's link of the workflow was logged.
	 * @param workflow the workflow
	 * @param roles e.g. {@code INVESTOR}, {@code ARRANGER}
	 * @param timeout how long to wait
	 * @return each role's link token
	 */
	Map<String, String> await(UUID workflow, List<String> roles, Duration timeout) {
		return Awaitility.await("signing links of workflow " + workflow)
			.atMost(timeout)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> read(workflow), (tokens) -> tokens.keySet().containsAll(roles));
	}

	private Map<String, String> read(UUID workflow) {
		Map<String, String> tokens = new HashMap<>();
		try {
			for (String line : Files.readAllLines(this.log, StandardCharsets.UTF_8)) {
				Matcher matcher = LINK.matcher(line);
				if (matcher.find() && matcher.group(2).equals(workflow.toString())) {
					tokens.put(matcher.group(1), matcher.group(3)); // a renewed link
																	// replaces the old
																	// one
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return tokens;
	}

}
