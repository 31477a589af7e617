package dev.vestline.signature.parties;

/**
 * Someone who signs for a vehicle.
 *
 * @param partyId the party's user id
 * @param name the name stamped on the document
 */
public record Party(String partyId, String name) {

}
