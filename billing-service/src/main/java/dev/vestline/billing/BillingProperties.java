package dev.vestline.billing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vestline.billing.*}: how invoices, management fees and the payment webhook
 * behave.
 *
 * @param invoices invoice runs
 * @param managementFees the management-fee accrual job
 * @param webhook the payment-provider webhook
 */
@ConfigurationProperties("vestline.billing")
public record BillingProperties(@DefaultValue Invoices invoices, @DefaultValue ManagementFees managementFees,
		@DefaultValue Webhook webhook) {

	/**
	 * @param dueDays days between issue and due date
	 */
	public record Invoices(@DefaultValue("30") int dueDays) {
	}

	/**
	 * @param batchSize funded subscriptions claimed per transaction
	 * @param concurrency vehicles accrued at the same time by one instance
	 */
	public record ManagementFees(@DefaultValue("200") int batchSize, @DefaultValue("4") int concurrency) {
	}

	/**
	 * @param secret HMAC-SHA256 key shared with the payment provider
	 * @param tolerance how far a webhook's timestamp may be from now
	 */
	public record Webhook(String secret, @DefaultValue("5m") Duration tolerance) {
	}

}
