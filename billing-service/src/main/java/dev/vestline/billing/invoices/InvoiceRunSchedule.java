package dev.vestline.billing.invoices;

import java.time.Clock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The runs' schedule: the nightly run, started through {@link InvoiceRunStarts} (its
 * transaction, as a person's start), and the reaper, with which any replica fails the
 * runs whose instance stopped renewing their lease.
 */
@Component
class InvoiceRunSchedule {

	private final InvoiceRunStarts starts;

	private final InvoiceRuns runs;

	private final Clock clock;

	InvoiceRunSchedule(InvoiceRunStarts starts, InvoiceRuns runs, Clock clock) {
		this.starts = starts;
		this.runs = runs;
		this.clock = clock;
	}

	@Scheduled(cron = "${vestline.billing.invoices.run-cron:-}")
	void nightly() {
		this.starts.start(InvoiceRunStarts.SCHEDULE);
	}

	@Scheduled(fixedDelayString = "${vestline.billing.invoices.run-reaper-interval:30s}")
	void failStalled() {
		this.runs.failStalled(this.clock.instant());
	}

}
