/**
 * The invoice mails: each issued invoice to its investor, written to the mail outbox in
 * the transaction that issues it, and where the investors' addresses come from.
 */
@NullMarked
package dev.vestline.billing.mail;

import org.jspecify.annotations.NullMarked;
