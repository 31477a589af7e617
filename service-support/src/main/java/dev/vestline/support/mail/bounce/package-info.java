/**
 * Bounces: the delivery-status notifications in a service's bounce mailbox, read over
 * IMAP on every replica, each once, and the mail each names marked bounced for staff.
 */
@NullMarked
package dev.vestline.support.mail.bounce;

import org.jspecify.annotations.NullMarked;
