/**
 * Reconciliation's own web rules: who may call what. Problems, conditional requests and
 * the OpenAPI parts come from the web kit in service-support.
 */
@NullMarked
package dev.vestline.reconciliation.web;

import org.jspecify.annotations.NullMarked;
