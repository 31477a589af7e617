package dev.vestline.billing.fees;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.vestline.billing.BillingMetrics;
import io.micrometer.core.instrument.Gauge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Keeps funded subscriptions that no management fee can be charged on in sight: their
 * vehicle's schedule is in another currency, so the job leaves them alone (a fee on a USD
 * commitment booked in EUR would be wrong) until a person corrects the schedule or the
 * subscription. Gauge {@code vestline.billing.fees.unbillable{reason=currency_mismatch}}
 * holds how many there were at the last run; alert on &gt; 0.
 */
@Component
class CurrencyMismatches {

	private static final Logger logger = LoggerFactory.getLogger(CurrencyMismatches.class);

	private final ManagementFeeQueries queries;

	private final AtomicLong count = new AtomicLong();

	CurrencyMismatches(ManagementFeeQueries queries, BillingMetrics metrics) {
		this.queries = queries;
		Gauge.builder("vestline.billing.fees.unbillable", this.count, AtomicLong::get)
			.tag("reason", "currency_mismatch")
			.description("Funded subscriptions charged no management fee: their vehicle's schedule is in another "
					+ "currency")
			.register(metrics.registry());
	}

	/** Counts them again, and names a few in the log. */
	void recount() {
		List<ManagementFeeQueries.Mismatch> mismatches = this.queries.currencyMismatches();
		this.count.set(mismatches.size());
		mismatches.stream()
			.limit(20)
			.forEach((m) -> logger.warn(
					"No management fee for subscription {}: it is in {}, the fee schedule of vehicle {} in {}",
					m.subscriptionId(), m.currency(), m.vehicleId(), m.scheduleCurrency()));
	}

}
