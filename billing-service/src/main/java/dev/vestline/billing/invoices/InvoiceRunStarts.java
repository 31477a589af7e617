package dev.vestline.billing.invoices;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Starts invoice runs, on request and on the nightly schedule
 * ({@link InvoiceRunSchedule}): PostgreSQL lets one run at a time (a conditional insert);
 * whoever asks while one runs gets that one. The instance that started a run executes it
 * once the start commits ({@link InvoiceRunExecution}).
 */
@Service
class InvoiceRunStarts {

	static final String SCHEDULE = "schedule";

	private final InvoiceRuns runs;

	private final InvoiceRunExecution execution;

	private final Clock clock;

	InvoiceRunStarts(InvoiceRuns runs, InvoiceRunExecution execution, Clock clock) {
		this.runs = runs;
		this.execution = execution;
		this.clock = clock;
	}

	/**
	 * @param startedBy a person's subject, or {@value #SCHEDULE}
	 * @return the run started, or the one already running
	 */
	@Transactional
	InvoiceRunReport start(String startedBy) {
		while (true) {
			Instant now = this.clock.instant();
			// a run whose instance died can be started again at once
			this.runs.failStalled(now);
			UUID id = UUID.randomUUID();
			if (this.runs.start(id, startedBy, now, this.execution.holder(), this.execution.leaseFrom(now))) {
				executeAfterCommit(id);
				return this.runs.find(id, now).orElseThrow();
			}
			// another run holds the index entry; when it finished in between, try again
			var running = this.runs.running(now);
			if (running.isPresent()) {
				return running.get();
			}
		}
	}

	private void executeAfterCommit(UUID id) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.execution.submit(id);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				InvoiceRunStarts.this.execution.submit(id);
			}
		});
	}

}
