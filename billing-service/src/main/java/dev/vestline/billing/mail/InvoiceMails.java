package dev.vestline.billing.mail;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import dev.vestline.events.Contact;
import dev.vestline.events.billing.InvoiceIssued;
import dev.vestline.events.billing.InvoiceLine;
import dev.vestline.support.mail.Mail;
import dev.vestline.support.mail.MailOutbox;
import dev.vestline.support.mail.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Mails each issued invoice to its investor: what is owed, by when, and the reference to
 * pay it with. Written in the transaction that issues the invoice; an investor without a
 * known address gets none (staff see it in the log and can send the invoice themselves).
 */
@Component
public class InvoiceMails {

	private static final Logger logger = LoggerFactory.getLogger(InvoiceMails.class);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	private final InvestorContacts contacts;

	private final MailOutbox outbox;

	InvoiceMails(InvestorContacts contacts, MailOutbox outbox) {
		this.contacts = contacts;
		this.outbox = outbox;
	}

	/**
	 * @param issued the invoice, as its event announces it
	 */
	public void issued(InvoiceIssued issued) {
		var contact = this.contacts.of(issued.investorId()).filter((c) -> Recipient.isAddress(c.email()));
		if (contact.isEmpty()) {
			logger.warn("No e-mail address for investor {}; invoice {} was not mailed", issued.investorId(),
					issued.invoiceNumber());
			return;
		}
		this.outbox.append(mail(issued, contact.get()));
	}

	private static Mail mail(InvoiceIssued issued, Contact to) {
		String total = amount(issued.total().amount(), issued.total().currency());
		String due = DAY.format(issued.dueDate());
		StringBuilder lines = new StringBuilder();
		for (InvoiceLine line : issued.lines()) {
			lines.append("- ")
				.append(fee(line))
				.append(": ")
				.append(amount(line.amount().amount(), line.amount().currency()))
				.append('\n');
		}
		String text = "Hello " + to.name() + ",\n\n" + "here is your invoice " + issued.invoiceNumber() + ", issued on "
				+ DAY.format(issued.issuedAt().atZone(ZoneOffset.UTC)) + ".\n\n" + lines + "\nTotal: " + total
				+ "\n\nPlease pay " + total + " by " + due + ", quoting this payment reference so that we can match"
				+ " your payment:\n" + issued.paymentReference() + "\n\nVestline\n";
		String html = "<!DOCTYPE html><html><body style=\"font-family: sans-serif\"><p>"
				+ HtmlUtils.htmlEscape(text).replace("\n\n", "</p><p>").replace("\n", "<br>") + "</p></body></html>";
		return new Mail("invoice", issued.invoiceId().toString(), 1, new Recipient(to.email(), to.name()),
				"Your invoice " + issued.invoiceNumber() + ": " + total + " due " + due, text, html, List.of());
	}

	private static String fee(InvoiceLine line) {
		String type = line.feeType().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " fee";
		return (line.period() != null) ? type + " for " + line.period() : type;
	}

	private static String amount(BigDecimal amount, String currency) {
		return amount.toPlainString() + " " + currency;
	}

}
