package dev.vestline.billing.invoices;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import dev.vestline.billing.BillingProperties;
import dev.vestline.billing.Ids;

import org.springframework.stereotype.Component;

/**
 * Stores the invoice for a group's claimed lines under the year's next number, with its
 * total, payment reference and due date, in the caller's transaction: the year's counter
 * row stays locked until that transaction ends, so numbers have no gaps and no repeats.
 */
@Component
class InvoiceNumbering {

	private final InvoiceNumbers numbers;

	private final Invoices invoices;

	private final Clock clock;

	private final int dueDays;

	InvoiceNumbering(InvoiceNumbers numbers, Invoices invoices, Clock clock, BillingProperties properties) {
		this.numbers = numbers;
		this.invoices = invoices;
		this.clock = clock;
		this.dueDays = properties.invoices().dueDays();
	}

	Invoice insert(AccruedFees.Group group, List<InvoiceLine> lines) {
		Instant now = this.clock.instant();
		int year = now.atZone(ZoneOffset.UTC).getYear();
		int sequence = this.numbers.next(year);
		BigDecimal total = lines.stream().map(InvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		LocalDate due = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(this.dueDays);
		Invoice invoice = new Invoice(Ids.next(), InvoiceNumbers.format(year, sequence), group.investorId(),
				group.vehicleId(), group.currency(), total, BigDecimal.ZERO, "ISSUED",
				InvoiceNumbers.paymentReference(year, sequence), due, now, null, null, null, 0);
		this.invoices.insert(invoice, year, sequence);
		return invoice;
	}

}
