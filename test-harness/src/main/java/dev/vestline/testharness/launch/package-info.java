/**
 * Starting the services' executable jars as processes of their own, quickly: the local
 * platform, its tests and the console's tests start dozens of them on two cores.
 */
@NullMarked
package dev.vestline.testharness.launch;

import org.jspecify.annotations.NullMarked;
