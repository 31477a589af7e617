package dev.vestline.events.signature;

import java.util.UUID;

import dev.vestline.events.DomainEvent;
import dev.vestline.events.Topics;

/**
 * An event of the signature service, published on {@link Topics#SIGNATURE} and keyed by
 * the workflow id, so the events of one signing workflow stay in order.
 */
public sealed interface SignatureEvent extends DomainEvent permits SigningWorkflowCreated, DocumentSigned,
		SignatureDeclined, SigningWorkflowCompleted, SigningWorkflowCancelled, SigningWorkflowFailed {

	/**
	 * @return the signing workflow the event is about
	 */
	UUID workflowId();

	/**
	 * @return the granted approval the workflow carries out
	 */
	UUID approvalId();

	@Override
	default String aggregateId() {
		return workflowId().toString();
	}

}
