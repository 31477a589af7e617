package dev.vestline.billing.invoices;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.vestline.events.Money;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues one invoice for one group of accrued fees, in one transaction: claim the fees,
 * take the next number, insert the invoice and its lines, mark the fees invoiced, append
 * {@code InvoiceIssued}. A fee another run holds is skipped; a fee another run already
 * invoiced is not ACCRUED any more: either way it lands on exactly one invoice.
 */
@Service
class InvoiceIssuing {

	private final AccruedFees fees;

	private final InvoiceNumbering numbering;

	private final InvoiceLines lines;

	private final InvoicePublication publication;

	InvoiceIssuing(AccruedFees fees, InvoiceNumbering numbering, InvoiceLines lines, InvoicePublication publication) {
		this.fees = fees;
		this.numbering = numbering;
		this.lines = lines;
		this.publication = publication;
	}

	// its own transaction even inside an idempotent request: each invoice commits on its
	// own,
	// and the counter row is locked only while one invoice is issued
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	Optional<Issued> issue(AccruedFees.Group group) {
		List<InvoiceLine> lines = holdable(this.fees.claim(group));
		if (lines.isEmpty()) {
			return Optional.empty(); // another run holds or billed them
		}
		Invoice invoice = this.numbering.insert(group, lines);
		this.lines.insert(invoice.id(), lines);
		int invoiced = this.fees.markInvoiced(lines.stream().map(InvoiceLine::feeId).toList(), invoice.id());
		if (invoiced != lines.size()) {
			// cannot happen while the claim holds the locks; refuse rather than bill
			// twice
			throw new IllegalStateException("Claimed fees changed under their lock");
		}
		this.publication.issued(invoice, lines);
		return Optional.of(new Issued(invoice.id(), lines.size()));
	}

	/**
	 * The first lines whose total stays below {@link Money#MAXIMUM}, which every table
	 * and consumer can hold; the others stay accrued for the next invoice of the run.
	 */
	private static List<InvoiceLine> holdable(List<InvoiceLine> claimed) {
		BigDecimal total = BigDecimal.ZERO;
		int count = 0;
		while (count < claimed.size() && total.add(claimed.get(count).amount()).compareTo(Money.MAXIMUM) < 0) {
			total = total.add(claimed.get(count).amount());
			count++;
		}
		return claimed.subList(0, count);
	}

	/**
	 * @param invoiceId the invoice issued
	 * @param fees how many fees it bills
	 */
	record Issued(UUID invoiceId, int fees) {
	}

}
