/**
 * Billing's own web rules: who may call what, and amounts as decimal strings. Problems,
 * conditional requests and the OpenAPI parts come from the web kit in service-support.
 */
@NullMarked
package dev.vestline.billing.web;

import org.jspecify.annotations.NullMarked;
