package dev.vestline.signature.sealing;

import java.util.UUID;

/**
 * A workflow's document was sealed; published in-process inside the transaction that
 * stored the seal, once per workflow, for what should follow it in that transaction (e.g.
 * the mail that sends every party the sealed document).
 *
 * @param workflowId the workflow
 * @param sha256 the sealed document's hash
 * @param certificateSha256 the certificate's hash
 */
public record DocumentSealed(UUID workflowId, String sha256, String certificateSha256) {

}
