package dev.vestline.messaging.outbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader's batches on their way to Kafka. While the batches in flight are handed to
 * the producer ({@link ProducerThread}) and wait for their acknowledgements, the next
 * batch is claimed (skipping the rows in flight) and queued behind them; the oldest is
 * marked once the pipeline is full. The database, the producer and the broker work at the
 * same time instead of taking turns.
 * <p>
 * The guarantees of one batch at a time still hold: batches are handed over, awaited and
 * marked in order on one producer, so per-partition order holds; only the acknowledged
 * prefix of a batch is marked; after a row the producer refused nothing more is handed
 * over; at the first failure the producer is closed at once, nothing after the failed row
 * is marked, and the next claim starts again from the oldest unpublished row. All SQL
 * runs on the leader's connection, so a fenced leader's next statement fails.
 */
final class RelayPipeline {

	private static final Logger logger = LoggerFactory.getLogger(RelayPipeline.class);

	private final OutboxQueries queries;

	private final ProducerThread producer;

	private final OutboxMetrics metrics;

	private final int batchSize;

	private final int depth;

	private final int parkAfter;

	private final Deque<SentBatch> inFlight = new ArrayDeque<>();

	RelayPipeline(OutboxQueries queries, ProducerThread producer, OutboxMetrics metrics, RelaySettings settings) {
		this.queries = queries;
		this.producer = producer;
		this.metrics = metrics;
		this.batchSize = settings.batchSize();
		this.depth = settings.pipelineDepth();
		this.parkAfter = settings.parkAfter();
	}

	/**
	 * Claims and sends the next batch, then settles the oldest batch in flight when the
	 * pipeline is full, or every batch when the outbox is caught up (a short batch:
	 * nothing is left to overlap with, and waiting for {@code linger.ms} would only add
	 * latency).
	 * @return what happened
	 */
	Step advance() {
		boolean wasEmpty = this.inFlight.isEmpty();
		List<OutboxRow> claimed = this.queries.claim(this.batchSize, inFlightPositions());
		boolean settleAll = claimed.size() < this.batchSize || this.depth == 1;
		List<OutboxRow> batch = sendable(claimed);
		if (!batch.isEmpty()) {
			this.inFlight.add(this.producer.send(batch));
		}
		if (settleAll && !this.inFlight.isEmpty()) {
			this.producer.flush(this.inFlight.element().deadline());
		}
		while (!this.inFlight.isEmpty() && (settleAll || this.inFlight.size() >= this.depth)) {
			if (!settle(this.inFlight.remove())) {
				return Step.FAILED;
			}
		}
		return (claimed.isEmpty() && wasEmpty) ? Step.DRAINED : Step.SENT;
	}

	/**
	 * Holds the claimed rows whose aggregate has a parked row ahead of them.
	 * @return the others, to send
	 */
	private List<OutboxRow> sendable(List<OutboxRow> claimed) {
		if (claimed.stream().noneMatch(OutboxRow::held)) {
			return claimed;
		}
		this.queries.hold(claimed.stream().filter(OutboxRow::held).toList());
		return claimed.stream().filter((row) -> !row.held()).toList();
	}

	/**
	 * Gives up the batches in flight (leadership lost, or stopping): their rows stay
	 * unpublished for the next leader, and the producer is closed so that it sends none
	 * of them later.
	 */
	void abandon() {
		if (!this.inFlight.isEmpty()) {
			this.inFlight.clear();
			this.producer.abort();
		}
	}

	private boolean settle(SentBatch batch) {
		SentBatch.Result result = batch.await(this.metrics::acknowledged);
		this.queries.markPublished(batch.rows().subList(0, result.acked()));
		Exception failure = result.failure();
		if (failure == null) {
			return true;
		}
		// the batches sent after this one may hold later rows of the failed row's
		// partition: none of them is marked, all are claimed again
		this.inFlight.clear();
		this.producer.abort();
		OutboxRow row = batch.rows().get(result.acked());
		this.metrics.failed();
		logger.warn("Kafka did not acknowledge outbox event {} ({}); backing off", row.envelope().id(),
				failure.toString());
		boolean refused = Refusal.of(failure);
		int refusals = this.queries.recordFailure(row, failure.toString(), refused);
		if (refused && refusals >= this.parkAfter) {
			park(row, failure);
		}
		return false;
	}

	/**
	 * The row itself was refused, not once but {@code parkAfter} times: sending it again
	 * would stop every later event of the service. Parked, with its aggregate's later
	 * rows held behind it, it waits for an operator while the other aggregates' events
	 * flow on.
	 */
	private void park(OutboxRow row, Exception failure) {
		int held = this.queries.park(row, failure.toString());
		this.metrics.eventParked();
		logger.error(
				"Parked outbox event {} ({} of {}, key {}) after {} refusals, {} later events of its aggregate "
						+ "held behind it: {}. Fix the cause, then retry or discard it: "
						+ "POST /api/v1/dead-letters/parked-events/{}/retry",
				row.envelope().id(), row.envelope().type(), row.topic(), row.envelope().subject(), this.parkAfter, held,
				failure.toString(), row.envelope().id());
	}

	private Long[] inFlightPositions() {
		return this.inFlight.stream()
			.flatMap((sent) -> sent.rows().stream())
			.map(OutboxRow::position)
			.toArray(Long[]::new);
	}

	/** What one call of {@link #advance()} did. */
	enum Step {

		/** Rows were claimed or settled: look again at once. */
		SENT,

		/** Nothing unpublished and nothing in flight: wait for a commit. */
		DRAINED,

		/** The broker did not acknowledge a row: back off. */
		FAILED

	}

}
