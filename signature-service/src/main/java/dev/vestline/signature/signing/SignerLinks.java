package dev.vestline.signature.signing;

import java.util.List;
import java.util.Optional;

import dev.vestline.signature.workflows.SigningWorkflow;
import dev.vestline.signature.workflows.Workflows;

import org.springframework.stereotype.Component;

/**
 * What a link shows, whatever became of it: its request (pending, used, expired or
 * replaced), the workflow and the parties of the same terms revision. Unlike
 * {@link SignerAccess}, which refuses every link that cannot act, this only reads, so a
 * page can say in words where the link stands. A link a newer one replaced finds its
 * request as it is now, marked replaced. An unknown or malformed token finds nothing.
 */
@Component
public class SignerLinks {

	private final Signers signers;

	private final Workflows workflows;

	SignerLinks(Signers signers, Workflows workflows) {
		this.signers = signers;
		this.workflows = workflows;
	}

	public Optional<SignerLink> find(String token) {
		LinkToken link = new LinkToken(token);
		if (!link.wellFormed()) {
			return Optional.empty();
		}
		Optional<SignerLink> current = this.signers.byToken(link.sha256()).map((request) -> linked(request, false));
		return current.or(() -> this.signers.byReplacedToken(link.sha256()).map((request) -> linked(request, true)));
	}

	private SignerLink linked(SignerRequest request, boolean replaced) {
		SigningWorkflow workflow = this.workflows.find(request.workflowId()).orElseThrow();
		List<SignerRequest> parties = this.signers.of(workflow.id())
			.stream()
			.filter((party) -> party.revision() == request.revision())
			.toList();
		return new SignerLink(request, workflow, parties, replaced);
	}

	/**
	 * A link's request as read, with its workflow and the other parties.
	 *
	 * @param request the link's own request
	 * @param workflow its workflow
	 * @param parties every request of the same terms revision, in stamp order, this one
	 * included
	 * @param replaced whether the token is of a link a newer one replaced: the request is
	 * the signer's as it is now, reached by its newer link only
	 */
	public record SignerLink(SignerRequest request, SigningWorkflow workflow, List<SignerRequest> parties,
			boolean replaced) {

		/**
		 * @return the same request as its current link finds it
		 */
		public SignerLink current() {
			return new SignerLink(this.request, this.workflow, this.parties, false);
		}

	}

}
