package dev.vestline.billing.invoices;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.vestline.messaging.EventContext;
import dev.vestline.messaging.outbox.OutboxStatus;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Executes the runs this instance started, one after the other on a thread of its own,
 * reporting progress after every group, which renews the run's lease. A run it lost (the
 * lease ran out and another replica failed it) is abandoned at the next group; a run cut
 * short by shutdown or an error is failed with its reason, never left running.
 */
@Component
class InvoiceRunExecution implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(InvoiceRunExecution.class);

	/** Longer than one group's transaction, shorter than the pods' termination grace. */
	static final Duration STOP_GRACE = Duration.ofSeconds(30);

	private final InvoiceRun run;

	private final InvoiceRuns runs;

	private final Clock clock;

	private final Duration lease;

	/**
	 * This instance, as the holder of the runs it executes: named as its database
	 * sessions and relay lock are (the operations page shows the same name), unique per
	 * start.
	 */
	private final String holder;

	private final ExecutorService executor = Executors
		.newSingleThreadExecutor(Thread.ofPlatform().name("invoice-run").daemon().factory());

	InvoiceRunExecution(InvoiceRun run, InvoiceRuns runs, Clock clock,
			@Value("${VESTLINE_INSTANCE_ID:}") @Nullable String instanceId,
			@Value("${vestline.billing.invoices.run-lease:60s}") Duration lease) {
		this.holder = OutboxStatus.sessionName("billing", instanceId) + "/" + UUID.randomUUID();
		this.run = run;
		this.runs = runs;
		this.clock = clock;
		this.lease = lease;
	}

	String holder() {
		return this.holder;
	}

	Instant leaseFrom(Instant now) {
		return now.plus(this.lease);
	}

	void submit(UUID id) {
		// the run's events belong to the flow of the request that started it (its
		// correlation id), as they did when the run answered within that request
		EventContext startedBy = EventContext.current();
		this.executor.execute(() -> startedBy.run(() -> execute(id)));
	}

	private void execute(UUID id) {
		try {
			var groups = this.run.groups();
			if (!this.runs.counted(id, this.holder, groups.size(), leaseFrom(this.clock.instant()))) {
				return; // failed as stalled before it began
			}
			for (AccruedFees.Group group : groups) {
				if (Thread.currentThread().isInterrupted()) {
					fail(id, "Billing stopped while the run was going; start it again");
					return;
				}
				InvoiceRun.Result billed = this.run.bill(group);
				if (!this.runs.progressed(id, this.holder, billed.invoicesIssued(), billed.feesInvoiced(),
						leaseFrom(this.clock.instant()))) {
					logger.warn("Invoice run {} was failed as stalled while it ran; abandoning it", id);
					return;
				}
			}
			this.runs.finished(id, this.holder, this.clock.instant(), null);
		}
		catch (RuntimeException ex) {
			logger.error("Invoice run {} failed", id, ex);
			fail(id, "The run failed: " + ex.getMessage());
		}
	}

	private void fail(UUID id, String why) {
		try {
			this.runs.finished(id, this.holder, this.clock.instant(), why);
		}
		catch (RuntimeException ex) {
			// its lease runs out and any replica fails it
			logger.warn("Could not record that invoice run {} failed", id, ex);
		}
	}

	/**
	 * Interrupts the run, which stops before its next group, and waits for it to record
	 * that it failed, up to {@link #STOP_GRACE}: the application closes the connection
	 * pool right after, and a run not recorded would show as running until its lease ran
	 * out.
	 */
	@Override
	public void destroy() {
		this.executor.shutdownNow();
		try {
			if (!this.executor.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
				logger.warn("The invoice run still going after {}; its lease will run out", STOP_GRACE);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
