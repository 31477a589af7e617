/**
 * What ties an API request to the events it causes: correlation id and trace context.
 */
@NullMarked
package dev.vestline.support.web;

import org.jspecify.annotations.NullMarked;
