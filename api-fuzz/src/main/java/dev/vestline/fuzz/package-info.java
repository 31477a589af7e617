/**
 * The API fuzzer: hostile requests generated from a service's OpenAPI document, sent to
 * the running service, and the verdict on every answer (no 5xx, every error an RFC 9457
 * problem, nothing written by a refused request).
 */
@NullMarked
package dev.vestline.fuzz;

import org.jspecify.annotations.NullMarked;
