package dev.vestline.console;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The staff console: server-rendered pages on the services' public APIs, called with the
 * signed-in person's own token. It keeps nothing but sessions.
 */
@SpringBootApplication
@EnableConfigurationProperties(ConsoleProperties.class)
public class ConsoleApplication {

	/** The console's time, e.g. how long an approval has waited; tests move it. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	public static void main(String[] args) {
		SpringApplication.run(ConsoleApplication.class, args);
	}

}
