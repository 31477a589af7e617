package dev.vestline.signature.sealing;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.vestline.signature.documents.DocumentVersion;

import org.springframework.stereotype.Component;

/**
 * Makes a completed workflow's sealed document and certificate: the certificate's pages
 * appended to the final version, then the seal over both; and the certificate on its own,
 * sealed the same way. Pure computation: nothing is stored here.
 */
@Component
class SealedPdfs {

	private final SealingKey key;

	private final PadesSeal seal;

	private final Clock clock;

	SealedPdfs(SealingKey key, Clock clock) {
		this.key = key;
		this.seal = new PadesSeal(key);
		this.clock = clock;
	}

	SealedDocument of(Completion completion) {
		Instant at = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		List<String> lines = CertificateText.lines(completion, this.key, at);
		byte[] finalPdf = completion.finalVersion().bytes();
		byte[] content = this.seal.seal(CertificateOfCompletion.appendTo(finalPdf, lines), at);
		byte[] certificate = this.seal
			.seal(CertificateOfCompletion.standalone(CertificateText.title(completion.workflow()), lines), at);
		DocumentVersion last = completion.finalVersion().version();
		return new SealedDocument(completion.workflow().id(), last.version(), last.sha256(), finalPdf.length, content,
				certificate, this.key.fingerprint(), at);
	}

}
