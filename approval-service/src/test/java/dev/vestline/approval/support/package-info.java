/**
 * What the integration tests share: the context annotation, an HTTP client, scenarios and
 * a witness of published events.
 */
@NullMarked
package dev.vestline.approval.support;

import org.jspecify.annotations.NullMarked;
