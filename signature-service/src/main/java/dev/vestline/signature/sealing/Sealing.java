package dev.vestline.signature.sealing;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * Seals a completed workflow's document, exactly once however many callers see the
 * completion at the same time (the replica that completed it, a retry, the sweep, a
 * reader): each may compute a seal outside any transaction, only the first stored one
 * exists, and every caller gets that one.
 */
@Service
public class Sealing {

	private final Completions completions;

	private final SealedPdfs pdfs;

	private final SealedDocuments sealed;

	private final SealRecording recording;

	Sealing(Completions completions, SealedPdfs pdfs, SealedDocuments sealed, SealRecording recording) {
		this.completions = completions;
		this.pdfs = pdfs;
		this.sealed = sealed;
		this.recording = recording;
	}

	/**
	 * @param workflowId the workflow
	 * @return its sealed document, sealed now if it was not yet; empty when the workflow
	 * is not completed
	 */
	public Optional<SealedDocument> sealed(UUID workflowId) {
		Optional<SealedDocument> existing = this.sealed.find(workflowId);
		if (existing.isPresent()) {
			return existing;
		}
		return this.completions.of(workflowId).map((completion) -> {
			this.recording.record(this.pdfs.of(completion));
			return this.sealed.find(workflowId).orElseThrow();
		});
	}

}
