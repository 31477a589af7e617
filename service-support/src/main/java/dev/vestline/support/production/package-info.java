/**
 * The production configuration guard: under the {@code prod} profile a service refuses to
 * start with a missing or example secret or a localhost public URL.
 */
@NullMarked
package dev.vestline.support.production;

import org.jspecify.annotations.NullMarked;
