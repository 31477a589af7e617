package dev.vestline.reconciliation;

import dev.vestline.testharness.DevInfrastructure;

import org.springframework.boot.SpringApplication;

/**
 * Runs the service on embedded PostgreSQL and an in-JVM Kafka broker:
 * {@code ./mvnw -pl reconciliation-service spring-boot:test-run}.
 */
public class TestReconciliationApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(ReconciliationApplication.class);
		application.setDefaultProperties(DevInfrastructure.start("reconciliation"));
		application.run(args);
	}

}
