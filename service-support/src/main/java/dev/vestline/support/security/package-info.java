/**
 * Authentication of API callers: JWT bearer tokens whose {@code roles} claim becomes
 * Spring Security roles, and the dev token issuer used locally and in tests.
 */
@NullMarked
package dev.vestline.support.security;

import org.jspecify.annotations.NullMarked;
