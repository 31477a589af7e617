package dev.vestline.billing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The billing service: accrues fees, issues invoices and records payments; owns the
 * {@code billing} schema and publishes on {@code billing.events} through its outbox.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class BillingApplication {

	public static void main(String[] args) {
		SpringApplication.run(BillingApplication.class, args);
	}

}
