/**
 * Authentication of API callers: OpenID Connect access tokens (or, in development, HS256
 * tokens with a shared secret) whose roles claim becomes Spring Security roles, and the
 * dev token issuer used locally and in tests.
 */
@NullMarked
package dev.vestline.support.security;

import org.jspecify.annotations.NullMarked;
