package dev.vestline.reconciliation.expectations;

import dev.vestline.reconciliation.AfterCommit;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells matching (by an application event, in the recording transaction) that money is
 * expected or no longer expected, and counts it once that transaction commits.
 */
@Component
class ExpectationNotices {

	private final ApplicationEventPublisher publisher;

	private final MeterRegistry meters;

	ExpectationNotices(ApplicationEventPublisher publisher, MeterRegistry meters) {
		this.publisher = publisher;
		this.meters = meters;
	}

	void expected(SubscriptionExpected expected) {
		AfterCommit
			.run(() -> this.meters.counter("vestline.reconciliation.expectations.recorded", "kind", "subscription")
				.increment());
		this.publisher.publishEvent(expected);
	}

	void expected(InvoiceExpected expected) {
		AfterCommit.run(() -> this.meters.counter("vestline.reconciliation.expectations.recorded", "kind", "invoice")
			.increment());
		this.publisher.publishEvent(expected);
	}

	void noLongerExpected(InvoiceNoLongerExpected voided) {
		AfterCommit.run(() -> this.meters.counter("vestline.reconciliation.expectations.voided", "kind", "invoice")
			.increment());
		this.publisher.publishEvent(voided);
	}

}
