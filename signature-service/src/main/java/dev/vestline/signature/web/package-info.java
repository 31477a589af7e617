/**
 * The signature service's own web rules: who may call what (signers by their link, staff
 * by role). Problems, conditional requests and the OpenAPI parts come from the web kit in
 * service-support.
 */
@NullMarked
package dev.vestline.signature.web;

import org.jspecify.annotations.NullMarked;
