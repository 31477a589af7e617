package dev.vestline.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a run found.
 *
 * @param service the service fuzzed
 * @param requests how many requests were sent
 * @param findings every wrong answer
 * @param took how long the run took
 */
public record FuzzReport(String service, int requests, List<Finding> findings, Duration took) {

	/**
	 * @return a summary (findings counted by kind and operation) and every finding in
	 * full
	 */
	public String describe() {
		Map<String, Long> byKind = new TreeMap<>(this.findings.stream()
			.collect(Collectors.groupingBy((f) -> f.problem().replaceAll("\\{.*", "") + " — " + f.request().operation(),
					Collectors.counting())));
		StringBuilder text = new StringBuilder().append(this.service)
			.append(": ")
			.append(this.requests)
			.append(" requests in ")
			.append(this.took.toSeconds())
			.append(" s, ")
			.append(this.findings.size())
			.append(" findings\n");
		byKind.forEach((kind, count) -> text.append("  ").append(count).append(" × ").append(kind).append('\n'));
		this.findings.forEach((finding) -> text.append('\n').append(finding.describe()).append('\n'));
		return text.toString();
	}

	/**
	 * Writes {@link #describe()} to {@code target/api-fuzz/<service>.txt} and fails with
	 * it if anything was found.
	 * @throws AssertionError listing the findings
	 */
	public void assertNoFindings() {
		String description = describe();
		try {
			Path file = Path.of("target", "api-fuzz", this.service + ".txt");
			Files.createDirectories(file.getParent());
			Files.writeString(file, description);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		System.out.println(description.lines().limit(60).collect(Collectors.joining("\n")));
		if (!this.findings.isEmpty()) {
			throw new AssertionError(description);
		}
	}

}
