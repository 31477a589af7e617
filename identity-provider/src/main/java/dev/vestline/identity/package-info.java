/**
 * The development identity provider: people and clients from configuration, access tokens
 * with roles in a configurable claim, signed by rotatable keys published as a JWK set.
 */
@NullMarked
package dev.vestline.identity;

import org.jspecify.annotations.NullMarked;
