package dev.vestline.billing.payments;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.vestline.billing.Ids;
import dev.vestline.billing.invoices.Invoice;
import dev.vestline.billing.invoices.Invoices;
import dev.vestline.billing.web.Problem;
import dev.vestline.events.billing.PaymentSource;

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
		Invoice invoice = this.invoices.lock(invoiceId).orElseThrow(() -> Problem.notFound("Invoice " + invoiceId));
		if (invoice.version() != expectedVersion) {
			throw Problem.staleVersion(invoice.version());
		}
		if (!"ISSUED".equals(invoice.status())) {
			throw Problem.conflict("Invoice " + invoice.invoiceNumber() + " is " + invoice.status()
					+ "; credit applies only to an ISSUED invoice");
		}
		BigDecimal balance = this.credits.lockBalance(invoice.investorId(), invoice.currency());
		BigDecimal amount = balance.min(invoice.outstanding());
		if (amount.signum() <= 0) {
			throw Problem.conflict("Investor " + invoice.investorId() + " has no " + invoice.currency() + " credit");
		}
		Instant now = this.clock.instant();
		UUID id = Ids.next();
		Payment payment = new Payment(id, invoiceId, invoice.investorId(), invoice.currency(), amount, amount,
				BigDecimal.ZERO, PaymentSource.CREDIT, "credit-application-" + id, null, now, null);
		this.booking.fromCredit(invoice, payment, now);
		return payment;
	}

}
