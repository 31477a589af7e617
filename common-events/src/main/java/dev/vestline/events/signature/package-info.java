/**
 * Contracts of the signature service's events: signing workflows in which several parties
 * progressively sign one hash-chained document.
 */
@NullMarked
package dev.vestline.events.signature;

import org.jspecify.annotations.NullMarked;
