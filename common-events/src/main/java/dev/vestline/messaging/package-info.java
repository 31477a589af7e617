/**
 * The messaging plumbing every service uses the same way: event context, CloudEvents
 * binding, transactional outbox and idempotent inbox.
 */
@NullMarked
package dev.vestline.messaging;

import org.jspecify.annotations.NullMarked;
