package dev.vestline.support.mail;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A mail the sender gave up on: the address was refused, or every attempt failed.
 *
 * @param id the mail, to re-send it
 * @param kind what the mail is, e.g. {@code signing-request}
 * @param about what it is about, e.g. the workflow or invoice id
 * @param recipient the address that did not work
 * @param subject its subject
 * @param attempts how many times it was tried
 * @param lastError what the SMTP server or the connection said last
 * @param failedAt when the sender gave up
 * @param messageId its Message-ID
 */
public record FailedMail(UUID id, String kind, String about, String recipient, String subject, int attempts,
		@Nullable String lastError, Instant failedAt, String messageId) {

}
