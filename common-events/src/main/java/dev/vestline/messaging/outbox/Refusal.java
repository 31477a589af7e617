package dev.vestline.messaging.outbox;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;

/**
 * Which failures are the row's own: the producer or the broker will never take it as it
 * is (larger than {@code max.request.size} or a topic's {@code max.message.bytes}, or
 * invalid for the topic). Only those count towards parking; a broker that is down, slow
 * or refuses everyone (authorization) fails every row alike, and parking rows for it
 * would only reorder them.
 */
final class Refusal {

	private Refusal() {
	}

	static boolean of(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
					|| cause instanceof InvalidRecordException) {
				return true;
			}
		}
		return false;
	}

}
