package dev.vestline.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JVM's CPU went, from a Java Flight Recorder file's execution samples: each
 * sample is counted for the first frame, from the top of the stack down, that belongs to
 * a library we can name (PDF rendering, JSON, the PostgreSQL driver and pool, the Kafka
 * client, ...); JDK frames count for the library that called them.
 */
final class ExecutionProfile {

	/** Package prefixes by what they do, in the order they are tried on each frame. */
	private static final Map<String, List<String>> CATEGORIES = categories();

	private ExecutionProfile() {
	}

	private static Map<String, List<String>> categories() {
		Map<String, List<String>> categories = new LinkedHashMap<>();
		// before "Spring": Spring Boot's nested-jar loader is class loading, not Spring
		// at work
		categories.put("class loading (jar scans, ServiceLoader)",
				List.of("org.springframework.boot.loader.", "jdk.internal.loader.", "java.util.ServiceLoader",
						"java.lang.ClassLoader", "jakarta.mail.util.FactoryFinder",
						"jakarta.activation.ServiceLoaderUtil"));
		categories.put("PDF (pdfbox)", List.of("org.apache.pdfbox.", "org.apache.fontbox."));
		categories.put("JSON (Jackson)", List.of("tools.jackson.", "com.fasterxml.jackson."));
		categories.put("SQL (pgjdbc, Hikari, Spring JDBC)", List.of("org.postgresql.", "com.zaxxer.hikari.",
				"org.springframework.jdbc.", "org.springframework.data.jdbc.", "org.springframework.data.relational."));
		categories.put("Kafka (client; the broker's own code)",
				List.of("org.apache.kafka.", "org.springframework.kafka.", "kafka."));
		categories.put("security (JWT, crypto)", List.of("com.nimbusds.", "org.springframework.security.",
				"sun.security.", "com.sun.crypto.", "javax.crypto."));
		categories.put("HTTP server (Tomcat)",
				List.of("org.apache.tomcat.", "org.apache.coyote.", "org.apache.catalina."));
		categories.put("logging", List.of("ch.qos.logback.", "org.slf4j.", "org.apache.logging."));
		categories.put("metrics, tracing", List.of("io.micrometer.", "io.prometheus."));
		categories.put("Vestline code", List.of("dev.vestline."));
		categories.put("Spring (web, transactions, beans)", List.of("org.springframework."));
		return categories;
	}

	/**
	 * @param recording a {@code .jfr} file
	 * @param from the first sample counted
	 * @param to the last sample counted
	 * @return samples by category, and {@code all}
	 */
	static Map<String, Long> of(Path recording, Instant from, Instant to) {
		Map<String, Long> samples = new LinkedHashMap<>();
		samples.put("all", 0L);
		CATEGORIES.keySet().forEach((category) -> samples.put(category, 0L));
		samples.put("other (JDK, GC, JIT not sampled)", 0L);
		try (RecordingFile file = new RecordingFile(recording)) {
			while (file.hasMoreEvents()) {
				var event = file.readEvent();
				if (event.getEventType().getName().equals("jdk.ExecutionSample") && event.getStackTrace() != null
						&& !event.getStartTime().isBefore(from) && !event.getStartTime().isAfter(to)) {
					samples.merge("all", 1L, Long::sum);
					samples.merge(category(event.getStackTrace()), 1L, Long::sum);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + recording, ex);
		}
		return samples;
	}

	private static String category(RecordedStackTrace stack) {
		for (RecordedFrame frame : stack.getFrames()) {
			String type = frame.getMethod().getType().getName();
			for (var category : CATEGORIES.entrySet()) {
				if (category.getValue().stream().anyMatch(type::startsWith)) {
					return category.getKey();
				}
			}
		}
		return "other (JDK, GC, JIT not sampled)";
	}

}
