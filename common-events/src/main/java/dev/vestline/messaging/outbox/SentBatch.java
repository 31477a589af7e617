package dev.vestline.messaging.outbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.vestline.messaging.outbox.KafkaPublisher.HandOver;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;

/**
 * A batch of outbox rows on its way to the producer and the broker. Awaiting it tells how
 * many rows, counted from the first, the broker acknowledged.
 */
final class SentBatch {

	private final List<OutboxRow> rows;

	private final Future<HandOver> handOver;

	private final long deadline;

	/**
	 * @param rows the rows, in position order
	 * @param handOver completes once the rows are handed to the producer
	 * @param timeout how long the broker has to acknowledge the batch, from now
	 */
	SentBatch(List<OutboxRow> rows, Future<HandOver> handOver, Duration timeout) {
		this.rows = rows;
		this.handOver = handOver;
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
	 * Waits for the hand-over, then for the acknowledgements in row order, and stops at
	 * the first row that was not acknowledged, or not in time: a later row of the same
	 * partition must not count past a failed one.
	 * @param acknowledgements told of each acknowledged row, in order
	 * @return how many rows were acknowledged, from the first, and why not the rest
	 */
	Result await(Acknowledgements acknowledgements) {
		int acked = 0;
		try {
			HandOver handedOver = this.handOver.get(remaining(), TimeUnit.NANOSECONDS);
			for (Future<RecordMetadata> future : handedOver.sent()) {
				future.get(remaining(), TimeUnit.NANOSECONDS);
				acknowledgements.acknowledged(this.rows.get(acked));
				acked++;
			}
			return new Result(acked, (acked < this.rows.size()) ? handedOver.refusal() : null);
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
	}

	private long remaining() {
		return Math.max(0, this.deadline - System.nanoTime());
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
