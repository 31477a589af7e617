/**
 * The signed documents: PDF rendering, signature stamps and the hash-chained versions.
 */
@NullMarked
package dev.vestline.signature.documents;

import org.jspecify.annotations.NullMarked;
