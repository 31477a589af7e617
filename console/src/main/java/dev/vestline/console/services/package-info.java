/**
 * Calling the services' public APIs as the signed-in person: their access token relayed
 * as a bearer token, and the services' RFC 9457 problems turned into exceptions the pages
 * explain.
 */
@NullMarked
package dev.vestline.console.services;

import org.jspecify.annotations.NullMarked;
