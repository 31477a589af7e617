package dev.vestline.platform;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;

/**
 * Finds the signers' links of a workflow. The signature service does not deliver links
 * yet (no mail); the local platform lets it log them in full, so this reads them from its
 * logs (one per replica), as a signer would read them from their inbox. Each log is read
 * once, from where the last read stopped, so one instance serves many lifecycles.
 */
final class SigningLinks {

	private static final Pattern LINK = Pattern
		.compile("Signing link for (\\S+) \\S+ of workflow ([0-9a-f-]{36}), valid until \\S+: \\S+/([^/\\s]+)\\s*$");

	private final List<Path> logs;

	private final Map<Path, Long> readUpTo = new HashMap<>();

	/** Link tokens by workflow, then role; a renewed link replaces the old one. */
	private final Map<String, Map<String, String>> links = new ConcurrentHashMap<>();

	SigningLinks(List<Path> logs) {
		this.logs = List.copyOf(logs);
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

	private synchronized Map<String, String> read(UUID workflow) {
		this.logs.forEach(this::readNewLines);
		return Map.copyOf(this.links.getOrDefault(workflow.toString(), Map.of()));
	}

	/** Reads the complete lines written since the last read. */
	private void readNewLines(Path log) {
		if (!Files.exists(log)) {
			return;
		}
		long from = this.readUpTo.getOrDefault(log, 0L);
		try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
			if (file.length() <= from) {
				return;
			}
			byte[] bytes = new byte[(int) (file.length() - from)];
			file.seek(from);
			file.readFully(bytes);
			int end = lastNewline(bytes);
			for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n")) {
				Matcher matcher = LINK.matcher(line);
				if (matcher.find()) {
					this.links.computeIfAbsent(matcher.group(2), (w) -> new ConcurrentHashMap<>())
						.put(matcher.group(1), matcher.group(3));
				}
			}
			this.readUpTo.put(log, from + end);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int lastNewline(byte[] bytes) {
		for (int i = bytes.length - 1; i >= 0; i--) {
			if (bytes[i] == '\n') {
				return i + 1;
			}
		}
		return 0;
	}

}
