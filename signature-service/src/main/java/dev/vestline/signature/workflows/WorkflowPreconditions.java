package dev.vestline.signature.workflows;

import java.util.Optional;
import java.util.UUID;

import dev.vestline.signature.web.ApiProblem;

/**
 * Turns what a staff request found into the problem it answers: 404 unknown, 409 no
 * longer open, 412 stale version.
 */
final class WorkflowPreconditions {

	private WorkflowPreconditions() {
	}

	static SigningWorkflow open(Optional<SigningWorkflow> found, UUID id, int expectedVersion) {
		SigningWorkflow workflow = found.orElseThrow(() -> ApiProblem.notFound("No signing workflow " + id + "."));
		// a workflow that is no longer open is a conflict whatever version the caller
		// read
		if (!workflow.isOpen()) {
			throw ApiProblem.conflict(
					"The workflow is " + workflow.status().name().toLowerCase() + " and can no longer be changed.");
		}
		if (workflow.version() != expectedVersion) {
			throw ApiProblem.stale("The workflow is at version " + workflow.version() + ", not " + expectedVersion
					+ ": it changed since you read it. Reload it and try again.");
		}
		return workflow;
	}

	/** The conditional update changed nothing: say which race was lost. */
	static void explainLostRace(Optional<SigningWorkflow> found, UUID id, int expectedVersion) {
		open(found, id, expectedVersion);
		throw ApiProblem.conflict("The workflow changed while your request was processed; reload it and try again.");
	}

}
