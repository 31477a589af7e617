/**
 * The approval service's own web rules: who may call what, and who the caller is.
 * Problems, conditional requests and the OpenAPI parts come from the web kit in
 * service-support.
 */
@NullMarked
package dev.vestline.approval.web;

import org.jspecify.annotations.NullMarked;
