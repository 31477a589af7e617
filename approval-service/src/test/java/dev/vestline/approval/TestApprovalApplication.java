package dev.vestline.approval;

import java.util.Map;

import dev.vestline.testharness.DevInfrastructure;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs the service on embedded PostgreSQL and an in-JVM Kafka broker, under the
 * {@code dev} profile: {@code ./mvnw -pl approval-service spring-boot:test-run}.
 */
public class TestApprovalApplication {

	public static void main(String[] args) {
		Map<String, Object> infrastructure = DevInfrastructure.start("approval");
		SpringApplication application = new SpringApplication(ApprovalApplication.class);
		application.setAdditionalProfiles("dev");
		// first, not as defaults: application.yml's localhost URLs must not win over them
		application.addInitializers((context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("devInfrastructure", infrastructure)));
		application.run(args);
	}

}
