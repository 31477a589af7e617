package dev.vestline.billing;

import java.util.Map;

import dev.vestline.testharness.DevInfrastructure;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs the service on embedded PostgreSQL and an in-JVM Kafka broker:
 * {@code ./mvnw -pl billing-service spring-boot:test-run}.
 */
public class TestBillingApplication {

	public static void main(String[] args) {
		Map<String, Object> infrastructure = DevInfrastructure.start("billing");
		SpringApplication application = new SpringApplication(BillingApplication.class);
		// ahead of application.yml: its localhost datasource and broker must not win over
		// the embedded ones
		application.addInitializers((context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("devInfrastructure", infrastructure)));
		application.run(args);
	}

}
