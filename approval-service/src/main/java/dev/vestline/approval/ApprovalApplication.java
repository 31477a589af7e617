package dev.vestline.approval;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The approval service: owns the `approval` schema, publishes on `approval.events`
 * through its outbox.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ApprovalApplication {

	public static void main(String[] args) {
		SpringApplication.run(ApprovalApplication.class, args);
	}

}
