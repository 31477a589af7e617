package dev.vestline.messaging.outbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;

/**
 * A batch of outbox rows handed to the producer, with the producer's futures in the same
 * order. Awaiting it tells how many rows, counted from the first, the broker
 * acknowledged.
 */
final class SentBatch {

	private final List<OutboxRow> rows;

	private final List<Future<RecordMetadata>> sent;

	private final @Nullable Exception sendFailure;

	private final long deadline;

	/**
	 * @param rows the rows, in position order
	 * @param sent one future per row handed to the producer, a prefix of {@code rows}
	 * @param sendFailure why the producer refused the next row, if it did
	 * @param timeout how long the broker has to acknowledge the batch, from now
	 */
	SentBatch(List<OutboxRow> rows, List<Future<RecordMetadata>> sent, @Nullable Exception sendFailure,
			Duration timeout) {
		this.rows = rows;
		this.sent = sent;
		this.sendFailure = sendFailure;
		this.deadline = System.nanoTime() + timeout.toNanos();
	}

	/**
	 * @return {@link System#nanoTime()} by which the broker must have acknowledged it
	 */
	long deadline() {
		return this.deadline;
	}

	List<OutboxRow> rows() {
		return this.rows;
	}

	/**
	 * @return whether the producer refused a row already: nothing should be sent after
	 * this batch until it is settled
	 */
	boolean failedEarly() {
		return this.sendFailure != null
				|| (!this.sent.isEmpty() && this.sent.get(this.sent.size() - 1).state() == Future.State.FAILED);
	}

	/**
	 * Waits for the acknowledgements in row order and stops at the first row that was not
	 * acknowledged, or not in time: a later row of the same partition must not count past
	 * a failed one.
	 * @param acknowledgements told of each acknowledged row, in order
	 * @return how many rows were acknowledged, from the first, and why not the rest
	 */
	Result await(Acknowledgements acknowledgements) {
		int acked = 0;
		for (Future<RecordMetadata> future : this.sent) {
			try {
				future.get(Math.max(0, this.deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException ex) {
				return new Result(acked, new TimeoutException("no acknowledgement within the delivery timeout"));
			}
			catch (ExecutionException ex) {
				return new Result(acked, (ex.getCause() instanceof Exception cause) ? cause : ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return new Result(acked, ex);
			}
			acknowledgements.acknowledged(this.rows.get(acked));
			acked++;
		}
		return new Result(acked, (acked < this.rows.size()) ? this.sendFailure : null);
	}

	/** Told of each acknowledged row, in order. */
	interface Acknowledgements {

		void acknowledged(OutboxRow row);

	}

	/**
	 * @param acked how many rows, from the first, the broker acknowledged
	 * @param failure why the rest were not, if any
	 */
	record Result(int acked, @Nullable Exception failure) {

	}

}
