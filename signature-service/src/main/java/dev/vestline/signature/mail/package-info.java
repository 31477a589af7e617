/**
 * The mails of signing: the request with its link, reminders, signed, completed,
 * declined, expired and cancelled, each written to the mail outbox in the transaction of
 * the change that causes it.
 */
@NullMarked
package dev.vestline.signature.mail;

import org.jspecify.annotations.NullMarked;
