/**
 * The JSON every service accepts from callers: strict numbers, plain decimals.
 */
@NullMarked
package dev.vestline.support.json;

import org.jspecify.annotations.NullMarked;
