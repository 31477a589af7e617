/**
 * Signing links and what a signer does with one: view, sign or decline.
 */
@NullMarked
package dev.vestline.signature.signing;

import org.jspecify.annotations.NullMarked;
