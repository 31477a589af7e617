/**
 * Vestline's event contracts: the public API other services consume. No Spring here.
 */
@NullMarked
package dev.vestline.events;

import org.jspecify.annotations.NullMarked;
