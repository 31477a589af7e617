package dev.vestline.messaging;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HousekeepingTests {

	@Test
	void stopLetsTheRunningJobFinishBeforeItReturns() throws Exception {
		Housekeeping housekeeping = new Housekeeping("housekeeping-test");
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch mayFinish = new CountDownLatch(1);
		AtomicBoolean finished = new AtomicBoolean();
		AtomicBoolean interrupted = new AtomicBoolean();
		housekeeping.start();
		housekeeping.every(Duration.ZERO, Duration.ofHours(1), () -> {
			running.countDown();
			try {
				// a job that has claimed work and must record its outcome (the mail
				// sender)
				mayFinish.await(60, TimeUnit.SECONDS);
				finished.set(true);
			}
			catch (InterruptedException ex) {
				interrupted.set(true);
			}
		}, "the test job failed");
		assertThat(running.await(60, TimeUnit.SECONDS)).isTrue();

		CompletableFuture<Void> stopping = CompletableFuture.runAsync(housekeeping::stop);
		Awaitility.await("stop begun").atMost(Duration.ofSeconds(60)).until(() -> !housekeeping.isRunning());
		assertThat(stopping).as("stop waits for the running job").isNotDone();
		mayFinish.countDown();
		stopping.get(60, TimeUnit.SECONDS);

		assertThat(finished).as("the job finished what it started").isTrue();
		assertThat(interrupted).isFalse();
		assertThat(housekeeping.isRunning()).isFalse();
	}

}
