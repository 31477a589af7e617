package dev.vestline.console.operations;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service's card says: the backlog and its age in words, a broken invariant as a
 * problem, a service not answering.
 */
class ServiceCardTests {

	@Test
	void saysTheBacklogAndItsOldestAgeInWords() {
		assertThat(status(0, 0, 0).backlogInWords()).isEqualTo("Nothing waits to be published");
		assertThat(status(1, 45, 0).backlogInWords())
			.isEqualTo("1 event waits to be published; the oldest for 45 seconds");
		assertThat(status(3, 7_200, 0).backlogInWords())
			.isEqualTo("3 events wait to be published; the oldest for 2 hours");
	}

	@Test
	void marksACardWithABrokenInvariantOrNoAnswerAsAProblem() {
		assertThat(ServiceCard.of(Service.APPROVAL, status(0, 0, 0)).problem()).isFalse();
		assertThat(ServiceCard.of(Service.APPROVAL, status(0, 0, 2)).problem()).isTrue();
		ServiceCard silent = ServiceCard.notAnswering(Service.BILLING);
		assertThat(silent.problem()).isTrue();
		assertThat(silent.failure()).startsWith("Billing service is not answering");
		assertThat(ServiceCard.failed(Service.SIGNATURE, 500, "Internal Server Error").failure())
			.isEqualTo("Signature service answered with an error (500 Internal Server Error).");
	}

	@Test
	void countsTheDeadLettersItCouldCount() {
		ServiceStatus status = new ServiceStatus("approval", "a", Instant.now(),
				new ServiceStatus.Outbox(0, null, 0, 0, 0), null, List.of(),
				List.of(new ServiceStatus.DeadLetterCount("x.dlt", "x", "g", 2L, null),
						new ServiceStatus.DeadLetterCount("y.dlt", "y", "g", null, "The broker did not answer")));
		assertThat(status.deadLettersPending()).isEqualTo(2);
	}

	private static ServiceStatus status(long backlog, long ageSeconds, long violations) {
		return new ServiceStatus("approval", "approval-service a/1", Instant.now(),
				new ServiceStatus.Outbox(backlog, null, ageSeconds, 0, 0),
				new ServiceStatus.Leader("approval-service a/1", "127.0.0.1", Instant.now()),
				List.of(new ServiceStatus.Invariant("deal_reserved_equals_reservations", violations)), List.of());
	}

}
