/**
 * HTTP concerns shared by every feature: security rules and RFC 9457 problem responses.
 */
@NullMarked
package dev.vestline.signature.web;

import org.jspecify.annotations.NullMarked;
