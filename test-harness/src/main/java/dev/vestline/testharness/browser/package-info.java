/**
 * Real browsers for the pages' tests: headless Chromium through Selenium, sized like a
 * phone or a desktop, with what every page test checks (horizontal overflow, axe-core's
 * accessibility rules) and screenshots.
 */
@NullMarked
package dev.vestline.testharness.browser;

import org.jspecify.annotations.NullMarked;
