package dev.vestline.console.billing;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An invoice run as billing-service reports it ({@code GET /api/v1/invoice-runs/{id}}),
 * and how the page says where it stands.
 *
 * @param id the run
 * @param status RUNNING, STALLED (its billing instance stopped; it is failed shortly),
 * COMPLETED or FAILED
 * @param groupsDone groups of accrued fees (investor, vehicle, currency) billed so far
 * @param groupsTotal the groups it found, once counted
 * @param invoicesIssued invoices issued so far
 * @param feesInvoiced fees they bill
 * @param startedBy who started it, or {@code schedule}
 * @param startedAt when
 * @param finishedAt when it completed or failed
 * @param failure why it failed
 */
record InvoiceRun(UUID id, String status, int groupsDone, @Nullable Integer groupsTotal, int invoicesIssued,
		int feesInvoiced, String startedBy, Instant startedAt, @Nullable Instant finishedAt, @Nullable String failure) {

	/** Whether the page keeps asking: until the run completed or failed. */
	public boolean going() {
		return "RUNNING".equals(this.status) || "STALLED".equals(this.status);
	}

	public String inWords() {
		return switch (this.status) {
			case "RUNNING" -> (this.groupsTotal == null) ? "Running: finding the accrued fees"
					: "Running: " + this.groupsDone + " of " + this.groupsTotal + " groups billed, "
							+ count(this.invoicesIssued, "invoice") + " issued so far";
			case "STALLED" -> "Stalled: the billing instance running it stopped. It will be marked failed; "
					+ "then the run can be started again";
			case "COMPLETED" -> "Finished: " + count(this.invoicesIssued, "invoice") + " issued, billing "
					+ count(this.feesInvoiced, "fee");
			default -> "Failed: " + this.failure;
		};
	}

	public String startedInWords() {
		String who = "schedule".equals(this.startedBy) ? "the nightly schedule" : this.startedBy;
		return "Started by " + who + " at " + Dates.inWords(this.startedAt)
				+ ((this.finishedAt != null) ? ", finished at " + Dates.inWords(this.finishedAt) : "");
	}

	private static String count(int n, String noun) {
		return n + " " + noun + ((n == 1) ? "" : "s");
	}

}
