/**
 * The signing page: what a signer sees at their link's URL, server-rendered, in words a
 * person understands: the document, consent, the typed name, declining, every state a
 * link can be in, and a new link when it no longer works.
 */
@NullMarked
package dev.vestline.signature.page;

import org.jspecify.annotations.NullMarked;
