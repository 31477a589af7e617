package dev.vestline.billing.invoices;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import dev.vestline.billing.BillingMetrics;
import dev.vestline.billing.BillingProperties;
import dev.vestline.billing.Ids;
import dev.vestline.billing.mail.InvoiceMails;
import dev.vestline.billing.money.MinorUnits;
import dev.vestline.events.Money;
import dev.vestline.events.billing.InvoiceIssued;
import dev.vestline.messaging.outbox.Outbox;

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

	private final Invoices invoices;

	private final InvoiceLines lines;

	private final InvoiceNumbers numbers;

	private final Outbox outbox;

	private final BillingMetrics metrics;

	private final Clock clock;

	private final int dueDays;

	private final InvoiceMails mails;

	InvoiceIssuing(AccruedFees fees, Invoices invoices, InvoiceLines lines, InvoiceNumbers numbers, Outbox outbox,
			BillingMetrics metrics, Clock clock, BillingProperties properties, InvoiceMails mails) {
		this.mails = mails;
		this.fees = fees;
		this.invoices = invoices;
		this.lines = lines;
		this.numbers = numbers;
		this.outbox = outbox;
		this.metrics = metrics;
		this.clock = clock;
		this.dueDays = properties.invoices().dueDays();
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
		Instant now = this.clock.instant();
		int year = now.atZone(ZoneOffset.UTC).getYear();
		int sequence = this.numbers.next(year);
		BigDecimal total = lines.stream().map(InvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		LocalDate due = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(this.dueDays);
		Invoice invoice = new Invoice(Ids.next(), InvoiceNumbers.format(year, sequence), group.investorId(),
				group.vehicleId(), group.currency(), total, BigDecimal.ZERO, "ISSUED",
				InvoiceNumbers.paymentReference(year, sequence), due, now, null, null, null, 0);
		this.invoices.insert(invoice, year, sequence);
		this.lines.insert(invoice.id(), lines);
		int invoiced = this.fees.markInvoiced(lines.stream().map(InvoiceLine::feeId).toList(), invoice.id());
		if (invoiced != lines.size()) {
			// cannot happen while the claim holds the locks; refuse rather than bill
			// twice
			throw new IllegalStateException("Claimed fees changed under their lock");
		}
		InvoiceIssued issued = issued(invoice, lines);
		this.outbox.append(issued);
		this.mails.issued(issued); // the investor's copy, in this transaction
		this.metrics.countAfterCommit("vestline.billing.invoices.issued");
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
	record Issued(java.util.UUID invoiceId, int fees) {
	}

	private static InvoiceIssued issued(Invoice invoice, List<InvoiceLine> lines) {
		String currency = invoice.currency();
		return new InvoiceIssued(invoice.id(), invoice.invoiceNumber(), invoice.investorId(), invoice.vehicleId(),
				MinorUnits.money(invoice.total(), currency), invoice.paymentReference(), invoice.dueDate(),
				lines.stream()
					.map((l) -> new dev.vestline.events.billing.InvoiceLine(l.feeId(), l.subscriptionId(), l.feeType(),
							l.period(), MinorUnits.money(l.amount(), currency)))
					.toList(),
				invoice.issuedAt());
	}

}
