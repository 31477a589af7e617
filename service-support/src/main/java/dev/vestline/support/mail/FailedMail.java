package dev.vestline.support.mail;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A mail that did not arrive: the sender gave up on it (the address was refused, or every
 * attempt failed), or a mail server returned it after it was sent (a bounce).
 *
 * @param id the mail, to re-send it
 * @param status {@code FAILED} (never left) or {@code BOUNCED} (sent, then returned)
 * @param kind what the mail is, e.g. {@code signing-request}
 * @param about what it is about, e.g. the workflow or invoice id
 * @param recipient the address that did not work
 * @param subject its subject
 * @param attempts how many times it was tried
 * @param lastError what the SMTP server or the connection said last, or for a bounce what
 * the returning server said
 * @param failedAt when the sender gave up, or when the bounce was read
 * @param messageId its Message-ID
 */
public record FailedMail(UUID id, String status, String kind, String about, String recipient, String subject,
		int attempts, @Nullable String lastError, Instant failedAt, String messageId) {

}
