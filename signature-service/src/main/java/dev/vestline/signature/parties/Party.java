package dev.vestline.signature.parties;

import org.jspecify.annotations.Nullable;

/**
 * Someone who signs for a vehicle.
 *
 * @param partyId the party's user id
 * @param name the name stamped on the document
 * @param email where the party's signing mails go, or {@code null} when none was given
 */
public record Party(String partyId, String name, @Nullable String email) {

}
