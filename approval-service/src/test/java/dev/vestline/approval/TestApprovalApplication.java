package dev.vestline.approval;

import dev.vestline.testharness.DevInfrastructure;

import org.springframework.boot.SpringApplication;

/**
 * Runs the service on embedded PostgreSQL and an in-JVM Kafka broker:
 * {@code ./mvnw -pl approval-service spring-boot:test-run}.
 */
public class TestApprovalApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(ApprovalApplication.class);
		application.setDefaultProperties(DevInfrastructure.start("approval"));
		application.run(args);
	}

}
