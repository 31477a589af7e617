package dev.vestline.console.live;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.errors.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Whether the pages are live: the broker answers and the consumer reads its partitions.
 * When that changes, every open page is told (paused: it no longer updates itself;
 * resumed: it reads again what it may have missed). The console serves its pages either
 * way; only live updates wait for the broker.
 */
class BrokerWatch implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(BrokerWatch.class);

	private final Admin admin;

	private final Assignment assignment;

	private final Watchers watchers;

	private final Duration patience;

	private volatile boolean live;

	BrokerWatch(Map<String, Object> adminProperties, Assignment assignment, Watchers watchers, Duration patience) {
		this.admin = Admin.create(adminProperties);
		this.assignment = assignment;
		this.watchers = watchers;
		this.patience = patience;
	}

	boolean live() {
		return this.live;
	}

	@Scheduled(fixedDelayString = "${vestline.console.live.broker-check:5s}")
	void check() {
		boolean now = answers() && this.assignment.any();
		if (now != this.live) {
			this.live = now;
			log.info(now ? "Live updates on: the broker answers and the console reads its topics"
					: "Live updates paused: the broker does not answer or the console reads no partition yet");
			this.watchers.live(now);
		}
	}

	@Scheduled(fixedDelayString = "${vestline.console.live.heartbeat:15s}")
	void heartbeat() {
		this.watchers.heartbeat();
	}

	private boolean answers() {
		try {
			this.admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) this.patience.toMillis()))
				.clusterId()
				.get(this.patience.toMillis() * 2, TimeUnit.MILLISECONDS);
			return true;
		}
		catch (ExecutionException ex) {
			// refused by the cluster's authorizer: the broker answered all the same
			return ex.getCause() instanceof AuthorizationException;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public void close() {
		this.admin.close(Duration.ofSeconds(1));
	}

}
