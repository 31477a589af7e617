/**
 * The staff console: its application and configuration; each area of work is a package of
 * its own.
 */
@NullMarked
package dev.vestline.console;

import org.jspecify.annotations.NullMarked;
