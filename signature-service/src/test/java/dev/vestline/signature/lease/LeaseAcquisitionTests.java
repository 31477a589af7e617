package dev.vestline.signature.lease;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.vestline.signature.audit.AuditLog;
import dev.vestline.support.domain.Conflict;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.atMost;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class LeaseAcquisitionTests {

	final UUID workflow = UUID.randomUUID();

	final Leases leases = mock(Leases.class);

	final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	/**
	 * Time moves only when the waiter pauses, by exactly the pause: no dependence on
	 * load.
	 */
	final PausedTime waiting = new PausedTime();

	final LeaseAcquisition acquisition = new LeaseAcquisition(this.leases,
			new LeaseProperties(Duration.ofSeconds(30), Duration.ofMillis(300), Duration.ofMillis(20),
					Duration.ofMillis(80), Duration.ofSeconds(5)),
			mock(AuditLog.class), new LeaseMetrics(this.registry), Clock.systemUTC(), this.waiting);

	@Test
	void backsOffUpToTheBoundThenAnswersConflictWithRetryAfter() {
		when(this.leases.tryAcquire(eq(this.workflow), anyString(), any(), any())).thenReturn(Optional.empty());
		when(this.leases.state(this.workflow))
			.thenReturn(new Leases.State(true, "INVESTOR ivy", Instant.now().plusSeconds(20)));
		assertThatThrownBy(() -> this.acquisition.acquire(this.workflow, "ARRANGER ada"))
			.isInstanceOfSatisfying(Conflict.class, (problem) -> {
				assertThat(problem.slug()).isEqualTo("lease-held");
				assertThat(problem.getMessage()).startsWith("Another party is signing this document right now");
				// capped by the wait bound (300 ms); Retry-After counts whole seconds
				assertThat(problem.retryAfter()).isEqualTo(Duration.ofSeconds(1));
			});
		// it paused until the bound and no longer than the bound
		assertThat(this.waiting.elapsed()).isBetween(Duration.ofMillis(300), Duration.ofMillis(380));
		assertThat(this.waiting.longestPause()).isLessThanOrEqualTo(Duration.ofMillis(80));
		// backoff doubles from 20 ms to at most 80 ms, with jitter: a handful of
		// attempts, not a spin
		verify(this.leases, atLeast(5)).tryAcquire(eq(this.workflow), anyString(), any(), any());
		verify(this.leases, atMost(30)).tryAcquire(eq(this.workflow), anyString(), any(), any());
		assertThat(this.registry.counter("vestline.signature.lease.contended").count()).isEqualTo(1);
		assertThat(this.registry.counter("vestline.signature.lease.refused").count()).isEqualTo(1);
	}

	@Test
	void refusesAtOnceWhenTheWorkflowIsNoLongerOpen() {
		when(this.leases.tryAcquire(eq(this.workflow), anyString(), any(), any())).thenReturn(Optional.empty());
		when(this.leases.state(this.workflow)).thenReturn(new Leases.State(false, null, null));
		assertThatThrownBy(() -> this.acquisition.acquire(this.workflow, "ARRANGER ada")).isInstanceOfSatisfying(
				Conflict.class, (problem) -> assertThat(problem.getMessage()).contains("no longer open"));
	}

	@Test
	void countsATakeoverOfAnExpiredLease() {
		Lease lease = new Lease(this.workflow, "ARRANGER ada", 7, Instant.now().plusSeconds(30));
		when(this.leases.tryAcquire(eq(this.workflow), anyString(), any(), any()))
			.thenReturn(Optional.of(new Leases.Taken(lease, "INVESTOR ivy")));
		assertThat(this.acquisition.acquire(this.workflow, "ARRANGER ada")).isEqualTo(lease);
		assertThat(this.registry.counter("vestline.signature.lease.acquired", "outcome", "takeover").count())
			.isEqualTo(1);
	}

	static final class PausedTime implements Waiting {

		private long now;

		private Duration longestPause = Duration.ZERO;

		@Override
		public long nanoTime() {
			return this.now;
		}

		@Override
		public void pause(Duration duration) {
			this.now += duration.toNanos();
			this.longestPause = (duration.compareTo(this.longestPause) > 0) ? duration : this.longestPause;
		}

		Duration elapsed() {
			return Duration.ofNanos(this.now);
		}

		Duration longestPause() {
			return this.longestPause;
		}

	}

}
