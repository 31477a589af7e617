package dev.vestline.support.mail;

import java.util.UUID;

/**
 * A mail claimed for sending.
 *
 * @param id its row
 * @param messageId its stable Message-ID header
 * @param attempt the claim's number: the fencing token its outcome is recorded with
 * @param mail what to send
 */
record OutgoingMail(UUID id, String messageId, int attempt, Mail mail) {

}
