package dev.vestline.reconciliation.expectations;

import java.math.BigDecimal;

import dev.vestline.events.billing.InvoiceIssued;
import dev.vestline.events.signature.SigningWorkflowCompleted;
import dev.vestline.messaging.cloudevents.UndecodableRecordException;
import org.jspecify.annotations.Nullable;

/**
 * What reconciliation accepts of another service's event before it expects money: a
 * positive amount (its digits and size are {@code Money}'s rule, checked when the event
 * is read) and texts short enough for the tables and their indexes. Anything else no
 * retry can fix: the record is dead-lettered at once, naming the field.
 */
final class ConsumedEvents {

	/** Investor ids are keys of positions ({@code UNIQUE (investor_id, vehicle_id)}). */
	static final int INVESTOR_ID = 255;

	/** An RF creditor reference has at most 25 characters; ISO 20022 allows 35. */
	static final int PAYMENT_REFERENCE = 35;

	/** An invoice number as printed. */
	static final int INVOICE_NUMBER = 35;

	private ConsumedEvents() {
	}

	static void check(SigningWorkflowCompleted completed) {
		if (completed.amount() == null) {
			return; // an NDA: nothing is expected, nothing is stored
		}
		positive("amount", completed.amount().amount());
		text("investorId", completed.investorId(), INVESTOR_ID);
	}

	static void check(InvoiceIssued issued) {
		positive("total", issued.total().amount());
		text("investorId", issued.investorId(), INVESTOR_ID);
		text("paymentReference", issued.paymentReference(), PAYMENT_REFERENCE);
		text("invoiceNumber", issued.invoiceNumber(), INVOICE_NUMBER);
	}

	private static void positive(String field, BigDecimal amount) {
		if (amount.signum() <= 0) {
			throw new UndecodableRecordException(field + " must be positive to be expected, was " + amount);
		}
	}

	private static void text(String field, @Nullable String text, int limit) {
		if (text != null && (text.isBlank() || text.codePointCount(0, text.length()) > limit)) {
			throw new UndecodableRecordException(field + " must have 1 to " + limit + " characters");
		}
	}

}
