package dev.vestline.billing.payments;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.vestline.billing.Ids;
import dev.vestline.billing.invoices.Invoice;
import dev.vestline.billing.invoices.Invoices;
import dev.vestline.events.billing.PaymentSource;
import dev.vestline.support.domain.Conflict;
import dev.vestline.support.domain.NotFound;
import dev.vestline.support.domain.StaleVersion;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies an investor's credit to an invoice as a CREDIT payment. Locks the invoice, then
 * the credit balance (the same order as payment recording, so they cannot deadlock), and
 * debits the balance with a conditional update that never lets it go negative.
 */
@Service
@Transactional
class CreditApplication {

	private final Invoices invoices;

	private final InvestorCredits credits;

	private final PaymentBooking booking;

	private final Clock clock;

	CreditApplication(Invoices invoices, InvestorCredits credits, PaymentBooking booking, Clock clock) {
		this.invoices = invoices;
		this.credits = credits;
		this.booking = booking;
		this.clock = clock;
	}

	Payment apply(UUID invoiceId, long expectedVersion) {
		Invoice invoice = this.invoices.lock(invoiceId).orElseThrow(() -> new NotFound("Invoice " + invoiceId));
		if (invoice.version() != expectedVersion) {
			throw StaleVersion.of(invoice.version());
		}
		if (!"ISSUED".equals(invoice.status())) {
			throw new Conflict("Invoice " + invoice.invoiceNumber() + " is " + invoice.status()
					+ "; credit applies only to an ISSUED invoice");
		}
		BigDecimal balance = this.credits.lockBalance(invoice.investorId(), invoice.currency());
		BigDecimal amount = balance.min(invoice.outstanding());
		if (amount.signum() <= 0) {
			throw new Conflict("Investor " + invoice.investorId() + " has no " + invoice.currency() + " credit");
		}
		Instant now = this.clock.instant();
		UUID id = Ids.next();
		Payment payment = new Payment(id, invoiceId, invoice.investorId(), invoice.currency(), amount, amount,
				BigDecimal.ZERO, PaymentSource.CREDIT, "credit-application-" + id, null, now, null);
		this.booking.fromCredit(invoice, payment, now);
		return payment;
	}

}
