package dev.vestline.reconciliation.expectations;

import dev.vestline.events.billing.InvoiceIssued;
import dev.vestline.events.signature.SigningWorkflowCompleted;

import org.springframework.context.ApplicationContext;

/**
 * Lets tests of other packages record an expectation directly, as the inbox does after
 * reading the event, so that it can race something else without Kafka's delays.
 */
public final class Expecting {

	private Expecting() {
	}

	public static void invoice(ApplicationContext context, InvoiceIssued issued) {
		context.getBean(ExpectedMoney.class).expectInvoice(issued);
	}

	public static void subscription(ApplicationContext context, SigningWorkflowCompleted completed) {
		context.getBean(ExpectedMoney.class).expectSubscription(completed);
	}

}
