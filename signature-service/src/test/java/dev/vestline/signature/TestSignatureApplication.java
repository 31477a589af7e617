package dev.vestline.signature;

import dev.vestline.testharness.DevInfrastructure;

import org.springframework.boot.SpringApplication;

/**
 * Runs the service on embedded PostgreSQL and an in-JVM Kafka broker:
 * {@code ./mvnw -pl signature-service spring-boot:test-run}.
 */
public class TestSignatureApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(SignatureApplication.class);
		application.setDefaultProperties(DevInfrastructure.start("signature"));
		application.run(args);
	}

}
