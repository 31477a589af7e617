/**
 * What domain code throws when a request cannot be done, named in the domain's words and
 * free of HTTP: {@link NotFound}, {@link Conflict}, {@link StaleVersion},
 * {@link NotPermitted}, {@link InvalidInput}, {@link Unacceptable}, {@link Expired},
 * {@link Unauthenticated}. The web kit ({@code dev.vestline.support.web}) maps each
 * family to its RFC 9457 problem; a service subclasses a family for a failure of its own.
 */
@NullMarked
package dev.vestline.support.domain;

import org.jspecify.annotations.NullMarked;
