/**
 * The billing service.
 */
@NullMarked
package dev.vestline.billing;

import org.jspecify.annotations.NullMarked;
