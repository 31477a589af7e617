package dev.vestline.console.support;

import java.time.Clock;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

import dev.vestline.console.ConsoleApplication;

/**
 * The console on the port the provider knows, against the JVM's {@link Backends}: every
 * test class extending this shares one console.
 */
@SpringBootTest(classes = ConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
public abstract class ConsoleTest {

	/** The console's clock, shared by every test class so that they share one console. */
	protected static final MovableClock CLOCK = new MovableClock();

	@TestBean
	Clock clock;

	static Clock clock() {
		return CLOCK;
	}

	@DynamicPropertySource
	static void backends(DynamicPropertyRegistry registry) {
		Backends.shared().consoleProperties().forEach((name, value) -> registry.add(name, () -> value));
	}

	protected static Backends backends() {
		return Backends.shared();
	}

}
