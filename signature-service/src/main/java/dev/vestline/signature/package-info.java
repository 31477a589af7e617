/**
 * The signature service.
 */
@NullMarked
package dev.vestline.signature;

import org.jspecify.annotations.NullMarked;
