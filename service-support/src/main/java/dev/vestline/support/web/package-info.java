/**
 * The edge every servlet service shares: what ties a request to the events it causes
 * (correlation id, trace context), request body limits checked before the body is
 * buffered, and the container's and the firewall's refusals as RFC 9457 problems.
 */
@NullMarked
package dev.vestline.support.web;

import org.jspecify.annotations.NullMarked;
