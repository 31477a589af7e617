package dev.vestline.signature.workflows;

import java.util.Optional;
import java.util.UUID;

import dev.vestline.signature.web.ApiProblem;

/**
 * Turns what a staff request found into the problem it answers: 404 unknown, 412 stale
 * version, 409 no longer open.
 */
final class WorkflowPreconditions {

	private WorkflowPreconditions() {
	}

	static SigningWorkflow open(Optional<SigningWorkflow> found, UUID id, int expectedVersion) {
		SigningWorkflow workflow = found.orElseThrow(() -> ApiProblem.notFound("No signing workflow " + id + "."));
		if (workflow.version() != expectedVersion) {
			throw ApiProblem.stale("The workflow is at version " + workflow.version() + ", not " + expectedVersion
					+ ": it changed since you read it. Reload it and try again.");
		}
		if (!workflow.isOpen()) {
			throw ApiProblem.conflict("The workflow is " + workflow.status() + " and can no longer be changed.");
		}
		return workflow;
	}

	/** The conditional update changed nothing: say which race was lost. */
	static void explainLostRace(Optional<SigningWorkflow> found, UUID id, int expectedVersion) {
		open(found, id, expectedVersion);
		throw ApiProblem.conflict("The workflow changed while your request was processed; reload it and try again.");
	}

}
