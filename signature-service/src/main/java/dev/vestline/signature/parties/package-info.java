/**
 * Who signs for a vehicle besides the investor: the counterparty of an NDA and the
 * arranger of a subscription pack.
 */
@NullMarked
package dev.vestline.signature.parties;

import org.jspecify.annotations.NullMarked;
