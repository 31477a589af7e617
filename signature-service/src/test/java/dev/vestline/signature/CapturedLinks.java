package dev.vestline.signature;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import dev.vestline.signature.signing.SigningLinkIssued;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Plays the signers' mailboxes: keeps every link issued, after its transaction committed.
 */
@TestComponent
public class CapturedLinks {

	private final ConcurrentLinkedQueue<SigningLinkIssued> issued = new ConcurrentLinkedQueue<>();

	@TransactionalEventListener
	void on(SigningLinkIssued link) {
		this.issued.add(link);
	}

	public List<SigningLinkIssued> of(UUID workflowId) {
		return this.issued.stream().filter((link) -> link.workflowId().equals(workflowId)).toList();
	}

	/**
	 * @return the token of the latest link of a role in a workflow
	 */
	public String token(UUID workflowId, String role) {
		List<SigningLinkIssued> links = of(workflowId).stream().filter((link) -> link.role().equals(role)).toList();
		if (links.isEmpty()) {
			throw new AssertionError("no " + role + " link for workflow " + workflowId);
		}
		String path = links.get(links.size() - 1).link().getPath();
		return path.substring(path.lastIndexOf('/') + 1);
	}

}
