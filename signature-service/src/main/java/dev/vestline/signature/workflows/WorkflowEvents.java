package dev.vestline.signature.workflows;

import java.util.UUID;

import dev.vestline.events.signature.SignatureEvent;
import dev.vestline.events.signature.SigningWorkflowCompleted;
import dev.vestline.messaging.EventContext;
import dev.vestline.messaging.outbox.Outbox;
import dev.vestline.signature.parties.SignerContacts;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Appends a workflow's events to the outbox under the correlation id of the flow that
 * opened it, so that a signature made over HTTP days later still belongs to the
 * approval's flow. Each event is also published in-process, in the same transaction, as a
 * {@link SignatureEventAppended}: the mails it causes are written there.
 */
@Component
public class WorkflowEvents {

	private final Outbox outbox;

	private final SignerContacts contacts;

	private final ApplicationEventPublisher inProcess;

	WorkflowEvents(Outbox outbox, SignerContacts contacts, ApplicationEventPublisher inProcess) {
		this.outbox = outbox;
		this.contacts = contacts;
		this.inProcess = inProcess;
	}

	/**
	 * @param workflow the workflow the event is about
	 * @param event the event; needs the caller's transaction
	 * @return the event id
	 */
	public UUID append(SigningWorkflow workflow, SignatureEvent event) {
		SignatureEvent complete = withInvestorContact(workflow, event);
		EventContext current = EventContext.current();
		String correlationId = (workflow.correlationId() != null) ? workflow.correlationId() : current.correlationId();
		UUID id = new EventContext(correlationId, current.causationId(), current.traceparent())
			.call(() -> this.outbox.append(complete));
		this.inProcess.publishEvent(new SignatureEventAppended(workflow, complete));
		return id;
	}

	/**
	 * Billing mails the investor's invoices, so the completion carries the investor's
	 * contact (as the workflow has it now, corrections included); no other event does.
	 */
	private SignatureEvent withInvestorContact(SigningWorkflow workflow, SignatureEvent event) {
		if (event instanceof SigningWorkflowCompleted c && c.investor() == null) {
			return this.contacts.of(workflow.id(), "INVESTOR")
				.map((investor) -> (SignatureEvent) new SigningWorkflowCompleted(c.workflowId(), c.approvalId(),
						c.documentKind(), c.dealId(), c.vehicleId(), c.investorId(), c.subscriptionId(), c.amount(),
						c.documentVersion(), c.documentSha256(), c.completedAt(), investor))
				.orElse(event);
		}
		return event;
	}

	/**
	 * An event of a workflow was appended to the outbox; listeners run in the same
	 * transaction.
	 *
	 * @param workflow the workflow as the appender read it
	 * @param event the event
	 */
	public record SignatureEventAppended(SigningWorkflow workflow, SignatureEvent event) {

	}

}
