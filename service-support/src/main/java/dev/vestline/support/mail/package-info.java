/**
 * The mail kit: a mail outbox written in the transaction of the change that causes a
 * mail, a sender safe with any number of replicas, and the staff API for mails that
 * failed.
 */
@NullMarked
package dev.vestline.support.mail;

import org.jspecify.annotations.NullMarked;
