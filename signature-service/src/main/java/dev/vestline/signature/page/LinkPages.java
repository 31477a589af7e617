package dev.vestline.signature.page;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.vestline.signature.documents.DocumentVersions;
import dev.vestline.signature.signing.SignerLinks;
import dev.vestline.signature.signing.SignerLinks.SignerLink;
import dev.vestline.signature.signing.SignerRequest;
import dev.vestline.signature.signing.SignerStatus;

import org.springframework.stereotype.Component;

/**
 * Reads a link and what its page shows: where it stands, the current document with its
 * pages' text, and who has signed.
 */
@Component
class LinkPages {

	private final SignerLinks links;

	private final DocumentVersions documents;

	private final PageImages images;

	private final Clock clock;

	LinkPages(SignerLinks links, DocumentVersions documents, PageImages images, Clock clock) {
		this.links = links;
		this.documents = documents;
		this.images = images;
		this.clock = clock;
	}

	Optional<SignerLink> find(String token) {
		return this.links.find(token);
	}

	PageState state(SignerLink link) {
		return PageState.of(link, this.clock.instant());
	}

	/**
	 * Whether a new link asked for from this one would be one too many: the link was
	 * replaced and the newer one still works (it is in the person's mail).
	 */
	boolean newerLinkWorks(SignerLink link) {
		return link.replaced() && state(link.current()) == PageState.READY;
	}

	/**
	 * A version of the link's workflow, for an image the page asked for: versions never
	 * change, and the page may have been shown before the other party signed the next.
	 */
	Optional<DocumentVersions.Content> version(SignerLink link, int version) {
		return (version < 1 || version > link.workflow().documentVersion()) ? Optional.empty()
				: this.documents.content(link.workflow().id(), version);
	}

	/** The version the page shows: the workflow's latest. */
	DocumentVersions.Content current(SignerLink link) {
		return this.documents.content(link.workflow().id(), link.workflow().documentVersion()).orElseThrow();
	}

	LinkPage page(String token, SignerLink link, PageState state) {
		SignerRequest own = link.request();
		List<LinkPage.Page> pages = new ArrayList<>();
		int version = link.workflow().documentVersion();
		if (state.showsDocument()) {
			DocumentVersions.Content content = current(link);
			List<String> texts = this.images.texts(content.version().sha256(), content.bytes());
			for (int i = 0; i < texts.size(); i++) {
				pages.add(new LinkPage.Page(i + 1, texts.get(i)));
			}
		}
		List<LinkPage.Party> parties = link.parties().stream().map(LinkPages::party).toList();
		List<String> waitingFor = link.parties()
			.stream()
			.filter((party) -> party.status() == SignerStatus.PENDING)
			.map((party) -> party.signer().name())
			.toList();
		return new LinkPage(token, state, Words.document(link.workflow().kind()), own.signer().name(),
				Words.role(own.signer().role()), version, pages, parties, Words.and(waitingFor),
				Words.when(own.linkExpiresAt()), link.workflow().statusReason(), ConsentDisclosure.VERSION);
	}

	private static LinkPage.Party party(SignerRequest party) {
		String where = switch (party.status()) {
			case SIGNED -> (party.signedAt() != null) ? "Signed on " + Words.when(party.signedAt()) : "Signed";
			case DECLINED -> "Declined";
			case VOID -> "Replaced by new terms";
			case PENDING -> "Not signed yet";
		};
		return new LinkPage.Party(party.signer().name(), Words.role(party.signer().role()), where,
				party.status() == SignerStatus.SIGNED);
	}

}
