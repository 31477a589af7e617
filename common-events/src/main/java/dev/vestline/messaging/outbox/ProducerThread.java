package dev.vestline.messaging.outbox;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that hands a leader's batches to the Kafka producer, in the order they
 * were claimed, while the leader's own thread claims the next batch and marks the last
 * one on its connection. Handing 500 records to the producer (building the CloudEvents
 * records, compressing) takes about as long as claiming them; on one thread the two took
 * turns.
 * <p>
 * Sends and flushes run here one after another, so the producer sees the batches in claim
 * order. An abort takes effect at once, from the leader's thread; the sends queued before
 * it fail without reaching the producer, and the first send after it reopens the
 * publisher behind them.
 */
final class ProducerThread implements AutoCloseable {

	private final KafkaPublisher publisher;

	private final ExecutorService thread = Executors
		.newSingleThreadExecutor(Thread.ofPlatform().name("outbox-relay-producer").daemon().factory());

	private boolean aborted = true;

	ProducerThread(KafkaPublisher publisher) {
		this.publisher = publisher;
	}

	/**
	 * Queues a batch for the producer and returns at once.
	 * @param rows the rows, in position order
	 * @return the batch on its way, to be awaited in the order it was sent
	 */
	SentBatch send(List<OutboxRow> rows) {
		if (this.aborted) {
			this.thread.execute(this.publisher::reopen);
			this.aborted = false;
		}
		return new SentBatch(rows, this.thread.submit(() -> this.publisher.send(rows)), this.publisher.ackTimeout());
	}

	/**
	 * Waits until every queued batch is handed to the producer and the producer has sent
	 * and settled all its records ({@link KafkaPublisher#flush(long)}).
	 * @param deadline {@link System#nanoTime()} by which the oldest batch in flight must
	 * be acknowledged
	 */
	void flush(long deadline) {
		try {
			this.thread.submit(() -> this.publisher.flush(deadline)).get();
		}
		catch (ExecutionException ex) {
			// the batches' own futures tell the relay what failed
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Gives up every batch sent so far: see {@link KafkaPublisher#abort()}. */
	void abort() {
		this.publisher.abort();
		this.aborted = true;
	}

	/** Ends the thread; a send under way fails at its next record. */
	@Override
	public void close() {
		this.thread.shutdownNow();
		try {
			this.thread.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
