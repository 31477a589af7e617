package dev.vestline.signature.workflows;

import java.util.Optional;
import java.util.UUID;

import dev.vestline.support.domain.Conflict;
import dev.vestline.support.domain.NotFound;
import dev.vestline.support.domain.StaleVersion;

/**
 * Turns what a staff request found into the problem it answers: 404 unknown, 409 no
 * longer open, 412 stale version.
 */
final class WorkflowPreconditions {

	private WorkflowPreconditions() {
	}

	static SigningWorkflow open(Optional<SigningWorkflow> found, UUID id, int expectedVersion) {
		SigningWorkflow workflow = found.orElseThrow(() -> new NotFound("No signing workflow " + id + "."));
		// a workflow that is no longer open is a conflict whatever version the caller
		// read
		if (!workflow.isOpen()) {
			throw new Conflict(
					"The workflow is " + workflow.status().name().toLowerCase() + " and can no longer be changed.");
		}
		if (workflow.version() != expectedVersion) {
			throw new StaleVersion(workflow.version(), "The workflow is at version " + workflow.version() + ", not "
					+ expectedVersion + ": it changed since you read it. Reload it and try again.");
		}
		return workflow;
	}

	/** The conditional update changed nothing: say which race was lost. */
	static void explainLostRace(Optional<SigningWorkflow> found, UUID id, int expectedVersion) {
		open(found, id, expectedVersion);
		throw new Conflict("The workflow changed while your request was processed; reload it and try again.");
	}

}
