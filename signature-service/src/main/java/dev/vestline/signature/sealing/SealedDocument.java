package dev.vestline.signature.sealing;

import java.time.Instant;
import java.util.UUID;

import dev.vestline.signature.documents.Sha256;

/**
 * A completed workflow's sealed document and its certificate of completion.
 *
 * @param workflowId the workflow
 * @param finalVersion the document version every signer signed
 * @param finalSha256 its hash, the last link of the chain
 * @param finalLength its length: the sealed document's first bytes are exactly it
 * @param content the sealed PDF: the final version, the certificate pages, the seal
 * @param certificate the certificate of completion as a PDF of its own, sealed too
 * @param sealedWith the SHA-256 of the sealing certificate
 * @param sealedAt when it was sealed
 */
public record SealedDocument(UUID workflowId, int finalVersion, String finalSha256, int finalLength, byte[] content,
		byte[] certificate, String sealedWith, Instant sealedAt) {

	public String sha256() {
		return Sha256.hex(this.content);
	}

	public String certificateSha256() {
		return Sha256.hex(this.certificate);
	}

}
