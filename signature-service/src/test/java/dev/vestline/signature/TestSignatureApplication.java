package dev.vestline.signature;

import java.util.HashMap;
import java.util.Map;

import dev.vestline.testharness.DevInfrastructure;

import org.springframework.boot.SpringApplication;

/**
 * Runs the service on embedded PostgreSQL and an in-JVM Kafka broker:
 * {@code ./mvnw -pl signature-service spring-boot:test-run}.
 */
public class TestSignatureApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(SignatureApplication.class);
		Map<String, Object> properties = new HashMap<>(DevInfrastructure.start("signature"));
		// local runs have no mail delivery: log whole signing links so a developer can
		// open them
		properties.put("vestline.signature.links.log-urls", "true");
		application.setDefaultProperties(properties);
		application.run(args);
	}

}
