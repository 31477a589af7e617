/**
 * What every page shares: the navigation (only the areas the person's roles give), the
 * home and signed-out pages, and the pages that explain a refusal or an unreachable
 * service in words.
 */
@NullMarked
package dev.vestline.console.pages;

import org.jspecify.annotations.NullMarked;
