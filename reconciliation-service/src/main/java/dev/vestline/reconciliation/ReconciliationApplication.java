package dev.vestline.reconciliation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The reconciliation service: owns the `reconciliation` schema, publishes on
 * `reconciliation.events` through its outbox.
 */
@SpringBootApplication
@EnableScheduling
public class ReconciliationApplication {

	public static void main(String[] args) {
		SpringApplication.run(ReconciliationApplication.class, args);
	}

}
