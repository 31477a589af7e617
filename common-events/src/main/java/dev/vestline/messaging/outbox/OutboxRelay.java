package dev.vestline.messaging.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Moves committed outbox rows to Kafka. Any number of relays may run against one schema;
 * one of them leads: it holds a PostgreSQL session advisory lock on its own connection
 * and does all its reads and writes on that connection, so a relay that lost the lock
 * (its session died) fails its next statement instead of publishing beside the new
 * leader. The others try to take over every {@link RelaySettings#takeoverInterval()};
 * when the leader's process dies, PostgreSQL ends its session and frees the lock within
 * seconds.
 * <p>
 * The leader claims unpublished rows in insertion order, sends them, and marks as
 * published only the rows the broker acknowledged; while one batch travels to the broker
 * it claims the next, and a thread of its own hands that one to the producer
 * ({@link RelayPipeline}, {@link ProducerThread}). When the outbox is drained it polls
 * for a few milliseconds, then sleeps until a commit notification (LISTEN/NOTIFY) or the
 * fallback poll ({@link IdleWait}), and it backs off while Kafka or the database fails.
 */
public class OutboxRelay implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	private final DataSource dataSource;

	private final KafkaPublisher publisher;

	private final RelaySettings settings;

	private final OutboxMetrics metrics;

	private final Backoff backoff;

	private volatile boolean running;

	private volatile boolean leader;

	private @Nullable Thread thread;

	public OutboxRelay(DataSource dataSource, Map<String, Object> producerConfig, RelaySettings settings,
			OutboxMetrics metrics) {
		this.dataSource = dataSource;
		this.publisher = new KafkaPublisher(producerConfig);
		this.settings = settings;
		this.metrics = metrics;
		this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
	}

	/** Starts relaying on a thread of its own. */
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		this.thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
	}

	/**
	 * Stops; the batches in flight are abandoned, their unmarked rows stay for the next
	 * leader.
	 */
	public synchronized void stop() {
		this.running = false;
		if (this.thread != null) {
			this.thread.interrupt();
			try {
				this.thread.join(TimeUnit.SECONDS.toMillis(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.thread = null;
		}
		this.publisher.close();
	}

	@Override
	public void close() {
		stop();
	}

	/**
	 * @return whether this relay is the schema's active relay right now
	 */
	public boolean isLeader() {
		return this.leader;
	}

	private void run() {
		while (this.running) {
			try (Connection connection = this.dataSource.getConnection()) {
				connection.setAutoCommit(true);
				if (RelayLock.tryAcquire(connection)) {
					lead(connection);
				}
				else {
					pause(this.settings.takeoverInterval());
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (this.running) {
					logger.warn("Outbox relay lost its database connection; retrying", ex);
					pause(this.backoff.next());
				}
			}
			finally {
				leading(false);
			}
		}
	}

	private void lead(Connection connection) throws SQLException {
		leading(true);
		logger.info("Outbox relay is the active relay of schema {}", connection.getSchema());
		try (LeaderLease lease = LeaderLease.start(connection, this.settings.lease(), this.publisher::abort)) {
			relay(connection, () -> this.running && lease.held());
		}
		finally {
			// the connection goes back to a pool: it must not keep the lock or a LISTEN
			RelayLock.release(connection);
		}
	}

	/**
	 * @param leading whether to go on: the relay runs and its lease is held
	 */
	private void relay(Connection connection, BooleanSupplier leading) throws SQLException {
		OutboxQueries queries = new OutboxQueries(new SingleConnectionDataSource(connection, true));
		try (ProducerThread producer = new ProducerThread(this.publisher);
				IdleWait idle = new IdleWait(this.dataSource, RelayLock.channel(connection), this.settings, leading)) {
			relay(new RelayPipeline(queries, producer, this.metrics, this.settings), idle, leading);
		}
	}

	private void relay(RelayPipeline pipeline, IdleWait idle, BooleanSupplier leading) throws SQLException {
		try {
			idle.start();
			while (leading.getAsBoolean()) {
				switch (pipeline.advance()) {
					case SENT -> {
						this.backoff.reset();
						idle.busy();
					}
					case DRAINED -> {
						this.backoff.reset();
						idle.await();
					}
					case FAILED -> pause(this.backoff.next());
				}
			}
		}
		finally {
			pipeline.abandon();
		}
	}

	private void leading(boolean leading) {
		this.leader = leading;
		this.metrics.leading(leading);
	}

	private void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

}
