package dev.vestline.billing;

import dev.vestline.testharness.DevInfrastructure;

import org.springframework.boot.SpringApplication;

/**
 * Runs the service on embedded PostgreSQL and an in-JVM Kafka broker:
 * {@code ./mvnw -pl billing-service spring-boot:test-run}.
 */
public class TestBillingApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(BillingApplication.class);
		application.setDefaultProperties(DevInfrastructure.start("billing"));
		application.run(args);
	}

}
