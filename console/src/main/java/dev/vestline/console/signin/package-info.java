/**
 * Signing in and out by OpenID Connect (authorization code with PKCE, a public client),
 * the person's roles, and the pages' security: CSRF, CSP, the session cookie.
 */
@NullMarked
package dev.vestline.console.signin;

import org.jspecify.annotations.NullMarked;
