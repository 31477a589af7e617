/**
 * The signing area: signing workflows by state, one workflow with its signers and who
 * signed when, and what staff may do to it through signature-service's API (cancel, a new
 * link for a signer, a corrected address, the sealed PDF and its certificate).
 */
@NullMarked
package dev.vestline.console.signing;

import org.jspecify.annotations.NullMarked;
