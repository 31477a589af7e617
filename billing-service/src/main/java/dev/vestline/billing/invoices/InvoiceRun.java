package dev.vestline.billing.invoices;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Timer;

import dev.vestline.billing.BillingMetrics;

import org.springframework.stereotype.Service;

/**
 * Bills every accrued fee: one invoice per investor, vehicle and currency, each issued in
 * its own short transaction. Any number of runs, on any number of replicas, may overlap:
 * each fee lands on exactly one invoice. {@link InvoiceRunStarts} runs it as a resource
 * in the background (the API, the nightly schedule); {@link #run()} runs it here and now.
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
		for (AccruedFees.Group group : groups()) {
			Result billed = bill(group);
			issued.addAll(billed.invoiceIds());
			fees += billed.feesInvoiced();
		}
		sample.stop(this.metrics.registry().timer("vestline.billing.invoice-runs.completed"));
		return new Result(issued.size(), fees, issued);
	}

	/** The groups of accrued fees a run bills one after the other. */
	List<AccruedFees.Group> groups() {
		return this.fees.groups();
	}

	/** Bills one group's accrued fees that no other run holds. */
	Result bill(AccruedFees.Group group) {
		List<UUID> issued = new ArrayList<>();
		int fees = 0;
		// more than one invoice when the group's fees add up to more than one can hold
		for (var invoice = this.issuing.issue(group); invoice.isPresent(); invoice = this.issuing.issue(group)) {
			issued.add(invoice.get().invoiceId());
			fees += invoice.get().fees();
		}
		return new Result(issued.size(), fees, issued);
	}

	/**
	 * @param invoicesIssued invoices this run issued
	 * @param feesInvoiced fees billed by them
	 * @param invoiceIds the invoices
	 */
	public record Result(int invoicesIssued, int feesInvoiced, List<UUID> invoiceIds) {
	}

}
