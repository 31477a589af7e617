/**
 * The sealed document of a completed workflow: the certificate of completion appended to
 * its final version and the platform's PAdES seal over both, produced once.
 */
@NullMarked
package dev.vestline.signature.sealing;

import org.jspecify.annotations.NullMarked;
