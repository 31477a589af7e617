/**
 * What every endpoint shares: RFC 9457 problem responses, JWT security rules, the caller
 * and conditional-request handling.
 */
@NullMarked
package dev.vestline.approval.web;

import org.jspecify.annotations.NullMarked;
