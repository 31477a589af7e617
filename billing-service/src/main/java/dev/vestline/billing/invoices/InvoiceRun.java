package dev.vestline.billing.invoices;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Timer;

import dev.vestline.billing.BillingMetrics;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Bills every accrued fee: one invoice per investor, vehicle and currency, each issued in
 * its own short transaction. Runs on demand and on a schedule; any number of runs, on any
 * number of replicas, may overlap.
 */
@Service
public class InvoiceRun {

	private final AccruedFees fees;

	private final InvoiceIssuing issuing;

	private final BillingMetrics metrics;

	InvoiceRun(AccruedFees fees, InvoiceIssuing issuing, BillingMetrics metrics) {
		this.fees = fees;
		this.issuing = issuing;
		this.metrics = metrics;
	}

	/**
	 * @return what the run issued
	 */
	public Result run() {
		Timer.Sample sample = Timer.start(this.metrics.registry());
		List<UUID> issued = new ArrayList<>();
		int fees = 0;
		for (AccruedFees.Group group : this.fees.groups()) {
			// more than one invoice when the group's fees add up to more than one can
			// hold
			for (var invoice = this.issuing.issue(group); invoice.isPresent(); invoice = this.issuing.issue(group)) {
				issued.add(invoice.get().invoiceId());
				fees += invoice.get().fees();
			}
		}
		sample.stop(this.metrics.registry().timer("vestline.billing.invoice-runs.completed"));
		return new Result(issued.size(), fees, issued);
	}

	@Scheduled(cron = "${vestline.billing.invoices.run-cron:-}")
	void scheduled() {
		run();
	}

	/**
	 * @param invoicesIssued invoices this run issued
	 * @param feesInvoiced fees billed by them
	 * @param invoiceIds the invoices
	 */
	public record Result(int invoicesIssued, int feesInvoiced, List<UUID> invoiceIds) {
	}

}
