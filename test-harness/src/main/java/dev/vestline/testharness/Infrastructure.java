package dev.vestline.testharness;

import java.util.Locale;

/**
 * Which real infrastructure the tests run on. Embedded by default (no Docker needed);
 * {@code -Dvestline.test.infrastructure=testcontainers} (or the environment variable
 * {@code VESTLINE_TEST_INFRASTRUCTURE}) runs the same tests on Testcontainers.
 */
public enum Infrastructure {

	/** zonky embedded PostgreSQL binaries and spring-kafka-test's in-JVM KRaft broker. */
	EMBEDDED,

	/** PostgreSQL and Kafka containers, where a Docker engine is available. */
	TESTCONTAINERS;

	/**
	 * @return the infrastructure selected for this JVM
	 */
	public static Infrastructure selected() {
		String value = System.getProperty("vestline.test.infrastructure",
				System.getenv().getOrDefault("VESTLINE_TEST_INFRASTRUCTURE", "embedded"));
		return valueOf(value.trim().toUpperCase(Locale.ROOT));
	}

}
