/**
 * The approval service.
 */
@NullMarked
package dev.vestline.approval;

import org.jspecify.annotations.NullMarked;
