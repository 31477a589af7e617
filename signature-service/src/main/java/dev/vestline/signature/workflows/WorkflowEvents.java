package dev.vestline.signature.workflows;

import java.util.UUID;

import dev.vestline.events.signature.SignatureEvent;
import dev.vestline.messaging.EventContext;
import dev.vestline.messaging.outbox.Outbox;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Appends a workflow's events to the outbox under the correlation id of the flow that
 * opened it, so that a signature made over HTTP days later still belongs to the
 * approval's flow; and publishes each in-process too, so that this service's own features
 * (sealing a completed document) act on it within the transaction or after it commits.
 */
@Component
public class WorkflowEvents {

	private final Outbox outbox;

	private final ApplicationEventPublisher inProcess;

	WorkflowEvents(Outbox outbox, ApplicationEventPublisher inProcess) {
		this.outbox = outbox;
		this.inProcess = inProcess;
	}

	/**
	 * @param workflow the workflow the event is about
	 * @param event the event; needs the caller's transaction
	 * @return the event id
	 */
	public UUID append(SigningWorkflow workflow, SignatureEvent event) {
		EventContext current = EventContext.current();
		String correlationId = (workflow.correlationId() != null) ? workflow.correlationId() : current.correlationId();
		UUID id = new EventContext(correlationId, current.causationId(), current.traceparent())
			.call(() -> this.outbox.append(event));
		this.inProcess.publishEvent(event);
		return id;
	}

}
