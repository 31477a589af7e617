/**
 * The operators' HTTP API over the dead letters of a service's consumer groups.
 */
@NullMarked
package dev.vestline.support.deadletters;

import org.jspecify.annotations.NullMarked;
