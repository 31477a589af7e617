package dev.vestline.support.operations;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One thing an operator did through the API, as the audit keeps it.
 *
 * @param id its place in the audit, newer ones higher
 * @param takenAt when
 * @param actor who: the token's subject
 * @param actorName the person's name from the token, where it carries one
 * @param action what, e.g. {@code dead-letter.discard}
 * @param target to what, e.g. the dead-letter topic and the record's partition and offset
 * @param reason why, where the action takes one
 * @param outcome what came of it, in words
 */
public record OperatorAction(long id, Instant takenAt, String actor, @Nullable String actorName, String action,
		String target, @Nullable String reason, String outcome) {
}
