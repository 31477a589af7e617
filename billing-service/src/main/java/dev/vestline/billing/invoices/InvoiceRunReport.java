package dev.vestline.billing.invoices;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An invoice run as the API shows it.
 *
 * @param id the run
 * @param status {@code RUNNING}; {@code STALLED} when the instance running it stopped
 * renewing its lease (it is failed shortly after, and another run may start);
 * {@code COMPLETED}; {@code FAILED}
 * @param groupsDone groups of accrued fees (investor, vehicle, currency) billed so far
 * @param groupsTotal the groups the run found; absent until it counted them
 * @param invoicesIssued invoices issued so far
 * @param feesInvoiced fees billed by them
 * @param startedBy who started it: a person's subject, or {@code schedule}
 * @param startedAt when
 * @param finishedAt when it completed or failed
 * @param failure why it failed
 */
public record InvoiceRunReport(UUID id, String status, int groupsDone, @Nullable Integer groupsTotal,
		int invoicesIssued, int feesInvoiced, String startedBy, Instant startedAt, @Nullable Instant finishedAt,
		@Nullable String failure) {

	boolean finished() {
		return "COMPLETED".equals(this.status) || "FAILED".equals(this.status);
	}

}
